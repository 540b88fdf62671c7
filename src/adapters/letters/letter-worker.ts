import { parentPort } from 'node:worker_threads';
import type { Letter } from '../../modules/requests/index.ts';
import { renderLetterDocx } from './docx-letter.ts';
import { renderLetterPdf } from './pdf-letter.ts';

/** One job at a time: `{ id, format, letter }` in, `{ id, bytes }` or `{ id, error }` out; `{ ready }` once loaded. */
parentPort?.on('message', (message: { id: number; format: 'pdf' | 'docx'; letter: Letter }) => {
  const render = message.format === 'pdf' ? renderLetterPdf : renderLetterDocx;
  render(message.letter).then(
    (bytes) => {
      const copy = new Uint8Array(bytes);
      parentPort!.postMessage({ id: message.id, bytes: copy }, [copy.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
