import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes a chunk and, when the stream's buffer is full, waits until it drains (or the reader has
 * gone away, which ends the wait with an error so the writer stops).
 * @throws Error when the stream was destroyed (the client went away).
 */
export async function writeWithBackpressure(output: Writable, chunk: string | Uint8Array): Promise<void> {
  if (output.destroyed) throw new Error('the download was abandoned');
  if (output.write(chunk)) return;
  const stop = new AbortController();
  try {
    await Promise.race([
      once(output, 'drain', { signal: stop.signal }),
      once(output, 'close', { signal: stop.signal }).then(() => abandoned()),
    ]);
  } finally {
    // Removes the listener of the event that did not come, so none pile up over many writes.
    stop.abort();
  }
}

/** Resolves once a stream that was ended has handed everything on (or was destroyed). */
export async function finished(output: Writable): Promise<void> {
  if (output.writableFinished || output.destroyed) return;
  const stop = new AbortController();
  try {
    await Promise.race([
      once(output, 'finish', { signal: stop.signal }),
      once(output, 'close', { signal: stop.signal }),
    ]);
  } finally {
    stop.abort();
  }
}

function abandoned(): never {
  throw new Error('the download was abandoned');
}
