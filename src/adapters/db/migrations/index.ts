import type { Migration, MigrationProvider } from 'kysely';
import * as spine from './0001-spine.ts';
import * as editionOrg from './0002-edition-org.ts';
import * as calendar from './0003-calendar.ts';
import * as catalogs from './0004-catalogs.ts';
import * as accessLifecycle from './0005-access-lifecycle.ts';
import * as requests from './0006-requests.ts';
import * as jobs from './0007-jobs.ts';
import * as upstream from './0008-upstream.ts';
import * as requestFiles from './0009-request-files.ts';
import * as annualReports from './0010-annual-reports.ts';
import * as search from './0011-search.ts';
import * as contentVersion from './0012-content-version.ts';
import * as searchBounded from './0013-search-bounded.ts';
import * as searchBreadth from './0014-search-breadth.ts';
import * as editionCounts from './0016-edition-counts.ts';
import * as searchAscii from './0017-search-ascii-tokenizer.ts';
import * as interpretations from './0018-interpretations.ts';
import * as concerns from './0019-concerns.ts';
import * as services from './0020-services.ts';
import * as notifications from './0021-notifications.ts';
import * as participation from './0022-participation.ts';
import * as surveys from './0023-surveys.ts';
import * as messages from './0024-messages.ts';
import * as majorDecisions from './0025-major-decisions.ts';
import * as interviews from './0026-interviews.ts';
import * as decisionMeetings from './0027-decision-meetings.ts';
import * as contactVerification from './0028-contact-verification.ts';
import * as messageListIndex from './0029-message-list-index.ts';
import * as interviewMediaFiles from './0030-interview-media-files.ts';

/** Every migration, in order; the same list runs on SQLite and PostgreSQL. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-edition-org': editionOrg,
  '0003-calendar': calendar,
  '0004-catalogs': catalogs,
  '0005-access-lifecycle': accessLifecycle,
  '0006-requests': requests,
  '0007-jobs': jobs,
  '0008-upstream': upstream,
  '0009-request-files': requestFiles,
  '0010-annual-reports': annualReports,
  '0011-search': search,
  '0012-content-version': contentVersion,
  '0013-search-bounded': searchBounded,
  '0014-search-breadth': searchBreadth,
  '0016-edition-counts': editionCounts,
  '0017-search-ascii-tokenizer': searchAscii,
  '0018-interpretations': interpretations,
  '0019-concerns': concerns,
  '0020-services': services,
  '0021-notifications': notifications,
  '0022-participation': participation,
  '0023-surveys': surveys,
  '0024-messages': messages,
  '0025-major-decisions': majorDecisions,
  '0026-interviews': interviews,
  '0027-decision-meetings': decisionMeetings,
  '0028-contact-verification': contactVerification,
  '0029-message-list-index': messageListIndex,
  '0030-interview-media-files': interviewMediaFiles,
};

/** Supplies the migrations from code, so no file-system scanning is needed at run time. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
