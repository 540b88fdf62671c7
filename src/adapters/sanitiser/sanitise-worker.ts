import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../../platform/errors.ts';
import { sanitizeRichText } from '../../platform/sanitize.ts';

/** One job at a time: `{ id, html }` in, `{ id, html }` or `{ id, code }` out; `{ ready }` once loaded. */
parentPort?.on('message', (message: { id: number; html: string }) => {
  try {
    parentPort!.postMessage({ id: message.id, html: sanitizeRichText(message.html) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, code: isDomainError(error) ? error.code : 'internal' });
  }
});
parentPort?.postMessage({ ready: true });
