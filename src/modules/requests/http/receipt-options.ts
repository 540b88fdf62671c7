import type { RequestWebDeps } from './deps.ts';

/** Where the e-mail receipt of an online application points: the tracking page on the configured origin. */
export function receiptOptions(deps: Pick<RequestWebDeps, 'config'>) {
  return { trackUrl: `${deps.config.publicUrl}/ysqgk/track` };
}
