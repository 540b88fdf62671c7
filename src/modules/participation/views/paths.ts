/** Where the participation module's pages are. */
export const COLUMN_PATH = '/hdjl/';
export const CONSULTATIONS_PATH = '/hdjl/zjyj/';

export function consultationPath(id: string): string {
  return `${CONSULTATIONS_PATH}${id}`;
}

/** The comment form, on one paragraph or (without it) on the whole draft. */
export function commentFormPath(id: string, paragraph?: number): string {
  return `${CONSULTATIONS_PATH}${id}/yijian${paragraph === undefined ? '' : `?p=${paragraph}`}`;
}

/** The adoption report (采纳情况). */
export function reportPath(id: string): string {
  return `${CONSULTATIONS_PATH}${id}/cnqk`;
}

export function comparePath(id: string, from: number, to: number): string {
  return `${CONSULTATIONS_PATH}${id}/bijiao?from=${from}&to=${to}`;
}

export function adminConsultationPath(id: string): string {
  return `/admin/participation/consultations/${id}`;
}
