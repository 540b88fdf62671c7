/**
 * The calendar module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export { importHolidayNotice } from './commands/import-holiday-notice.ts';
export { registerCalendarAdminRoutes } from './http/admin-routes.tsx';
export { createCalendarCache } from './queries/load-calendar.ts';
export type { CalendarCache } from './queries/load-calendar.ts';
export { CALENDAR_AUDIT_ACTIONS } from './audit-actions.ts';
