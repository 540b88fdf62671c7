import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { ParticipationStores } from '../commands/stores.ts';

/** What the participation module's pages and API need, built by the composition root. */
export type ParticipationWebDeps = {
  stores: ParticipationStores;
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  shell: PageShell;
  /** Keys the hashes of senders' network addresses. */
  secret: string;
  /** The anonymous CSRF token of a public form. */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
};
