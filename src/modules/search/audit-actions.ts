import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the search module records in the audit log, with the viewer's labels. */
export const SEARCH_AUDIT_ACTIONS = {
  'search.synonyms_updated': '修改检索同义词',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the search module's actions. */
export const searchEntry = entryBuilder(SEARCH_AUDIT_ACTIONS);
