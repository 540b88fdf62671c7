import type { Kysely } from 'kysely';
import type { AuditStore } from '../../modules/audit/ports.ts';
import type { CalendarStore } from '../../modules/calendar/ports.ts';
import type { CatalogStore } from '../../modules/catalog/ports.ts';
import type { ApiTokenStore, LoginThrottleStore, SessionStore, UserStore } from '../../modules/auth/ports.ts';
import type { AttachmentTextStore, DocumentStore } from '../../modules/documents/ports.ts';
import type { ConcernStore, InterpretationStore } from '../../modules/interpretation/index.ts';
import type { NotificationStore } from '../../modules/notifications/index.ts';
import type { OrgStore } from '../../modules/orgs/ports.ts';
import type { ConsultationStore, DecisionStore, MessageStore, SurveyStore } from '../../modules/participation/index.ts';
import type { VerificationStore } from '../../modules/participation/index.ts';
import type { ServiceStore } from '../../modules/services/index.ts';
import type { AnnualReportStore } from '../../modules/reports/ports.ts';
import type { RequestFileStore, RequestStore, UpstreamStore } from '../../modules/requests/ports.ts';
import type { SettingsStore } from '../../modules/site/ports.ts';
import type { SearchIndex, SynonymStore } from '../../modules/search/index.ts';
import { createPostgresSearchIndex } from '../search/postgres-tsvector.ts';
import { createSqliteSearchIndex } from '../search/sqlite-fts5.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobSender } from '../../platform/jobs.ts';
import type { UnitOfWork } from '../../platform/unit-of-work.ts';
import { createAttachmentTextStore } from './attachment-text-store.ts';
import { createAuditStore } from './audit-store.ts';
import { createCalendarStore } from './calendar-store.ts';
import { createCatalogStore } from './catalog-store.ts';
import type { DatabaseHandle } from './database.ts';
import { dialectQuirks, type DialectQuirks } from './dialect.ts';
import { createDocumentStore } from './document-store.ts';
import { createInterpretationStore } from './interpretation-store.ts';
import { createConcernStore } from './concern-store.ts';
import { createServiceStore } from './service-store.ts';
import { createNotificationStore } from './notification-store.ts';
import { createOrgStore } from './org-store.ts';
import { createConsultationStore } from './consultation-store.ts';
import { createSurveyStore } from './survey-store.ts';
import { createMessageStore } from './message-store.ts';
import { createDecisionStore } from './decision-store.ts';
import { createMeetingStore } from './meeting-store.ts';
import type { MeetingStore } from '../../modules/participation/index.ts';
import { createVerificationStore } from './verification-store.ts';
import { createInterviewStore } from './interview-store.ts';
import type { InterviewStore } from '../../modules/participation/index.ts';
import type { Database } from './schema.ts';
import { createRequestStore } from './request-store.ts';
import { createReportStore } from './report-store.ts';
import { createRequestFileStore } from './request-file-store.ts';
import { createUpstreamStore } from './upstream-store.ts';
import { createSettingsStore } from './settings-store.ts';
import { createSynonymStore } from './synonym-store.ts';
import { createApiTokenStore, createLoginThrottleStore, createSessionStore, createUserStore } from './user-store.ts';

/** Every store of every module, bound to one connection or one transaction. */
export type Stores = {
  orgs: OrgStore;
  users: UserStore;
  sessions: SessionStore;
  tokens: ApiTokenStore;
  loginThrottle: LoginThrottleStore;
  audit: AuditStore;
  settings: SettingsStore;
  documents: DocumentStore;
  calendar: CalendarStore;
  catalogs: CatalogStore;
  requests: RequestStore;
  /** Jobs sent here exist exactly when the transaction commits. */
  jobs: JobSender;
  reports: AnnualReportStore;
  requestFiles: RequestFileStore;
  upstream: UpstreamStore;
  /** The public search index (FTS5 on SQLite, tsvector on PostgreSQL). */
  searchIndex: SearchIndex;
  /** The district's search synonym groups. */
  synonyms: SynonymStore;
  /** Text extracted from documents' attachments. */
  attachmentTexts: AttachmentTextStore;
  /** Interpretations' own records per edition (政策解读). */
  interpretations: InterpretationStore;
  /** Public concerns and their responses' records (回应关切). */
  concerns: ConcernStore;
  /** Service guides' and 一件事 bundles' own records per edition (办事服务). */
  services: ServiceStore;
  /** Subscriptions, messages and their deliveries (订阅推送). */
  notifications: NotificationStore;
  /** Consultations on drafts, their versions and comments (意见征集). */
  consultations: ConsultationStore;
  /** Online surveys and their answer sheets (网络调查). */
  surveys: SurveyStore;
  /** Residents' messages to units and the alerts about them (政民互动). */
  messages: MessageStore;
  /** The directory of major administrative decisions (重大行政决策事项目录). */
  decisions: DecisionStore;
  /** Hearings and meetings of major decisions and their registrations (听证会、座谈会). */
  meetings: MeetingStore;
  /** Codes sent to verify residents' e-mail addresses and mobile numbers (验证身份). */
  verifications: VerificationStore;
  /** Online interviews (在线访谈). */
  interviews: InterviewStore;
};

export type JobSenderFactory = (db: Kysely<Database>) => JobSender;

function bindStores(db: Kysely<Database>, quirks: DialectQuirks, clock: Clock, jobs: JobSenderFactory): Stores {
  const now = () => clock.now();
  return {
    orgs: createOrgStore(db, now),
    users: createUserStore(db, quirks, now),
    sessions: createSessionStore(db),
    tokens: createApiTokenStore(db),
    loginThrottle: createLoginThrottleStore(db),
    audit: createAuditStore(db, quirks),
    settings: createSettingsStore(db),
    documents: createDocumentStore(db, quirks),
    calendar: createCalendarStore(db),
    catalogs: createCatalogStore(db),
    requests: createRequestStore(db, quirks),
    jobs: jobs(db),
    reports: createReportStore(db),
    requestFiles: createRequestFileStore(db),
    upstream: createUpstreamStore(db),
    searchIndex: quirks.name === 'postgres' ? createPostgresSearchIndex(db) : createSqliteSearchIndex(db),
    synonyms: createSynonymStore(db),
    attachmentTexts: createAttachmentTextStore(db),
    interpretations: createInterpretationStore(db),
    concerns: createConcernStore(db),
    services: createServiceStore(db),
    notifications: createNotificationStore(db, quirks),
    consultations: createConsultationStore(db),
    surveys: createSurveyStore(db),
    messages: createMessageStore(db),
    decisions: createDecisionStore(db),
    meetings: createMeetingStore(db),
    verifications: createVerificationStore(db),
    interviews: createInterviewStore(db),
  };
}

/** Stores for reads outside a transaction, and a unit of work for changes. */
export function createStores(
  handle: DatabaseHandle,
  clock: Clock,
  jobs: JobSenderFactory,
): { stores: Stores; uow: UnitOfWork<Stores> } {
  const quirks = dialectQuirks(handle.dialect);
  return {
    stores: bindStores(handle.db, quirks, clock, jobs),
    uow: {
      run: (work) => handle.db.transaction().execute((trx) => work(bindStores(trx, quirks, clock, jobs))),
    },
  };
}
