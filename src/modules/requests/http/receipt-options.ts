import type { FastifyRequest } from 'fastify';
import type { RequestWebDeps } from './deps.ts';

/** How an online application's e-mail receipt goes out: the application's mailer, the tracking page, the log. */
export function receiptOptions(deps: Pick<RequestWebDeps, 'mailer' | 'config'>, request: FastifyRequest) {
  return {
    mailer: deps.mailer,
    trackUrl: `${deps.config.publicUrl}/ysqgk/track`,
    onError: (error: unknown) => request.log.error({ err: error }, 'the e-mail receipt of an application was not sent'),
  };
}
