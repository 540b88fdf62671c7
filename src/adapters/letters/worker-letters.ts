import { Worker } from 'node:worker_threads';
import type { Letter, LetterRenderer } from '../../modules/requests/index.ts';

type Job = {
  id: number;
  format: 'pdf' | 'docx';
  letter: Letter;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
};
type Reply = { ready?: true; id?: number; bytes?: Uint8Array; error?: string };

const BOOT = new URL('./letter-worker-boot.js', import.meta.url);

/**
 * Letters rendered in a worker thread: setting a PDF with its CJK font takes 100–300 ms, which must
 * not hold the thread that answers requests. One worker, started on first use, jobs in order; a
 * worker that fails is replaced on the next job.
 */
export function createWorkerLetterRenderer(): LetterRenderer & { close(): Promise<void> } {
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
      else job.reject(new Error(message.error ?? 'letter rendering failed'));
      pump();
    });
    const fail = () => {
      if (worker !== started) return;
      worker = undefined;
      const job = current;
      current = undefined;
      job?.reject(new Error('letter worker stopped'));
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
    worker.postMessage({ id: current.id, format: current.format, letter: current.letter });
  }

  const render = (format: 'pdf' | 'docx', letter: Letter) =>
    new Promise<Buffer>((resolve, reject) => {
      queue.push({ id: nextId++, format, letter, resolve, reject });
      pump();
    });

  return {
    pdf: (letter) => render('pdf', letter),
    docx: (letter) => render('docx', letter),
    async close() {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}
