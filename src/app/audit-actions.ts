import type { AuditActionLabels } from '../modules/audit/index.ts';
import { AUTH_AUDIT_ACTIONS } from '../modules/auth/index.ts';
import { CALENDAR_AUDIT_ACTIONS } from '../modules/calendar/index.ts';
import { CATALOG_AUDIT_ACTIONS } from '../modules/catalog/index.ts';
import { DOCUMENT_AUDIT_ACTIONS } from '../modules/documents/index.ts';
import { INTERPRETATION_AUDIT_ACTIONS } from '../modules/interpretation/index.ts';
import { NOTIFICATION_AUDIT_ACTIONS } from '../modules/notifications/index.ts';
import { ORG_AUDIT_ACTIONS } from '../modules/orgs/index.ts';
import { PARTICIPATION_AUDIT_ACTIONS } from '../modules/participation/index.ts';
import { REQUEST_AUDIT_ACTIONS } from '../modules/requests/index.ts';
import { REPORT_AUDIT_ACTIONS } from '../modules/reports/index.ts';
import { SEARCH_AUDIT_ACTIONS } from '../modules/search/index.ts';
import { SERVICE_AUDIT_ACTIONS } from '../modules/services/index.ts';
import { SITE_AUDIT_ACTIONS } from '../modules/site/index.ts';

/** Every module's audit actions with the viewer's labels, in the order the viewer lists them. */
export const AUDIT_ACTION_LABELS: AuditActionLabels = {
  ...AUTH_AUDIT_ACTIONS,
  ...ORG_AUDIT_ACTIONS,
  ...SITE_AUDIT_ACTIONS,
  ...SEARCH_AUDIT_ACTIONS,
  ...DOCUMENT_AUDIT_ACTIONS,
  ...CATALOG_AUDIT_ACTIONS,
  ...CALENDAR_AUDIT_ACTIONS,
  ...REQUEST_AUDIT_ACTIONS,
  ...REPORT_AUDIT_ACTIONS,
  ...INTERPRETATION_AUDIT_ACTIONS,
  ...SERVICE_AUDIT_ACTIONS,
  ...NOTIFICATION_AUDIT_ACTIONS,
  ...PARTICIPATION_AUDIT_ACTIONS,
};
