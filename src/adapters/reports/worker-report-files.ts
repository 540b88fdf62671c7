import type { ReportFileRenderer } from '../../modules/reports/index.ts';
import { createWorkerJobs } from '../workers/worker-jobs.ts';

/**
 * Annual reports written as Word and Excel files in a worker thread: a district's report with its
 * tables takes long enough that it must not hold the thread that answers requests.
 */
export function createWorkerReportRenderer(): ReportFileRenderer & { close(): Promise<void> } {
  const jobs = createWorkerJobs(new URL('./report-worker-boot.js', import.meta.url), 'report');
  return {
    docx: (report) => jobs.run({ format: 'docx', report }),
    xlsx: (report) => jobs.run({ format: 'xlsx', report }),
    close: () => jobs.close(),
  };
}
