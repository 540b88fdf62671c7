import { Worker, type ResourceLimits } from 'node:worker_threads';

type Job = {
  id: number;
  message: Record<string, unknown>;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
};
type Reply = { ready?: true; id?: number; bytes?: Uint8Array; error?: string };

/**
 * Files rendered in a worker thread so that setting them never holds the thread that answers
 * requests: one worker (the script at `boot`), started on first use, jobs in order, each posted as
 * `{ id, ...message }` and answered `{ id, bytes }` or `{ id, error }`; a worker that fails is
 * replaced on the next job, and an idle one does not keep the process alive. With `timeoutMs`, a
 * job that runs longer is failed and its worker terminated; `resourceLimits` bounds its heap.
 */
export function createWorkerJobs(
  boot: URL,
  what: string,
  limits: { timeoutMs?: number; resourceLimits?: ResourceLimits } = {},
): { run(message: Record<string, unknown>): Promise<Buffer>; close(): Promise<void> } {
  let worker: Worker | undefined;
  let ready = false;
  let current: Job | undefined;
  const queue: Job[] = [];
  let nextId = 1;
  let timer: NodeJS.Timeout | undefined;

  function spawn(): Worker {
    const started = new Worker(boot, limits.resourceLimits ? { resourceLimits: limits.resourceLimits } : {});
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
      clearTimeout(timer);
      if (message.bytes) job.resolve(Buffer.from(message.bytes));
      else job.reject(new Error(message.error ?? `${what} rendering failed`));
      pump();
    });
    const fail = () => {
      if (worker !== started) return;
      worker = undefined;
      const job = current;
      current = undefined;
      clearTimeout(timer);
      job?.reject(new Error(`${what} worker stopped`));
      pump();
    };
    started.on('error', fail);
    started.on('exit', fail);
    return started;
  }

  function pump(): void {
    if (current || queue.length === 0) {
      if (!current) worker?.unref();
      return;
    }
    worker ??= spawn();
    worker.ref();
    if (!ready) return;
    current = queue.shift()!;
    worker.postMessage({ id: current.id, ...current.message });
    if (limits.timeoutMs !== undefined) {
      const job = current;
      const running = worker;
      timer = setTimeout(() => {
        if (current !== job || worker !== running) return;
        worker = undefined;
        current = undefined;
        job.reject(new Error(`${what} took longer than ${limits.timeoutMs} ms`));
        void running.terminate();
        pump();
      }, limits.timeoutMs);
      timer.unref();
    }
  }

  return {
    run: (message) =>
      new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, message, resolve, reject });
        pump();
      }),
    async close() {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}
