import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { ParticipationStores } from '../commands/stores.ts';
import type { SurveyStores } from '../commands/survey-stores.ts';
import type { SurveyChartRenderer } from '../ports.ts';
import type { OpenTable } from '../../../platform/table-file.ts';

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

/** What the online surveys' pages need (网络调查), built by the composition root. */
export type SurveyWebDeps = {
  stores: SurveyStores;
  uow: UnitOfWork<SurveyStores>;
  clock: Clock;
  shell: PageShell;
  /** Keys the hashes of devices and network addresses. */
  secret: string;
  /** The anonymous CSRF token of a public form. */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
  /** Draws the results' charts as SVG on the server. */
  charts: SurveyChartRenderer;
  /** Opens the results' XLSX download. */
  openXlsx: OpenTable;
  config: { secureCookies: boolean };
};
