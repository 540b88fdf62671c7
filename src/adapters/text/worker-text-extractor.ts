import type { AttachmentTextExtractor } from '../../modules/documents/index.ts';
import { createWorkerJobs } from '../workers/worker-jobs.ts';

/** A file's text is given up after this long (a pathological PDF), and its worker replaced. */
export const EXTRACTION_TIMEOUT_MS = 20_000;

/**
 * Attachments' text extracted in a worker thread with a time limit and a bounded heap: parsing a
 * large PDF takes seconds and must not hold the thread that answers requests, and a hostile file
 * must not take the process down.
 */
export function createWorkerTextExtractor(
  options: { timeoutMs?: number } = {},
): AttachmentTextExtractor & { close(): Promise<void> } {
  const jobs = createWorkerJobs(new URL('./text-worker-boot.js', import.meta.url), 'text extraction', {
    timeoutMs: options.timeoutMs ?? EXTRACTION_TIMEOUT_MS,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return {
    async extract(file) {
      const bytes = new Uint8Array(file.bytes);
      return (await jobs.run({ mediaType: file.mediaType, bytes })).toString('utf8');
    },
    close: () => jobs.close(),
  };
}
