/** Public pages of hearings and meetings: under the directory of major decisions. */
export const MEETINGS_PATH = '/hdjl/zdjc/tz/';
/** Looking up one's own registration by receipt code and query password. */
export const MEETING_LOOKUP_PATH = '/hdjl/zdjc/tz/cx';
export const meetingPath = (id: string) => `${MEETINGS_PATH}${id}`;

/** Back office: a decision item's meetings, and one meeting's page. */
export const adminDecisionMeetingsPath = (decisionId: string) =>
  `/admin/participation/decisions/${decisionId}/meetings`;
export const ADMIN_MEETINGS_PATH = '/admin/participation/meetings';
export const adminMeetingPath = (id: string) => `${ADMIN_MEETINGS_PATH}/${id}`;
