import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { JobSender } from '../../../platform/jobs.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { CalendarCache } from '../../calendar/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type {
  FieldCipher,
  FileSniffer,
  FileStorage,
  LetterRenderer,
  RequestFileStore,
  RequestStore,
  UpstreamStore,
} from '../ports.ts';

/** What the application form, the tracking page and the API need, built by the composition root. */
export type RequestWebDeps = {
  stores: { requests: RequestStore; requestFiles: RequestFileStore; orgs: OrgStore; upstream: UpstreamStore };
  uow: UnitOfWork<{
    requests: RequestStore;
    requestFiles: RequestFileStore;
    orgs: OrgStore;
    audit: AuditLog;
    jobs: JobSender;
    upstream: UpstreamStore;
  }>;
  /** Where the files of requests are kept, and how their type is told from their bytes. */
  files: FileStorage;
  sniff: FileSniffer;
  clock: Clock;
  cipher: FieldCipher;
  letters: LetterRenderer;
  /**
   * Links in mail are built from the configured public origin, never from the request; the
   * provincial platform's shared secret, when the link with it is on.
   */
  config: { publicUrl: string; upstream: { secret: string } | undefined };
  /** Signs the applicant's letter links. */
  secret: string;
  calendarCache: CalendarCache;
  shell: PageShell;
  /** The CSRF token for a form shown to somebody not signed in (sets its cookie when needed). */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
};
