import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { Mailer } from '../../../platform/mail.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { CalendarCache } from '../../calendar/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { FieldCipher, LetterRenderer, RequestStore, UpstreamStore } from '../ports.ts';

/** What the application form, the tracking page and the API need, built by the composition root. */
export type RequestWebDeps = {
  stores: { requests: RequestStore; orgs: OrgStore; upstream: UpstreamStore };
  uow: UnitOfWork<{ requests: RequestStore; orgs: OrgStore; audit: AuditLog; upstream: UpstreamStore }>;
  clock: Clock;
  cipher: FieldCipher;
  letters: LetterRenderer;
  mailer: Mailer;
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
