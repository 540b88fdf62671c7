/** Where the online surveys' pages are (网络调查). */
export const SURVEYS_PATH = '/hdjl/wldc/';
export const ADMIN_SURVEYS_PATH = '/admin/participation/surveys';

/** A survey's page, with its answer form while it is open. */
export function surveyPath(id: string): string {
  return `${SURVEYS_PATH}${id}`;
}

/** A survey's results; `format` for the downloads. */
export function surveyResultsPath(id: string, format?: 'csv' | 'xlsx'): string {
  return `${SURVEYS_PATH}${id}/jieguo${format === undefined ? '' : `.${format}`}`;
}

export function adminSurveyPath(id: string): string {
  return `${ADMIN_SURVEYS_PATH}/${id}`;
}
