import type { Writable } from 'node:stream';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { finished, writeWithBackpressure } from './streams.ts';

/**
 * One file of a ZIP: its path inside the archive and its bytes or UTF-8 text; `stored` keeps it
 * uncompressed (PDF, Office files and photos are compressed already: deflating them costs time only).
 */
export type ZipEntry = { name: string; content: Uint8Array | string; stored?: boolean };

/**
 * A ZIP archive of small files (a case file of a few hundred kilobytes), built in memory. Names are
 * UTF-8 (the ZIP's language flag is set by fflate), so Chinese file names open as written.
 */
export function zipFiles(entries: readonly ZipEntry[], at: Date): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date; level?: 0 }]> = {};
  for (const entry of entries) {
    const bytes = typeof entry.content === 'string' ? strToU8(entry.content) : entry.content;
    files[entry.name] = [bytes, entry.stored ? { mtime: at, level: 0 } : { mtime: at }];
  }
  return zipSync(files, { level: 6 });
}

/** What goes into a streamed ZIP entry: text, bytes, or chunks read as they are needed (a file on disk). */
export type ZipSource = string | Uint8Array | AsyncIterable<Uint8Array>;

/** A ZIP archive written to a stream entry by entry; each entry waits while the stream is full. */
export interface ZipStreamWriter {
  /**
   * Adds one entry and writes it through. `stored` keeps it uncompressed (files that are compressed
   * already); `mtime` must lie in 1980–2099, the years a ZIP can hold.
   */
  add(name: string, source: ZipSource, options: { mtime: Date; stored?: boolean }): Promise<void>;
  /** Writes the central directory and ends the stream. */
  end(): Promise<void>;
  /** Bytes handed to the stream so far. */
  readonly bytesWritten: number;
}

/** Size of the slices text and byte sources are pushed in, so no single push holds the loop for long. */
const PUSH_BYTES = 256 * 1024;

/**
 * A ZIP archive streamed straight to `output` (fflate's streaming `Zip`, data descriptors, UTF-8
 * names): one entry at a time, one chunk at a time, waiting for the stream to drain after every
 * chunk, so neither the archive nor a whole large file is ever held in memory. Between chunks the
 * event loop is given back to other requests.
 * @throws Error from `add`/`end` when the stream was destroyed (the client went away).
 */
export function createZipStream(output: Writable): ZipStreamWriter {
  let pending: Uint8Array[] = [];
  let failure: Error | undefined;
  let bytesWritten = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  // fflate calls back synchronously inside push/add/end; what it produced is written afterwards, with backpressure.
  const flush = async () => {
    if (failure) throw failure;
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) {
      bytesWritten += chunk.length;
      await writeWithBackpressure(output, chunk);
    }
  };
  return {
    get bytesWritten() {
      return bytesWritten;
    },
    async add(name, source, options) {
      const entry = options.stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      entry.mtime = options.mtime;
      zip.add(entry);
      if (typeof source === 'string' || source instanceof Uint8Array) {
        const bytes = typeof source === 'string' ? strToU8(source) : source;
        for (let at = 0; at < bytes.length || at === 0; at += PUSH_BYTES) {
          const end = Math.min(at + PUSH_BYTES, bytes.length);
          entry.push(bytes.subarray(at, end), end >= bytes.length);
          await flush();
          await yieldToLoop();
        }
        return;
      }
      for await (const chunk of source) {
        entry.push(chunk);
        await flush();
      }
      entry.push(new Uint8Array(0), true);
      await flush();
    },
    async end() {
      zip.end();
      await flush();
      output.end();
      await finished(output);
    },
  };
}

/** Lets other requests' callbacks run before the next slice of work. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
