import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { MessageStores } from '../commands/message-stores.ts';
import type { ContactCipher } from '../ports.ts';

/** What the message pages (政民互动) need, built by the composition root. */
export type MessageWebDeps = {
  stores: MessageStores;
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  shell: PageShell;
  /** Keys the hashes of senders' addresses and the query passwords. */
  secret: string;
  /** Seals residents' contacts. */
  cipher: ContactCipher;
  calendarCache: { get(): Promise<WorkingCalendar> };
  config: { messageReplyDays: number };
  /** The anonymous CSRF token of a public form. */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
};
