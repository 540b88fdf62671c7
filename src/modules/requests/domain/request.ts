import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { REQUEST_TEXT } from '../strings.ts';
import type { ApplicantKind, DeliveryMethod, IdType, InformationForm, OrganisationKind } from './application.ts';
import type { ClockExtension, ClockPause } from './clock.ts';
import type { Letter } from './letter.ts';
import type { Outcome } from './outcomes.ts';
import type { Fee } from './fees.ts';

/**
 * A disclosure request and its states, after the state machine of `foi-law.md` §4: submitted,
 * registered when the receiving agency fixes the legal receipt date (条例 Art. 31), handled, replied
 * with one outcome (Art. 36), archived (Art. 45).
 */
export const REQUEST_STATES = [
  'submitted',
  'registered',
  'awaiting_correction',
  'processing',
  'third_party_consult',
  'agency_consult',
  'excessive_review',
  'fee_pending',
  'decision_review',
  'replied',
  'not_handled',
  'closed_abandoned',
  'closed_fee_unpaid',
  'withdrawn',
  'archived',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** How each state reads to staff and to the applicant on the tracking page. */
export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  submitted: '待确认收到',
  registered: '已登记',
  awaiting_correction: '待申请人补正',
  processing: '办理中',
  third_party_consult: '征求第三方意见',
  agency_consult: '征求其他机关意见',
  excessive_review: '要求说明理由',
  fee_pending: '待缴纳信息处理费',
  decision_review: '答复审核中',
  replied: '已答复',
  not_handled: '不予处理',
  closed_abandoned: '逾期未补正，视为放弃申请',
  closed_fee_unpaid: '逾期未缴费，不再处理',
  withdrawn: '申请人已撤回',
  archived: '已归档',
};

/** States the clock has stopped in: the request is closed. */
export const CLOSED_STATES: ReadonlySet<RequestState> = new Set([
  'replied',
  'not_handled',
  'closed_abandoned',
  'closed_fee_unpaid',
  'withdrawn',
  'archived',
]);

/**
 * How an application reached the agency; it decides the legal receipt date (条例 Art. 31).
 * `provincial`: forwarded by the provincial disclosure platform (省级政府信息公开申请平台), an
 * application over the Internet like `online`, received the day both sides confirm it.
 */
export const CHANNELS = ['online', 'in_person', 'post', 'fax', 'email', 'provincial'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels staff enter applications from (everything but the online form). */
export const INTAKE_CHANNELS = ['in_person', 'post', 'fax', 'email'] as const satisfies readonly Channel[];
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  in_person: '当面提交',
  post: '信函邮寄',
  fax: '传真',
  email: '电子邮件',
  provincial: '省级平台转来',
};

/** The applicant as stored: identity and contact sealed (encrypted), with what lookups need in clear. */
export type StoredApplicant = {
  kind: ApplicantKind;
  organisationKind: OrganisationKind | null;
  name: string;
  idType: IdType;
  /** Sealed identity number. */
  idNumberSealed: string;
  /** The identity number as lists show it (masked). */
  idNumberMasked: string;
  contactPerson: string;
  /** Sealed phone, e-mail and postal address. */
  phoneSealed: string;
  emailSealed: string | null;
  addressSealed: string | null;
  postcode: string;
  /** The last four digits of the phone, one of the two second factors of the tracking page. */
  phoneTail: string;
};

export type FoiRequest = {
  id: string;
  /** What the applicant tracks the request by; shown once on the receipt, printed on every letter. */
  trackingCode: string;
  /** The receiving agency (a district, department or town: 条例 Art. 27). */
  orgId: string;
  channel: Channel;
  state: RequestState;
  applicant: StoredApplicant;
  description: string;
  documentNumber: string;
  purpose: string;
  form: InformationForm;
  delivery: DeliveryMethod;
  submittedAt: string;
  /** The legal receipt date (条例 Art. 31); null until the agency confirms an online application. */
  receivedOn: string | null;
  /** Receipt of the corrected application (条例 Art. 30). */
  correctedOn: string | null;
  extension: ClockExtension | null;
  /** Consultations and fee notices: the clock stands still during each (条例 Art. 33 ¶3). */
  pauses: ClockPause[];
  /** The one correction notice (条例 Art. 30). */
  correction: { sentOn: string; items: string; dueOn: string } | null;
  /** How it ended: one outcome of table 三, the day, the reasons, the parts withheld (Art. 36, 37). */
  reply: {
    outcome: Outcome;
    repliedOn: string;
    reason: string;
    withheld: { part: string; reason: string }[];
    /** The agency that discloses the information instead, and how to reach it (条例 Art. 36 (5)). */
    referral?: string | undefined;
    /** The reply letter as sent, composed when the reply was given (null when no letter goes out). */
    letter: Letter | null;
  } | null;
  closedOn: string | null;
  /** How and when the reply was served on the applicant, with the proof (送达); null until then. */
  service: Service | null;
  /** The fee notice (条例 Art. 42), and when it was paid. */
  fee:
    | (Fee & {
        noticeOn: string;
        dueOn: string;
        paidOn: string | null;
      })
    | null;
  /**
   * The reply deadline as last computed, kept for the inbox filters only; pages compute it afresh
   * from the calendar (`replyDeadline`), so a corrected calendar shows at once.
   */
  dueOn: string | null;
  /** The officer handling it, when assigned. */
  assigneeId: string | null;
  updatedAt: string;
  /**
   * The provincial platform's own reference of an application it forwarded (channel `provincial`):
   * one request per reference, and every later change of state is reported back under it.
   */
  upstreamId: string | null;
};

/**
 * The reply served (送达): by the means the applicant asked for or another (条例 Art. 40), on a day,
 * with its proof — the postal item's number, the sent e-mail's record, the receipt signed for —
 * kept for the case file (条例 Art. 45; 国办公开办函〔2016〕235号 on service).
 */
export type Service = { method: DeliveryMethod; on: string; proof: string };

/** What happened to a request, in order; the tracking page shows the public ones. */
export const EVENT_KINDS = [
  'submitted',
  'received',
  'assigned',
  'correction_requested',
  'corrected',
  'closed_uncorrected',
  'third_party_consulted',
  'agency_consulted',
  'consultation_answered',
  'extended',
  'replied',
  'withdrawn',
  'fee_notified',
  'fee_paid',
  'closed_fee_unpaid',
  'reasons_requested',
  'resumed',
  'delivered',
  'archived',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Each step as the applicant reads it on the tracking page, with its legal basis. */
export const EVENT_LABELS: Record<EventKind, string> = {
  submitted: '提交申请',
  received: '受理机关确认收到申请（条例第三十一条）',
  assigned: '开始办理',
  correction_requested: '一次性告知补正（条例第三十条）',
  corrected: '收到补正后的申请，答复期限重新计算（条例第三十条）',
  closed_uncorrected: '逾期未补正，视为放弃申请（条例第三十条）',
  third_party_consulted: '书面征求第三方意见，所需时间不计入答复期限（条例第三十二条、第三十三条）',
  agency_consulted: '征求其他机关意见，所需时间不计入答复期限（条例第三十三条、第三十四条）',
  consultation_answered: '征求意见结束，继续办理',
  extended: '延长答复期限（条例第三十三条第二款）',
  replied: '作出答复（条例第三十六条）',
  withdrawn: '申请人撤回申请',
  fee_notified: '发出收费通知，缴费期间不计入答复期限（条例第四十二条）',
  fee_paid: '申请人已缴纳信息处理费，继续办理',
  closed_fee_unpaid: '逾期未缴纳信息处理费，不再处理（条例第四十二条）',
  reasons_requested: '要求申请人说明理由（条例第三十五条）',
  resumed: '申请理由合理，继续办理（条例第三十五条）',
  delivered: '答复已送达',
  archived: '归档',
};

export type RequestEvent = {
  requestId: string;
  seq: number;
  kind: EventKind;
  at: string;
  /** The legal date the step counts from, when it has one (the receipt date). */
  on: string | null;
  /** Who did it, as the applicant may read it (the agency, not the officer's name). */
  by: string;
  note: string;
};

/**
 * The legal receipt date of an application (条例 Art. 31): the day submitted in person, the day the
 * agency signed for a letter, the day both sides confirmed an online, fax or e-mail application.
 * Staff give that day; it may not lie before the application was submitted or after today.
 * @throws DomainError `validation_failed` naming the field `receivedOn`.
 */
export function checkReceiptDate(options: { receivedOn: string; submittedOn: string; today: string }): string {
  if (!isIsoDate(options.receivedOn)) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'receivedOn', message: REQUEST_TEXT.dateInvalid }],
    });
  }
  if (options.receivedOn > options.today) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'receivedOn', message: REQUEST_TEXT.receiptInFuture }],
    });
  }
  if (options.receivedOn < options.submittedOn) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'receivedOn', message: REQUEST_TEXT.receiptBeforeSubmission(options.submittedOn) }],
    });
  }
  return options.receivedOn;
}

/**
 * Registers a submitted application (state machine §4 row 2, 条例 Art. 31, 45): the receipt date is
 * fixed and the clock starts.
 * @throws DomainError `invalid_transition` unless the request is `submitted`.
 */
export function register(request: FoiRequest, receivedOn: string, at: Date): FoiRequest {
  if (request.state !== 'submitted') {
    throw new DomainError('invalid_transition', {
      message: REQUEST_TEXT.alreadyRegistered(REQUEST_STATE_LABELS[request.state]),
    });
  }
  return { ...request, state: 'registered', receivedOn, updatedAt: at.toISOString() };
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A tracking code from random bytes: "YS" and ten characters without look-alikes (no 0/O, 1/I/L),
 * grouped for reading aloud (YS-7K3M9-P2QXW), ≈ 49 bits; the tracking page also asks for a
 * second factor, so the code alone opens nothing.
 */
export function trackingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new RangeError('a tracking code needs 10 random bytes');
  let chars = '';
  for (let i = 0; i < 10; i++) chars += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return `YS-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A tracking code as typed: upper case, without spaces, with the dashes put back. */
export function normaliseTrackingCode(typed: string): string {
  const chars = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = chars.startsWith('YS') ? chars.slice(2) : chars;
  return body.length === 10 ? `YS-${body.slice(0, 5)}-${body.slice(5)}` : typed.trim().toUpperCase();
}
