/**
 * Background work as a port. A use case hands a job to the `JobSender` bound to its transaction, so
 * the job exists exactly when the change that asked for it was committed; a `JobRunner` in the
 * serving process runs the handlers, retries failures with backoff and starts recurring jobs. The
 * embedded adapter is a table the process polls; on PostgreSQL it is pg-boss, so several instances
 * share the work and each job runs once.
 */
export type JobPayload = { [key: string]: unknown };

export type JobOptions = {
  /** Not before this moment. */
  runAfter?: Date;
};

export interface JobSender {
  send(name: string, payload: JobPayload, options?: JobOptions): Promise<void>;
}

export type JobHandler = (payload: JobPayload) => Promise<void>;

export type JobRunnerStatus = {
  /** Jobs waiting or due to be retried, per name. */
  waiting: Record<string, number>;
  /** Jobs that used up their attempts, per name. */
  failed: Record<string, number>;
};

export interface JobRunner {
  /** Registers the handler for a job name; before `start`. */
  work(name: string, handler: JobHandler): void;
  /** Runs `name` (payload `{}`) every `seconds`; across instances, once per period. */
  every(name: string, seconds: number): void;
  start(): Promise<void>;
  /** Stops fetching and waits for the handlers that are running. */
  stop(): Promise<void>;
  /** Runs every job that is due now until none is left (tests, `gongkai jobs run`); returns how many ran. */
  runDue(): Promise<number>;
  status(): Promise<JobRunnerStatus>;
}

/** What a runner was told: the handler of each job name and the period of each recurring job. */
export function jobRegistry(): Pick<JobRunner, 'work' | 'every'> & {
  handlers: Map<string, JobHandler>;
  recurring: Map<string, number>;
} {
  const handlers = new Map<string, JobHandler>();
  const recurring = new Map<string, number>();
  return {
    handlers,
    recurring,
    work: (name, handler) => {
      handlers.set(name, handler);
    },
    every: (name, seconds) => {
      if (!(seconds > 0)) throw new Error(`every(${name}): seconds must be positive`);
      recurring.set(name, seconds);
    },
  };
}

/** How many times a job is tried before it is kept as failed, and the first retry's delay. */
export const JOB_ATTEMPTS = 6;
export const JOB_FIRST_RETRY_SECONDS = 30;

/** Exponential backoff: 30 s, 1 min, 2 min, 4 min, 8 min after the first to fifth failure. */
export function retryDelaySeconds(failedAttempts: number): number {
  return JOB_FIRST_RETRY_SECONDS * 2 ** Math.max(0, failedAttempts - 1);
}

/** The job names of the platform itself. */
export const MAIL_JOB = 'mail-send';

/** A text message to one mobile number (SMS codes), through the SMS gateway. */
export const SMS_JOB = 'sms-send';
