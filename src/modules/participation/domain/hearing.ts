import { createHash } from 'node:crypto';
import { isIsoDate, parseChinaDateTime } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import { HEARING_TEXT } from './hearing-strings.ts';
import { normaliseTrackingCode, trackingCodeFrom } from './message.ts';

/**
 * Hearings and meetings of a major decision (听证会、座谈会、论证会). 《重大行政决策程序暂行条例》
 * (国务院令第713号):
 * - Art. 14: the public is heard through 座谈会, 听证会 and other ways;
 * - Art. 17: a 听证会 may be held where the decision directly touches the interests of citizens or
 *   organisations or opinions differ widely. The draft and its explanation, the time and the place
 *   are published in advance; where participants are chosen, the way they are chosen (遴选办法) is
 *   published in advance, the choice is made fairly and openly so that every side is represented,
 *   the list of participants is published in advance, and the materials reach the participants at
 *   least 7 days before the hearing;
 * - Art. 18: the hearing is held in public; the participants state their views, and confirm and sign
 *   the record (听证会记录).
 * The national 条例 sets no number of days for the announcement itself; the 7 days for the materials
 * are the firm limit, so a hearing's registration must close early enough for the choice to be made
 * and the materials sent (HEARING_MATERIALS_DAYS + 1 days before the hearing at the latest).
 */
export const MEETING_KINDS = ['hearing', 'symposium', 'argument', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  hearing: '听证会',
  symposium: '座谈会',
  argument: '论证会',
  other: '其他会议',
};

/** How participants are chosen among the registrants; the rule is published with the notice. */
export const SELECTION_METHODS = ['random', 'order'] as const;
export type SelectionMethod = (typeof SELECTION_METHODS)[number];
export const SELECTION_METHOD_LABELS: Record<SelectionMethod | 'manual', string> = {
  random: '随机抽选',
  order: '按报名顺序',
  manual: '组织单位确定',
};

export const MEETING_STATES = ['draft', 'announced', 'closed', 'held', 'minuted', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, string> = {
  draft: '草稿',
  announced: '报名中',
  closed: '报名已截止',
  held: '已举行',
  minuted: '笔录已公布',
  cancelled: '已取消',
};

export const STAKEHOLDER_TYPES = ['affected', 'enterprise', 'expert', 'public', 'other'] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];
export const STAKEHOLDER_LABELS: Record<StakeholderType, string> = {
  affected: '利害关系人',
  enterprise: '企业',
  expert: '专家',
  public: '群众代表',
  other: '其他',
};

export const VIEWS = ['support', 'oppose', 'other'] as const;
export type View = (typeof VIEWS)[number];
export const VIEW_LABELS: Record<View, string> = { support: '支持', oppose: '反对', other: '其他意见' };

/** 暂行条例 Art. 17 ¶3: the materials reach the hearing's participants at least 7 days before it. */
export const HEARING_MATERIALS_DAYS = 7;

export const MEETING_LIMITS = {
  title: 200,
  text: 5000,
  place: 200,
  link: 500,
  maxSeats: 500,
  name: 40,
  contact: 100,
  statement: 500,
  minutes: 50_000,
  reason: 1000,
  /** Registrations from one network address per meeting, and anywhere per China day. */
  perAddressPerMeeting: 5,
  perAddressPerDay: 20,
} as const;

export type Meeting = {
  id: string;
  decisionId: string;
  /** The unit that holds it: the decision's unit. */
  orgId: string;
  kind: MeetingKind;
  title: string;
  /** The matter heard (听证事项/议题). */
  matter: string;
  place: string;
  /** When it starts (an instant). */
  startsAt: string;
  /** Registration runs from the start of `registrationOpensOn` to the end of `registrationClosesOn`, China time. */
  registrationOpensOn: string;
  registrationClosesOn: string;
  seats: number;
  selectionMethod: SelectionMethod;
  /** The published rule of choosing participants (遴选办法). */
  selectionRule: string;
  /** The materials (决策草案及其说明): text, and a link to a page or file. */
  materials: string;
  materialsLink: string;
  state: MeetingState;
  announcedAt: string | null;
  /** The choice: when, how (random/order/manual), the draw's seed, and the officer's reason for a manual choice. */
  selectedAt: string | null;
  selectedHow: SelectionMethod | 'manual' | null;
  drawSeed: string;
  selectionReason: string;
  heldAt: string | null;
  /** The minutes (听证笔录/会议纪要) as plain paragraphs. */
  minutes: string;
  /** The summary of the views heard, published with the minutes. */
  viewsSummary: string;
  minutesPublishedAt: string | null;
  cancelReason: string;
  createdAt: string;
  updatedAt: string;
};

export type RegistrationStatus = 'registered' | 'selected' | 'not_selected';
export type Attendance = 'attended' | 'absent';

export type MeetingRegistration = {
  id: string;
  meetingId: string;
  /** Receipt code (回执编号) the resident looks the registration up with, with the query password. */
  receiptCode: string;
  name: string;
  contactSealed: string;
  /** Keyed hash of the normalised contact: one registration per person per meeting. */
  contactKey: string;
  stakeholder: StakeholderType;
  view: View;
  statement: string;
  status: RegistrationStatus;
  /** The place in the choice (1 = first chosen), once chosen. */
  selectionRank: number | null;
  attendance: Attendance | null;
  senderKey: string;
  createdAt: string;
};

/** A meeting's own fields, as the officer sets them. */
export type MeetingFields = Pick<
  Meeting,
  | 'kind'
  | 'title'
  | 'matter'
  | 'place'
  | 'startsAt'
  | 'registrationOpensOn'
  | 'registrationClosesOn'
  | 'seats'
  | 'selectionMethod'
  | 'selectionRule'
  | 'materials'
  | 'materialsLink'
>;

/** What a new meeting holds besides its fields: a draft, nobody chosen, no minutes, not cancelled. */
export const NEW_MEETING = {
  state: 'draft',
  announcedAt: null,
  selectedAt: null,
  selectedHow: null,
  drawSeed: '',
  selectionReason: '',
  heldAt: null,
  minutes: '',
  viewsSummary: '',
  minutesPublishedAt: null,
  cancelReason: '',
} as const satisfies Omit<Meeting, keyof MeetingFields | 'id' | 'decisionId' | 'orgId' | 'createdAt' | 'updatedAt'>;

export type MeetingInput = {
  kind: string;
  title: string;
  matter: string;
  place: string;
  /** YYYY-MM-DD HH:mm, China time. */
  startsAt: string;
  registrationOpensOn: string;
  registrationClosesOn: string;
  seats: string;
  selectionMethod: string;
  selectionRule: string;
  materials: string;
  materialsLink: string;
};

export type RegistrationInput = {
  name: string;
  contact: string;
  stakeholder: string;
  view: string;
  statement: string;
};

const line = (text: string) => stripInvisibleControls(text).replace(/\s+/g, ' ').trim();
const block = (text: string) => stripInvisibleControls(text).replace(/\r\n?/g, '\n').trim();
const LINK = /^(?:\/(?!\/)[^\s]*|https:\/\/[^\s/]+(?:\/[^\s]*)?)$/;
const CONTACT = /^(?:1[3-9]\d{9}|[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,})$/;

/** The date `days` calendar days before or after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The China date of an instant. */
function chinaDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The last day a hearing's registration may close: the choice is made the next day at the latest and
 * the materials sent then, still 7 days before the hearing (暂行条例 Art. 17 ¶3).
 */
export function latestHearingCloseOn(startsAt: string): string {
  return addDays(chinaDay(startsAt), -(HEARING_MATERIALS_DAYS + 1));
}

/**
 * A meeting's fields, cleaned and checked; a hearing's registration must close in time for the
 * materials (Art. 17). Throws `validation_failed` with every field at fault.
 */
export function checkMeeting(input: MeetingInput): MeetingFields {
  const issues: FieldIssue[] = [];
  const L = MEETING_LIMITS;
  const kind = MEETING_KINDS.find((k) => k === input.kind);
  const title = line(input.title);
  const matter = block(input.matter);
  const place = line(input.place);
  const starts = parseChinaDateTime(input.startsAt.trim().replace(' ', 'T'));
  const opensOn = input.registrationOpensOn.trim();
  const closesOn = input.registrationClosesOn.trim();
  const seats = /^\d{1,4}$/.test(input.seats.trim()) ? Number(input.seats.trim()) : NaN;
  const selectionMethod = SELECTION_METHODS.find((m) => m === input.selectionMethod);
  const selectionRule = block(input.selectionRule);
  const materials = block(input.materials);
  const materialsLink = input.materialsLink.trim();
  if (!kind) issues.push({ field: 'kind', message: HEARING_TEXT.kindRequired });
  if (!hasVisibleCharacters(title)) issues.push({ field: 'title', message: HEARING_TEXT.titleRequired });
  else if (title.length > L.title) issues.push({ field: 'title', message: HEARING_TEXT.tooLong(L.title) });
  if (!hasVisibleCharacters(matter)) issues.push({ field: 'matter', message: HEARING_TEXT.matterRequired });
  else if (matter.length > L.text) issues.push({ field: 'matter', message: HEARING_TEXT.tooLong(L.text) });
  if (!hasVisibleCharacters(place)) issues.push({ field: 'place', message: HEARING_TEXT.placeRequired });
  else if (place.length > L.place) issues.push({ field: 'place', message: HEARING_TEXT.tooLong(L.place) });
  if (!starts) issues.push({ field: 'startsAt', message: HEARING_TEXT.startsAtInvalid });
  if (!isIsoDate(opensOn)) issues.push({ field: 'registrationOpensOn', message: HEARING_TEXT.opensOnInvalid });
  if (!isIsoDate(closesOn)) issues.push({ field: 'registrationClosesOn', message: HEARING_TEXT.closesOnInvalid });
  else if (isIsoDate(opensOn) && closesOn < opensOn)
    issues.push({ field: 'registrationClosesOn', message: HEARING_TEXT.closesBeforeOpens });
  else if (starts && closesOn >= chinaDay(starts.toISOString()))
    issues.push({ field: 'registrationClosesOn', message: HEARING_TEXT.closesAfterStart });
  else if (starts && kind === 'hearing' && closesOn > latestHearingCloseOn(starts.toISOString())) {
    const latest = latestHearingCloseOn(starts.toISOString());
    issues.push({
      field: 'registrationClosesOn',
      message: HEARING_TEXT.hearingLeadTime(HEARING_MATERIALS_DAYS, latest),
    });
  }
  if (!Number.isInteger(seats) || seats < 1 || seats > L.maxSeats)
    issues.push({ field: 'seats', message: HEARING_TEXT.seatsInvalid(L.maxSeats) });
  if (!selectionMethod) issues.push({ field: 'selectionMethod', message: HEARING_TEXT.selectionRequired });
  if (!hasVisibleCharacters(selectionRule))
    issues.push({ field: 'selectionRule', message: HEARING_TEXT.selectionRuleRequired });
  else if (selectionRule.length > L.text)
    issues.push({ field: 'selectionRule', message: HEARING_TEXT.tooLong(L.text) });
  if (materials.length > L.text) issues.push({ field: 'materials', message: HEARING_TEXT.tooLong(L.text) });
  if (materialsLink !== '' && (materialsLink.length > L.link || !LINK.test(materialsLink)))
    issues.push({ field: 'materialsLink', message: HEARING_TEXT.materialsLinkInvalid });
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return {
    kind: kind!,
    title,
    matter,
    place,
    startsAt: starts!.toISOString(),
    registrationOpensOn: opensOn,
    registrationClosesOn: closesOn,
    seats,
    selectionMethod: selectionMethod!,
    selectionRule,
    materials,
    materialsLink,
  };
}

/** What staff may do with a meeting. */
export type MeetingAction =
  | { type: 'edit' }
  | { type: 'announce' }
  | { type: 'close' }
  | { type: 'select' }
  | { type: 'attendance' }
  | { type: 'minutes'; minutes: string; viewsSummary: string }
  | { type: 'cancel'; reason: string };

/** The actions open in a state (the back office shows only these). */
export function allowedMeetingActions(meeting: Meeting, today: string): MeetingAction['type'][] {
  switch (meeting.state) {
    case 'draft':
      return ['edit', 'announce', 'cancel'];
    case 'announced':
      return today > meeting.registrationClosesOn ? ['close', 'cancel'] : ['cancel'];
    case 'closed':
      return meeting.selectedAt === null ? ['select', 'cancel'] : ['attendance', 'cancel'];
    case 'held':
      return ['minutes'];
    case 'minuted':
    case 'cancelled':
      return [];
    default: {
      const never: never = meeting.state;
      throw new Error(`unknown meeting state ${String(never)}`);
    }
  }
}

function refuse(meeting: Meeting): never {
  throw new DomainError('invalid_transition', {
    message: HEARING_TEXT.actionNotAllowed(MEETING_STATE_LABELS[meeting.state]),
  });
}

function reasonText(text: string, field: string, max: number, required: string): string {
  const cleaned = block(text);
  if (!hasVisibleCharacters(cleaned))
    throw new DomainError('validation_failed', { fields: [{ field, message: required }] });
  if (cleaned.length > max)
    throw new DomainError('validation_failed', { fields: [{ field, message: HEARING_TEXT.tooLong(max) }] });
  return cleaned;
}

/**
 * Moves a meeting on: draft → announced (registration opens on its dates) → closed (after the last
 * day of registration) → chosen (select) → held (attendance) → minuted; cancelled with a reason from
 * any state before it is held. A hearing is announced only while the choice and the materials can
 * still be done 7 days before it (Art. 17). Selection and attendance change the registrations and are
 * applied by `drawParticipants`/`markAttendance`; this checks the state and stamps the meeting.
 * @throws DomainError `invalid_transition`, `validation_failed`.
 */
export function advanceMeeting(meeting: Meeting, action: MeetingAction, now: Date): Meeting {
  const at = now.toISOString();
  const today = chinaDay(at);
  if (!allowedMeetingActions(meeting, today).includes(action.type)) refuse(meeting);
  switch (action.type) {
    case 'edit':
      return { ...meeting, updatedAt: at };
    case 'announce': {
      if (meeting.kind === 'hearing' && today > latestHearingCloseOn(meeting.startsAt)) {
        throw new DomainError('validation_failed', {
          fields: [
            {
              field: 'startsAt',
              message: HEARING_TEXT.announceTooLate(HEARING_MATERIALS_DAYS, latestHearingCloseOn(meeting.startsAt)),
            },
          ],
        });
      }
      if (today > meeting.registrationClosesOn) {
        throw new DomainError('validation_failed', {
          fields: [{ field: 'registrationClosesOn', message: HEARING_TEXT.opensBeforeAnnounce }],
        });
      }
      return { ...meeting, state: 'announced', announcedAt: at, updatedAt: at };
    }
    case 'close':
      return { ...meeting, state: 'closed', updatedAt: at };
    case 'select':
      return { ...meeting, selectedAt: at, updatedAt: at };
    case 'attendance':
      if (at < meeting.startsAt) throw new DomainError('invalid_transition', { message: HEARING_TEXT.notYetHeld });
      return { ...meeting, state: 'held', heldAt: at, updatedAt: at };
    case 'minutes':
      return {
        ...meeting,
        state: 'minuted',
        minutes: reasonText(action.minutes, 'minutes', MEETING_LIMITS.minutes, HEARING_TEXT.minutesRequired),
        viewsSummary: block(action.viewsSummary).slice(0, MEETING_LIMITS.text),
        minutesPublishedAt: at,
        updatedAt: at,
      };
    case 'cancel':
      return {
        ...meeting,
        state: 'cancelled',
        cancelReason: reasonText(action.reason, 'cancelReason', MEETING_LIMITS.reason, HEARING_TEXT.reasonRequired),
        updatedAt: at,
      };
    default: {
      const never: never = action;
      throw new Error(`unknown meeting action ${JSON.stringify(never)}`);
    }
  }
}

/** True while residents may register: announced, and today (China time) within the registration dates. */
export function isRegistrationOpen(meeting: Meeting, now: Date): boolean {
  const today = chinaDay(now.toISOString());
  return meeting.state === 'announced' && today >= meeting.registrationOpensOn && today <= meeting.registrationClosesOn;
}

/** What a resident typed, cleaned and checked; throws `validation_failed` with every field at fault. */
export function checkRegistration(input: RegistrationInput): {
  name: string;
  contact: string;
  stakeholder: StakeholderType;
  view: View;
  statement: string;
} {
  const L = MEETING_LIMITS;
  const issues: FieldIssue[] = [];
  const name = line(input.name);
  const contact = line(input.contact).replace(/\s/g, '').toLowerCase();
  const stakeholder = STAKEHOLDER_TYPES.find((s) => s === input.stakeholder);
  const view = VIEWS.find((v) => v === input.view);
  const statement = block(input.statement);
  if (!hasVisibleCharacters(name)) issues.push({ field: 'name', message: HEARING_TEXT.nameRequired });
  else if (name.length > L.name) issues.push({ field: 'name', message: HEARING_TEXT.tooLong(L.name) });
  if (contact === '') issues.push({ field: 'contact', message: HEARING_TEXT.contactRequired });
  else if (contact.length > L.contact || !CONTACT.test(contact))
    issues.push({ field: 'contact', message: HEARING_TEXT.contactInvalid });
  if (!stakeholder) issues.push({ field: 'stakeholder', message: HEARING_TEXT.stakeholderRequired });
  if (!view) issues.push({ field: 'view', message: HEARING_TEXT.viewRequired });
  if (!hasVisibleCharacters(statement)) issues.push({ field: 'statement', message: HEARING_TEXT.statementRequired });
  else if (statement.length > L.statement)
    issues.push({ field: 'statement', message: HEARING_TEXT.tooLong(L.statement) });
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return { name, contact, stakeholder: stakeholder!, view: view!, statement };
}

/** Refuses a registration past the limits per network address. */
export function checkRegistrationRate(recent: { forMeeting: number; today: number }): void {
  if (recent.forMeeting >= MEETING_LIMITS.perAddressPerMeeting || recent.today >= MEETING_LIMITS.perAddressPerDay)
    throw new DomainError('rate_limited', { message: HEARING_TEXT.tooManyFromAddress });
}

/** Registrations in the order they came, numbered from 1: the numbers the public list and the draw use. */
export function numbered<T extends Pick<MeetingRegistration, 'id' | 'createdAt'>>(
  registrations: readonly T[],
): (T & { number: number })[] {
  return [...registrations]
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
    .map((r, index) => ({ ...r, number: index + 1 }));
}

/** The draw's key of a registrant: SHA-256 of the published seed and the registration number. */
export function drawKey(seed: string, number: number | string): string {
  return createHash('sha256').update(`${seed}:${number}`).digest('hex');
}

/**
 * Chooses the participants fairly (Art. 17: fairly and openly, every side represented). Registrants
 * are grouped by their view (支持/反对/其他); within a group they are ordered by the draw key of the
 * published seed (随机抽选) or by their registration number (按报名顺序); seats are then dealt to the
 * groups in turn, so each view gets an equal share while it has registrants and no view is left out
 * when there are seats for it. The groups' turn order comes from the seed too. Anyone with the seed
 * and the numbered list can repeat the draw. Returns the chosen registrations' ids, first chosen first.
 */
export function drawParticipants(
  registrations: readonly Pick<MeetingRegistration, 'id' | 'createdAt' | 'view'>[],
  seats: number,
  method: SelectionMethod,
  seed: string,
): string[] {
  const list = numbered(registrations);
  const groups = VIEWS.map((view) => ({
    view,
    members: list
      .filter((r) => r.view === view)
      .sort((a, b) =>
        method === 'order'
          ? a.number - b.number
          : drawKey(seed, a.number) < drawKey(seed, b.number)
            ? -1
            : drawKey(seed, a.number) > drawKey(seed, b.number)
              ? 1
              : a.number - b.number,
      ),
  }))
    .filter((g) => g.members.length > 0)
    .sort((a, b) => (drawKey(seed, a.view) < drawKey(seed, b.view) ? -1 : 1));
  const chosen: string[] = [];
  for (let round = 0; chosen.length < seats; round++) {
    let dealt = false;
    for (const group of groups) {
      const next = group.members[round];
      if (next && chosen.length < seats) {
        chosen.push(next.id);
        dealt = true;
      }
    }
    if (!dealt) break;
  }
  return chosen;
}

/**
 * Checks the officer's own choice: at least one, no more than the seats, only this meeting's
 * registrants, and the reason stated (it is published with the result).
 * @throws DomainError `validation_failed`.
 */
export function checkManualSelection(
  chosen: readonly string[],
  registrationIds: ReadonlySet<string>,
  seats: number,
  reason: string,
): { chosen: string[]; reason: string } {
  const unique = [...new Set(chosen)];
  const fields: FieldIssue[] = [];
  if (unique.length === 0) fields.push({ field: 'chosen', message: HEARING_TEXT.manualSelectionEmpty });
  else if (unique.length > seats) fields.push({ field: 'chosen', message: HEARING_TEXT.manualSelectionTooMany(seats) });
  else if (unique.some((id) => !registrationIds.has(id)))
    fields.push({ field: 'chosen', message: HEARING_TEXT.manualSelectionUnknown });
  const cleaned = block(reason);
  if (!hasVisibleCharacters(cleaned)) fields.push({ field: 'selectionReason', message: HEARING_TEXT.reasonRequired });
  else if (cleaned.length > MEETING_LIMITS.reason)
    fields.push({ field: 'selectionReason', message: HEARING_TEXT.tooLong(MEETING_LIMITS.reason) });
  if (fields.length > 0) throw new DomainError('validation_failed', { fields });
  return { chosen: unique, reason: cleaned };
}

/** The public counts of a meeting: registrants, chosen and attendees, each by view. */
export type MeetingCounts = {
  registrants: number;
  selected: number;
  attended: number;
  byView: Record<View, { registrants: number; selected: number; attended: number }>;
};

export function meetingCounts(
  registrations: readonly Pick<MeetingRegistration, 'view' | 'status' | 'attendance'>[],
): MeetingCounts {
  const byView = Object.fromEntries(
    VIEWS.map((v) => [v, { registrants: 0, selected: 0, attended: 0 }]),
  ) as MeetingCounts['byView'];
  for (const r of registrations) {
    byView[r.view].registrants++;
    if (r.status === 'selected') byView[r.view].selected++;
    if (r.attendance === 'attended') byView[r.view].attended++;
  }
  const sum = (key: 'registrants' | 'selected' | 'attended') => VIEWS.reduce((n, v) => n + byView[v][key], 0);
  return { registrants: sum('registrants'), selected: sum('selected'), attended: sum('attended'), byView };
}

/** A registration's receipt code (回执编号, TZ-…) from 10 random bytes. */
export const receiptCodeFrom = (bytes: Uint8Array): string => trackingCodeFrom('TZ', bytes);

/** A receipt code as typed: upper case, the dashes put back. */
export const normaliseReceiptCode = (typed: string): string => normaliseTrackingCode('TZ', typed).slice(0, 20);
