import type { LetterRenderer } from '../../modules/requests/index.ts';
import { createWorkerJobs } from '../workers/worker-jobs.ts';

/**
 * Letters rendered in a worker thread: setting a PDF with its CJK font takes 100–300 ms, which must
 * not hold the thread that answers requests.
 */
export function createWorkerLetterRenderer(): LetterRenderer & { close(): Promise<void> } {
  const jobs = createWorkerJobs(new URL('./letter-worker-boot.js', import.meta.url), 'letter');
  return {
    pdf: (letter) => jobs.run({ format: 'pdf', letter }),
    docx: (letter) => jobs.run({ format: 'docx', letter }),
    close: () => jobs.close(),
  };
}
