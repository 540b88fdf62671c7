import { parentPort } from 'node:worker_threads';
import type { AssembledReport } from '../../modules/reports/index.ts';
import { renderReportDocx } from './report-docx.ts';
import { renderReportXlsx } from './report-xlsx.ts';

/** One job at a time: `{ id, format, report }` in, `{ id, bytes }` or `{ id, error }` out; `{ ready }` once loaded. */
parentPort?.on('message', (message: { id: number; format: 'docx' | 'xlsx'; report: AssembledReport }) => {
  const render = message.format === 'docx' ? renderReportDocx : renderReportXlsx;
  render(message.report).then(
    (bytes) => {
      const copy = new Uint8Array(bytes);
      parentPort!.postMessage({ id: message.id, bytes: copy }, [copy.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
