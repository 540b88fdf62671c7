import type { FieldIssue } from '../../../platform/errors.ts';
import { REQUEST_TEXT } from '../strings.ts';
import { OUTCOME_INFO, type Outcome } from './outcomes.ts';
import {
  CLOSED_STATES,
  EVENT_LABELS,
  REQUEST_STATE_LABELS,
  type EventKind,
  type FoiRequest,
  type RequestEvent,
  type RequestState,
} from './request.ts';

/**
 * The link with the provincial disclosure platform (省级政府信息公开申请平台): applications it
 * forwards arrive under its own reference and become ordinary requests of channel `provincial`
 * (an Internet application: received the day the agency confirms it, 条例 Art. 31); every later
 * change of state is reported back as a status.
 */

/** A reference as the provincial platform gives it: 1 to 64 letters, digits, `.`, `_`, `:` or `-`. */
const UPSTREAM_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The problem with an upstream reference, if any (reported with the application's other fields). */
export function checkUpstreamId(value: string): FieldIssue | undefined {
  if (value === '') return { field: 'upstreamId', message: REQUEST_TEXT.upstreamIdRequired };
  if (!UPSTREAM_ID.test(value)) return { field: 'upstreamId', message: REQUEST_TEXT.upstreamIdInvalid };
  return undefined;
}

/** One status as the provincial platform receives it: what happened, and where the request stands. */
export type UpstreamStatus = {
  upstreamId: string;
  trackingCode: string;
  /** The step's number within the request, from 1: a receiver keeps the highest it has seen. */
  seq: number;
  event: EventKind;
  eventLabel: string;
  /** The legal date the step counts from, when it has one (the receipt date, a reply's date). */
  on: string | null;
  /** When it was recorded (ISO 8601). */
  at: string;
  state: RequestState;
  stateLabel: string;
  closed: boolean;
  /** The legal receipt date (条例 Art. 31), or of the corrected application (Art. 30). */
  receivedOn: string | null;
  /** The reply deadline as last computed (条例 Art. 33), while the clock runs. */
  dueOn: string | null;
  /** The reply's one outcome, a row of table 三 (条例 Art. 36, 37), once replied. */
  outcome: { code: Outcome; group: string; label: string } | null;
  /** What the applicant reads with the step on the tracking page. */
  note: string;
};

/** The status reporting `event` of a forwarded request, as it stands after the event. */
export function upstreamStatusOf(request: FoiRequest & { upstreamId: string }, event: RequestEvent): UpstreamStatus {
  const outcome = request.reply?.outcome ?? null;
  return {
    upstreamId: request.upstreamId,
    trackingCode: request.trackingCode,
    seq: event.seq,
    event: event.kind,
    eventLabel: EVENT_LABELS[event.kind],
    on: event.on,
    at: event.at,
    state: request.state,
    stateLabel: REQUEST_STATE_LABELS[request.state],
    closed: CLOSED_STATES.has(request.state),
    receivedOn: request.correctedOn ?? request.receivedOn,
    dueOn: request.dueOn,
    outcome: outcome && { code: outcome, group: OUTCOME_INFO[outcome].group, label: OUTCOME_INFO[outcome].label },
    note: event.note,
  };
}

/** The first wait after a failed send; each further failure doubles it. */
export const FIRST_RETRY_SECONDS = 30;
/** The longest wait between two attempts. */
export const LONGEST_RETRY_SECONDS = 6 * 60 * 60;

/** When to try again after the `attempts`-th failed attempt: 30 s, 1 min, 2 min, … at most 6 h. */
export function nextAttemptAfter(failedAt: Date, attempts: number): Date {
  const seconds = Math.min(FIRST_RETRY_SECONDS * 2 ** Math.min(Math.max(attempts - 1, 0), 20), LONGEST_RETRY_SECONDS);
  return new Date(failedAt.getTime() + seconds * 1000);
}
