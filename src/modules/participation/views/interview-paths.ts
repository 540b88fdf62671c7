/** The public list of online interviews (在线访谈). */
export const INTERVIEWS_PATH = '/hdjl/zxft/';
/** The back office's list of online interviews. */
export const ADMIN_INTERVIEWS_PATH = '/admin/participation/interviews';

/** An interview's public page. */
export const interviewPath = (id: string): string => `${INTERVIEWS_PATH}${id}`;
/** The question form of an interview (not cached: it carries a CSRF token). */
export const questionFormPath = (id: string): string => `${INTERVIEWS_PATH}${id}/tiwen`;
/** The live page's event stream. */
export const interviewEventsPath = (id: string): string => `${INTERVIEWS_PATH}${id}/events`;
/** An interview in the back office. */
export const adminInterviewPath = (id: string): string => `${ADMIN_INTERVIEWS_PATH}/${id}`;
/** An uploaded photo of an interview, served from the file storage (not cached as a page). */
export const interviewPhotoPath = (id: string, mediaId: string): string => `${INTERVIEWS_PATH}${id}/tu/${mediaId}`;
