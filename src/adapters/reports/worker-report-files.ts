import { Worker } from 'node:worker_threads';
import type { AssembledReport, ReportFileRenderer } from '../../modules/reports/index.ts';

type Format = 'docx' | 'xlsx';
type Job = {
  id: number;
  format: Format;
  report: AssembledReport;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
};
type Reply = { ready?: true; id?: number; bytes?: Uint8Array; error?: string };

const BOOT = new URL('./report-worker-boot.js', import.meta.url);

/**
 * Annual reports written as Word and Excel files in a worker thread: a district's report with its
 * tables takes long enough that it must not hold the thread that answers requests. One worker,
 * started on first use, jobs in order; a worker that fails is replaced on the next job (the same
 * arrangement as the reply letters').
 */
export function createWorkerReportRenderer(): ReportFileRenderer & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let ready = false;
  let current: Job | undefined;
  const queue: Job[] = [];
  let nextId = 1;

  function spawn(): Worker {
    const started = new Worker(BOOT);
    ready = false;
    started.on('message', (message: Reply) => {
      if (message.ready) {
        ready = true;
        pump();
        return;
      }
      const job = current;
      if (!job || job.id !== message.id) return;
      current = undefined;
      if (message.bytes) job.resolve(Buffer.from(message.bytes));
      else job.reject(new Error(message.error ?? 'report rendering failed'));
      pump();
    });
    const fail = () => {
      if (worker !== started) return;
      worker = undefined;
      const job = current;
      current = undefined;
      job?.reject(new Error('report worker stopped'));
      pump();
    };
    started.on('error', fail);
    started.on('exit', fail);
    return started;
  }

  function pump(): void {
    if (current || queue.length === 0) {
      // An idle renderer must not keep the process alive.
      if (!current) worker?.unref();
      return;
    }
    worker ??= spawn();
    worker.ref();
    if (!ready) return;
    current = queue.shift()!;
    worker.postMessage({ id: current.id, format: current.format, report: current.report });
  }

  const render = (format: Format, report: AssembledReport) =>
    new Promise<Buffer>((resolve, reject) => {
      queue.push({ id: nextId++, format, report, resolve, reject });
      pump();
    });

  return {
    docx: (report) => render('docx', report),
    xlsx: (report) => render('xlsx', report),
    async close() {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}
