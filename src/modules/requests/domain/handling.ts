import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { REQUEST_TEXT } from '../strings.ts';
import {
  checkCorrectionNotice,
  checkExtension,
  consultationDueOn,
  replyDeadline,
  type ReplyDeadline,
} from './clock.ts';
import { OUTCOME_INFO, type Outcome } from './outcomes.ts';
import { informationProcessingFee, type FeeMethod } from './fees.ts';
import { DELIVERY_METHOD_LABELS, DELIVERY_METHODS, type DeliveryMethod } from './application.ts';
import { CLOSED_STATES, type EventKind, type FoiRequest, type RequestState } from './request.ts';

/**
 * The handling steps of a registered request, after the state machine of `foi-law.md` §4: each
 * action is allowed from some states only, checks its law, and says what the applicant sees.
 */

/** One part of the information withheld in a partial disclosure, and why (条例 Art. 37). */
export type WithheldPart = { part: string; reason: string };

export type HandlingAction =
  /** An officer takes the request on (§4 row 10, 条例 Art. 45: 办理). */
  | { kind: 'assign'; assigneeId: string; assigneeName: string }
  /** The one correction notice (条例 Art. 30), with what to correct and by when. */
  | { kind: 'request_correction'; sentOn: string; items: string; dueOn: string }
  /** The corrected application arrived: the period restarts from it (条例 Art. 30). */
  | { kind: 'receive_correction'; on: string }
  /** No correction by the notice's date: closed (条例 Art. 30; report row 3.6.1). */
  | { kind: 'close_uncorrected'; on: string }
  /** A third party (Art. 32) or another agency (Art. 34) consulted in writing: the clock stops (Art. 33 ¶3). */
  | { kind: 'consult'; reason: 'third_party' | 'other_agency'; party: string; sentOn: string }
  /** The consulted party answered, or its 15 working days ran out: the clock runs again. */
  | { kind: 'consultation_answered'; on: string; summary: string }
  /** The one extension (Art. 33 ¶2), approved by the head of the disclosure office. */
  | { kind: 'extend'; workingDays: number; approvedBy: string; on: string }
  /** The reply, with exactly one outcome (Art. 36, 37; table 三). */
  | {
      kind: 'reply';
      on: string;
      outcome: Outcome;
      reason: string;
      withheld: WithheldPart[];
      /** For information another agency discloses: that agency and how to reach it (条例 Art. 36 (5)). */
      referral?: string | undefined;
      /** How many files of the released information come with the reply (条例 Art. 36 (2), 40). */
      releasedFiles?: number | undefined;
    }
  /**
   * The reply served on the applicant (送达): the means, the day and the proof, a postal item's number
   * for post; the proof may also be files (`proofFiles` of them), such as a receipt signed for.
   */
  | { kind: 'deliver'; on: string; method: DeliveryMethod; proof: string; proofFiles: number }
  /** The applicant withdrew (report row 3.6.3). */
  | { kind: 'withdraw'; on: string }
  /** A fee notice (条例 Art. 42, 国办函〔2020〕109号): the clock stands still until payment. */
  | { kind: 'fee_notice'; on: string; method: FeeMethod; quantity: number; alreadyCounted: number; dueOn: string }
  /** The fee was paid: the clock runs again. */
  | { kind: 'fee_paid'; on: string }
  /** Not paid by the notice's date: closed (report row 3.6.2). */
  | { kind: 'close_fee_unpaid'; on: string }
  /** Clearly unreasonable numbers or frequency: the applicant is asked for reasons (条例 Art. 35). */
  | { kind: 'ask_reasons'; on: string; note: string }
  /** The reasons were reasonable: handling goes on (条例 Art. 35). */
  | { kind: 'resume'; on: string }
  /** The case is filed (归档, 条例 Art. 45): application, notices, letters and steps kept together. */
  | { kind: 'archive'; on: string };

export type HandlingKind = HandlingAction['kind'];

/** Where each action may be taken. */
const ALLOWED_FROM: Record<HandlingKind, readonly RequestState[]> = {
  assign: ['registered', 'processing'],
  request_correction: ['registered', 'processing'],
  receive_correction: ['awaiting_correction'],
  close_uncorrected: ['awaiting_correction'],
  consult: ['registered', 'processing'],
  consultation_answered: ['third_party_consult', 'agency_consult'],
  extend: ['registered', 'processing', 'third_party_consult', 'agency_consult'],
  reply: ['registered', 'processing', 'excessive_review'],
  deliver: ['replied'],
  withdraw: [
    'registered',
    'processing',
    'awaiting_correction',
    'third_party_consult',
    'agency_consult',
    'fee_pending',
    'excessive_review',
  ],
  fee_notice: ['registered', 'processing'],
  fee_paid: ['fee_pending'],
  close_fee_unpaid: ['fee_pending'],
  ask_reasons: ['registered', 'processing'],
  resume: ['excessive_review'],
  archive: ['replied', 'not_handled', 'closed_abandoned', 'closed_fee_unpaid', 'withdrawn'],
};

/** The actions open to a request in its state, for the officer's page. */
export function availableActions(request: FoiRequest): HandlingKind[] {
  return (Object.keys(ALLOWED_FROM) as HandlingKind[]).filter((kind) => {
    if (!ALLOWED_FROM[kind].includes(request.state)) return false;
    if (kind === 'extend') return request.extension === null;
    if (kind === 'request_correction') return request.correction === null;
    if (kind === 'fee_notice') return request.fee === null;
    if (kind === 'deliver') return request.service === null;
    // A reply is filed with its proof of service (foi-law.md §4 row 18).
    if (kind === 'archive') return request.state !== 'replied' || request.service !== null;
    return true;
  });
}

/** The step as recorded: its event for the applicant's tracking page. */
export type HandlingResult = {
  request: FoiRequest;
  event: { kind: EventKind; on: string | null; note: string };
};

/**
 * Applies one handling action to a request on `today` (China date), or refuses it with the reason.
 * @throws DomainError `invalid_transition` (not from this state, or a rule of the law forbids it now),
 *   `validation_failed` (a field is wrong).
 */
export function applyAction(
  request: FoiRequest,
  action: HandlingAction,
  context: { calendar: WorkingCalendar; today: string; at: Date },
): HandlingResult {
  if (!ALLOWED_FROM[action.kind].includes(request.state)) {
    throw new DomainError('invalid_transition', { message: REQUEST_TEXT.notFromState });
  }
  const updatedAt = context.at.toISOString();
  const dateOf = (field: string, value: string) => checkDate(field, value, request, context.today);
  switch (action.kind) {
    case 'assign':
      return {
        request: { ...request, state: 'processing', assigneeId: action.assigneeId, updatedAt },
        event: { kind: 'assigned', on: null, note: '' },
      };
    case 'request_correction': {
      const sentOn = dateOf('sentOn', action.sentOn);
      checkCorrectionNotice({
        receivedOn: request.receivedOn!,
        sentOn,
        alreadySent: request.correction !== null,
        calendar: context.calendar,
      });
      const issues: FieldIssue[] = [];
      if (action.items.trim().length < 4)
        issues.push({ field: 'items', message: REQUEST_TEXT.correctionItemsRequired });
      if (!isIsoDate(action.dueOn) || action.dueOn <= sentOn) {
        issues.push({ field: 'dueOn', message: REQUEST_TEXT.correctionDueAfterNotice });
      }
      if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
      return {
        request: {
          ...request,
          state: 'awaiting_correction',
          correction: { sentOn, items: action.items.trim(), dueOn: action.dueOn },
          updatedAt,
        },
        event: {
          kind: 'correction_requested',
          on: sentOn,
          note: REQUEST_TEXT.correctionNote(action.items.trim(), action.dueOn),
        },
      };
    }
    case 'receive_correction': {
      const on = dateOf('on', action.on);
      if (on < request.correction!.sentOn)
        throw fieldError('on', REQUEST_TEXT.beforeNotice(request.correction!.sentOn));
      return {
        request: { ...request, state: 'processing', correctedOn: on, updatedAt },
        event: { kind: 'corrected', on, note: '' },
      };
    }
    case 'close_uncorrected': {
      const on = dateOf('on', action.on);
      if (on <= request.correction!.dueOn) {
        throw new DomainError('invalid_transition', {
          message: REQUEST_TEXT.correctionStillOpen(request.correction!.dueOn),
        });
      }
      return closed(request, '3.6.1', on, updatedAt, 'closed_abandoned', 'closed_uncorrected');
    }
    case 'consult': {
      const sentOn = dateOf('sentOn', action.sentOn);
      if (action.party.trim().length < 2) throw fieldError('party', REQUEST_TEXT.partyRequired);
      return {
        request: {
          ...request,
          state: action.reason === 'third_party' ? 'third_party_consult' : 'agency_consult',
          pauses: [...request.pauses, { reason: action.reason, from: sentOn, until: null, party: action.party.trim() }],
          updatedAt,
        },
        event: {
          kind: action.reason === 'third_party' ? 'third_party_consulted' : 'agency_consulted',
          on: sentOn,
          note: REQUEST_TEXT.consultationNote(consultationDueOn(sentOn, context.calendar)),
        },
      };
    }
    case 'consultation_answered': {
      const on = dateOf('on', action.on);
      const open = request.pauses.findIndex((p) => p.until === null);
      const pause = request.pauses[open]!;
      if (on < pause.from) throw fieldError('on', REQUEST_TEXT.beforeNotice(pause.from));
      // The consulted party's opinion may name it or its reasons: staff keep it, the applicant's
      // tracking page shows only that the consultation ended.
      const summary = action.summary.trim();
      const pauses = request.pauses.map((p, i) =>
        i === open ? { ...p, until: on, ...(summary ? { summary } : {}) } : p,
      );
      return {
        request: { ...request, state: 'processing', pauses, updatedAt },
        event: { kind: 'consultation_answered', on, note: '' },
      };
    }
    case 'extend': {
      const on = dateOf('on', action.on);
      const extension = checkExtension(request.extension, {
        workingDays: action.workingDays,
        approvedBy: action.approvedBy.trim(),
        approvedOn: on,
      });
      const deadline = replyDeadline(clockFactsOf(request), context.calendar, context.today);
      if (on > deadline.dueOn) {
        throw new DomainError('invalid_transition', { message: REQUEST_TEXT.extensionAfterDue(deadline.dueOn) });
      }
      const extended = { ...request, extension, updatedAt };
      const newDue = replyDeadline(clockFactsOf(extended), context.calendar, context.today).dueOn;
      return {
        request: extended,
        event: { kind: 'extended', on, note: REQUEST_TEXT.extensionNote(extension.workingDays, newDue) },
      };
    }
    case 'reply': {
      const on = dateOf('on', action.on);
      const info = OUTCOME_INFO[action.outcome];
      const issues: FieldIssue[] = [];
      if (!info.byReply) issues.push({ field: 'outcome', message: REQUEST_TEXT.outcomeNotByReply });
      const withheld = action.withheld
        .map((w) => ({ part: w.part.trim(), reason: w.reason.trim() }))
        .filter((w) => w.part !== '' || w.reason !== '');
      if (action.outcome === '3.2') {
        if (withheld.length === 0) issues.push({ field: 'withheld', message: REQUEST_TEXT.partialNeedsParts });
        if (withheld.some((w) => w.part === '' || w.reason === '')) {
          issues.push({ field: 'withheld', message: REQUEST_TEXT.partialPartNeedsReason });
        }
      } else if (withheld.length > 0) {
        issues.push({ field: 'withheld', message: REQUEST_TEXT.withheldOnlyForPartial });
      }
      if (action.outcome !== '3.1' && action.reason.trim().length < 4) {
        issues.push({ field: 'reason', message: REQUEST_TEXT.replyReasonRequired });
      }
      const referral = action.referral?.trim() ?? '';
      if (referral !== '' && action.outcome !== '3.4.1') {
        issues.push({ field: 'referral', message: REQUEST_TEXT.referralOnlyWhenNotHeld });
      }
      // Information is released only by a reply that discloses it, in whole or in part (Art. 36 (2), 37).
      if ((action.releasedFiles ?? 0) > 0 && action.outcome !== '3.1' && action.outcome !== '3.2') {
        issues.push({ field: 'releasedFiles', message: REQUEST_TEXT.releasedOnlyWhenDisclosed });
      }
      if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
      return {
        request: {
          ...request,
          state: 'replied',
          reply: {
            outcome: action.outcome,
            repliedOn: on,
            reason: action.reason.trim(),
            withheld,
            ...(referral ? { referral } : {}),
            letter: null,
          },
          closedOn: on,
          updatedAt,
        },
        event: { kind: 'replied', on, note: '' },
      };
    }
    case 'withdraw':
      return closed(request, '3.6.3', dateOf('on', action.on), updatedAt, 'withdrawn', 'withdrawn');
    case 'fee_notice': {
      const on = dateOf('on', action.on);
      const fee = informationProcessingFee(action.method, action.quantity, action.alreadyCounted);
      if (fee.amountYuan === 0) throw fieldError('quantity', REQUEST_TEXT.feeFree);
      if (!isIsoDate(action.dueOn) || action.dueOn <= on) throw fieldError('dueOn', REQUEST_TEXT.feeDueAfterNotice);
      return {
        request: {
          ...request,
          state: 'fee_pending',
          fee: { ...fee, noticeOn: on, dueOn: action.dueOn, paidOn: null },
          pauses: [...request.pauses, { reason: 'fee', from: on, until: null }],
          updatedAt,
        },
        event: { kind: 'fee_notified', on, note: REQUEST_TEXT.feeNote(fee.amountYuan, action.dueOn) },
      };
    }
    case 'fee_paid': {
      const on = dateOf('on', action.on);
      return {
        request: {
          ...request,
          state: 'processing',
          fee: { ...request.fee!, paidOn: on },
          pauses: request.pauses.map((p) => (p.until === null ? { ...p, until: on } : p)),
          updatedAt,
        },
        event: { kind: 'fee_paid', on, note: '' },
      };
    }
    case 'close_fee_unpaid': {
      const on = dateOf('on', action.on);
      if (on <= request.fee!.dueOn) {
        throw new DomainError('invalid_transition', { message: REQUEST_TEXT.feeStillOpen(request.fee!.dueOn) });
      }
      return closed(request, '3.6.2', on, updatedAt, 'closed_fee_unpaid', 'closed_fee_unpaid');
    }
    case 'ask_reasons': {
      const on = dateOf('on', action.on);
      if (action.note.trim().length < 4) throw fieldError('note', REQUEST_TEXT.reasonsNoteRequired);
      return {
        request: { ...request, state: 'excessive_review', updatedAt },
        event: { kind: 'reasons_requested', on, note: action.note.trim() },
      };
    }
    case 'deliver': {
      if (request.service !== null) {
        throw new DomainError('invalid_transition', { message: REQUEST_TEXT.alreadyDelivered });
      }
      const on = dateOf('on', action.on);
      const repliedOn = request.reply!.repliedOn;
      const issues: FieldIssue[] = [];
      if (on < repliedOn) issues.push({ field: 'on', message: REQUEST_TEXT.deliveryBeforeReply(repliedOn) });
      const proof = action.proof.trim();
      if (!DELIVERY_METHODS.includes(action.method)) {
        issues.push({ field: 'method', message: REQUEST_TEXT.deliveryMethodRequired });
      } else if (action.method === 'post' && proof.length < 4) {
        issues.push({ field: 'proof', message: REQUEST_TEXT.postalNumberRequired });
      } else if (action.method === 'email' && proof === '' && action.proofFiles === 0) {
        issues.push({ field: 'proof', message: REQUEST_TEXT.emailProofRequired });
      } else if (action.method === 'pickup' && proof === '' && action.proofFiles === 0) {
        issues.push({ field: 'proof', message: REQUEST_TEXT.pickupProofRequired });
      }
      if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
      return {
        request: { ...request, service: { method: action.method, on, proof }, updatedAt },
        event: {
          kind: 'delivered',
          on,
          // The applicant reads the means, and the postal item's number to follow the post.
          note: REQUEST_TEXT.deliveryNote(DELIVERY_METHOD_LABELS[action.method], action.method === 'post' ? proof : ''),
        },
      };
    }
    case 'archive':
      if (request.state === 'replied' && request.service === null) {
        throw new DomainError('invalid_transition', { message: REQUEST_TEXT.archiveNeedsDelivery });
      }
      return {
        request: { ...request, state: 'archived', updatedAt },
        event: { kind: 'archived', on: dateOf('on', action.on), note: '' },
      };
    case 'resume':
      return {
        request: { ...request, state: 'processing', updatedAt },
        event: { kind: 'resumed', on: dateOf('on', action.on), note: '' },
      };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * Where a request stands against its reply deadline on `today`: null before receipt, while a
 * correction is awaited (the period has not begun again, 条例 Art. 30), and once it is closed.
 */
export function deadlineOf(request: FoiRequest, calendar: WorkingCalendar, today: string): ReplyDeadline | null {
  if (!request.receivedOn || CLOSED_STATES.has(request.state) || request.state === 'awaiting_correction') return null;
  return replyDeadline(clockFactsOf(request), calendar, today);
}

/**
 * The due date kept for the inbox's due-soon and overdue filters: the deadline's date, or none when
 * there is no running deadline or the clock stands still (a paused due date moves every day).
 */
export function storedDueOn(request: FoiRequest, calendar: WorkingCalendar, today: string): string | null {
  const deadline = deadlineOf(request, calendar, today);
  return deadline && !deadline.isPaused ? deadline.dueOn : null;
}

/** What the clock of a request is computed from. */
export function clockFactsOf(request: FoiRequest) {
  return {
    receivedOn: request.receivedOn!,
    correctedOn: request.correctedOn,
    extension: request.extension,
    pauses: request.pauses,
  };
}

function closed(
  request: FoiRequest,
  outcome: Outcome,
  on: string,
  updatedAt: string,
  state: RequestState,
  event: EventKind,
): HandlingResult {
  return {
    request: {
      ...request,
      state,
      pauses: request.pauses.map((p) => (p.until === null ? { ...p, until: on } : p)),
      reply: { outcome, repliedOn: on, reason: '', withheld: [], letter: null },
      closedOn: on,
      updatedAt,
    },
    event: { kind: event, on, note: '' },
  };
}

/** A date of a step: a real date, not after today, not before the request was received. */
function checkDate(field: string, value: string, request: FoiRequest, today: string): string {
  if (!isIsoDate(value)) throw fieldError(field, REQUEST_TEXT.dateInvalid);
  if (value > today) throw fieldError(field, REQUEST_TEXT.dateInFuture);
  if (request.receivedOn && value < request.receivedOn)
    throw fieldError(field, REQUEST_TEXT.beforeReceipt(request.receivedOn));
  return value;
}

function fieldError(field: string, message: string): DomainError {
  return new DomainError('validation_failed', { fields: [{ field, message }] });
}
