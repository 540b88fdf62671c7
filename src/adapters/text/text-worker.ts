import { parentPort } from 'node:worker_threads';
import { extractFileText } from './extract-text.ts';

/** One job at a time: `{ id, mediaType, bytes }` in, `{ id, bytes }` (the UTF-8 text) or `{ id, error }` out. */
parentPort?.on('message', (message: { id: number; mediaType: string; bytes: Uint8Array }) => {
  extractFileText(message.bytes, message.mediaType).then(
    (text) => {
      const copy = new Uint8Array(Buffer.from(text, 'utf8'));
      parentPort!.postMessage({ id: message.id, bytes: copy }, [copy.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
