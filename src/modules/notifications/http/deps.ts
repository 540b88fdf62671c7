import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { NotificationStores } from '../commands/stores.ts';

/** What the notifications module's pages and API need, built by the composition root. */
export type NotificationWebDeps = {
  stores: NotificationStores;
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  shell: PageShell;
  /** Signs subscribers' links. */
  secret: string;
  /** `publicUrl`: the origin of links in messages; `sms`: set when SMS subscriptions are offered. */
  config: { publicUrl: string; sms: unknown };
  siteSettings: { get(): Promise<{ siteName: string }> };
  /** The anonymous CSRF token of a public form. */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
};
