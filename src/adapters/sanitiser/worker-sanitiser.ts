import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError, ERROR_TABLE, type ErrorCode } from '../../platform/errors.ts';
import type { RichTextSanitiser } from '../../platform/sanitize.ts';

type Job = { id: number; html: string; resolve: (html: string) => void; reject: (error: Error) => void };
type Reply = { ready?: true; id?: number; html?: string; code?: ErrorCode };
/** One worker thread: starting (not yet loaded), idle, or busy with one job under its time budget. */
type Slot = { worker: Worker | undefined; ready: boolean; job: Job | undefined; timer: NodeJS.Timeout | undefined };

const BOOT = new URL('./sanitise-worker-boot.js', import.meta.url);

/**
 * Rich text sanitised in worker threads, so that no body, however built, holds the thread that
 * answers requests. A worker takes one job at a time; each job has a time budget counted from when
 * the worker starts on it, and a worker over budget is terminated and replaced, the body refused as
 * too complex.
 */
export function createWorkerSanitiser(
  options: { timeBudgetMs?: number; workers?: number } = {},
): RichTextSanitiser & { close(): Promise<void> } {
  const budget = options.timeBudgetMs ?? 5_000;
  const size = options.workers ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const slots: Slot[] = Array.from({ length: size }, () => ({
    worker: undefined,
    ready: false,
    job: undefined,
    timer: undefined,
  }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(slot: Slot): void {
    const worker = new Worker(BOOT);
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: Reply) => {
      if (slot.worker !== worker) return;
      if (message.ready) {
        slot.ready = true;
        pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      release(slot);
      if (message.html !== undefined) job.resolve(message.html);
      else job.reject(toError(message.code));
      pump();
    });
    worker.on('error', () => retire(slot, worker, new DomainError('internal')));
    worker.on('exit', () => retire(slot, worker, new DomainError('internal')));
  }

  /** Forgets a worker that failed or was stopped, failing its job; a new one starts when needed. */
  function retire(slot: Slot, worker: Worker, error: Error): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    slot.ready = false;
    const job = slot.job;
    release(slot);
    job?.reject(error);
    pump();
  }

  function release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    // An idle pool must not keep the process alive.
    slot.worker?.unref();
  }

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      if (!slot.worker) spawn(slot);
      const worker = slot.worker!;
      worker.ref();
      if (!slot.ready) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        slot.worker = undefined;
        slot.ready = false;
        release(slot);
        void worker.terminate();
        job.reject(new DomainError('rich_text_too_complex'));
        pump();
      }, budget);
      worker.postMessage({ id: job.id, html: job.html });
    }
  }

  return {
    sanitise(html) {
      if (closed) return Promise.reject(new DomainError('unavailable'));
      return new Promise<string>((resolve, reject) => {
        queue.push({ id: nextId++, html, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new DomainError('unavailable'));
      const workers = slots.map((slot) => slot.worker).filter((worker) => worker !== undefined);
      for (const slot of slots) slot.worker = undefined;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function toError(code: ErrorCode | undefined): Error {
  return code && code in ERROR_TABLE && code !== 'internal' ? new DomainError(code) : new Error('sanitiser failed');
}
