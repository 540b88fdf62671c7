import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import { INTERVIEW_TEXT } from './interview-strings.ts';

/**
 * An online interview (在线访谈) of one unit: officials by role answer residents' questions live.
 * 《政府信息公开条例》Art. 19 and 国办《政府网站发展指引》(国办发〔2017〕47号) 互动交流: interviews are
 * announced with guests and topic, questions are collected beforehand and moderated, the live
 * text is published as it is said, and the transcript, photos and media stay online afterwards.
 *
 * States: draft → scheduled (announcement published, questions open) → live → ended; scheduled or
 * live may be cancelled with a reason. Questions are collected from publication until the end.
 */
export type InterviewState = 'draft' | 'scheduled' | 'live' | 'ended' | 'cancelled';
export type InterviewAction =
  'edit' | 'publish' | 'go_live' | 'end' | 'cancel' | 'add_entry' | 'moderate' | 'add_media';

/** A guest, by name and position (officials are named by role). */
export type Guest = { name: string; title: string };

export type Interview = {
  id: string;
  orgId: string;
  title: string;
  summary: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  guests: Guest[];
  state: InterviewState;
  cancelReason: string;
  /** Raised by every change the live page shows. */
  revision: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type QuestionState = 'pending' | 'shown' | 'hidden';

/** A resident's question (网友提问): plain text, shown escaped, after moderation. */
export type InterviewQuestion = {
  id: string;
  interviewId: string;
  /** The nickname the resident chose, if any. */
  name: string;
  body: string;
  senderKey: string;
  state: QuestionState;
  hiddenReason: string;
  answered: boolean;
  /** The interview's revision at which it was (last) shown. */
  shownRevision: number | null;
  createdAt: string;
  moderatedAt: string | null;
};

export type SpeakerKind = 'host' | 'guest' | 'question';

/** One entry of the transcript (文字实录). */
export type TranscriptEntry = {
  id: string;
  interviewId: string;
  speakerKind: SpeakerKind;
  /** The speaker as shown: 主持人, a guest's position and name, or 网友提问. */
  speaker: string;
  body: string;
  /** The shown question quoted or answered, if any. */
  questionId: string | null;
  revision: number;
  saidAt: string;
};

/** An uploaded photo as stored: its key in the file storage, the type sniffed from its bytes, its size. */
export type MediaFile = { sha256: string; contentType: string; sizeBytes: number };

/** A photo or other image after the interview, uploaded or linked, with its alt text. */
export type InterviewMedia = {
  id: string;
  interviewId: string;
  /** A link, or for an uploaded photo the site path of the public image route. */
  url: string;
  alt: string;
  caption: string;
  createdAt: string;
  /** Null for a linked image. */
  file: MediaFile | null;
};

export const INTERVIEW_LIMITS = {
  title: 200,
  summary: 2000,
  guests: 10,
  guestField: 60,
  question: 500,
  name: 30,
  reason: 200,
  entry: 5000,
  url: 500,
  alt: 200,
  caption: 500,
} as const;

/** How many questions one address may ask: anywhere per 10 minutes, and per interview per day. */
export const QUESTION_LIMITS = { perTenMinutes: 5, perInterviewPerDay: 10 } as const;

/**
 * The state after an action, or a typed error when the action is not allowed in the state.
 * @throws DomainError `invalid_transition`.
 */
export function nextInterviewState(state: InterviewState, action: InterviewAction): InterviewState {
  const refuse = (): never => {
    throw new DomainError('invalid_transition');
  };
  switch (state) {
    case 'draft':
      return action === 'edit' ? 'draft' : action === 'publish' ? 'scheduled' : refuse();
    case 'scheduled':
      if (action === 'edit' || action === 'moderate') return 'scheduled';
      if (action === 'go_live') return 'live';
      if (action === 'cancel') return 'cancelled';
      return refuse();
    case 'live':
      if (action === 'edit' || action === 'moderate' || action === 'add_entry') return 'live';
      if (action === 'end') return 'ended';
      if (action === 'cancel') return 'cancelled';
      return refuse();
    case 'ended':
      // The transcript may be corrected and media added afterwards; moderation stays possible.
      if (action === 'edit' || action === 'add_media' || action === 'moderate' || action === 'add_entry') {
        return 'ended';
      }
      return refuse();
    case 'cancelled':
      return refuse();
    default: {
      const unknown: never = state;
      throw new Error(`unknown interview state ${String(unknown)}`);
    }
  }
}

/** True while residents may ask: from publication until the end. */
export function isOpenForQuestions(state: InterviewState): boolean {
  return state === 'scheduled' || state === 'live';
}

/** True once the public may see the interview. */
export function isPublicInterview(state: InterviewState): boolean {
  return state !== 'draft';
}

/** What staff type for an interview. */
export type InterviewInput = {
  orgId: string;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  guests: Guest[];
};

const line = (text: string) => stripInvisibleControls(text).replace(/\s+/g, ' ').trim();
const block = (text: string) => stripInvisibleControls(text).replace(/\r\n?/g, '\n').trim();

/**
 * The interview's fields, cleaned and checked; times are ISO instants (the form converts China
 * time); guests with both fields empty are dropped.
 * @throws DomainError `validation_failed` with every field at fault.
 */
export function checkInterview(
  input: InterviewInput,
): Pick<Interview, 'orgId' | 'title' | 'summary' | 'startsAt' | 'endsAt' | 'guests'> {
  const L = INTERVIEW_LIMITS;
  const issues: FieldIssue[] = [];
  const title = line(input.title);
  const summary = block(input.summary);
  const startsMs = Date.parse(input.startsAt);
  const endsMs = Date.parse(input.endsAt);
  const guests = input.guests
    .map((g) => ({ name: line(g.name), title: line(g.title) }))
    .filter((g) => g.name !== '' || g.title !== '');
  if (input.orgId === '') issues.push({ field: 'orgId', message: INTERVIEW_TEXT.orgRequired });
  if (!hasVisibleCharacters(title)) issues.push({ field: 'title', message: INTERVIEW_TEXT.titleRequired });
  else if (title.length > L.title) issues.push({ field: 'title', message: INTERVIEW_TEXT.tooLong(L.title) });
  if (summary.length > L.summary) issues.push({ field: 'summary', message: INTERVIEW_TEXT.tooLong(L.summary) });
  if (Number.isNaN(startsMs)) issues.push({ field: 'startsAt', message: INTERVIEW_TEXT.startsAtInvalid });
  if (Number.isNaN(endsMs) || (!Number.isNaN(startsMs) && endsMs <= startsMs)) {
    issues.push({ field: 'endsAt', message: INTERVIEW_TEXT.endsAtInvalid });
  }
  if (guests.length === 0) issues.push({ field: 'guests', message: INTERVIEW_TEXT.guestsRequired });
  else if (guests.length > L.guests) issues.push({ field: 'guests', message: INTERVIEW_TEXT.tooManyGuests(L.guests) });
  else if (guests.some((g) => g.name === '' || g.title === '')) {
    issues.push({ field: 'guests', message: INTERVIEW_TEXT.guestIncomplete });
  } else if (guests.some((g) => g.name.length > L.guestField || g.title.length > L.guestField)) {
    issues.push({ field: 'guests', message: INTERVIEW_TEXT.tooLong(L.guestField) });
  }
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return {
    orgId: input.orgId,
    title,
    summary,
    startsAt: new Date(startsMs).toISOString(),
    endsAt: new Date(endsMs).toISOString(),
    guests,
  };
}

/**
 * Cleans and checks a resident's question (≤ 500 characters) and optional nickname.
 * @throws DomainError `validation_failed`.
 */
export function checkQuestion(input: { body: string; name: string }): { body: string; name: string } {
  const body = block(input.body);
  const name = line(input.name);
  const issues: FieldIssue[] = [];
  if (!hasVisibleCharacters(body)) issues.push({ field: 'body', message: INTERVIEW_TEXT.questionRequired });
  else if ([...body].length > INTERVIEW_LIMITS.question) {
    issues.push({
      field: 'body',
      message: INTERVIEW_TEXT.questionTooLong(INTERVIEW_LIMITS.question, [...body].length),
    });
  }
  if ([...name].length > INTERVIEW_LIMITS.name) {
    issues.push({ field: 'name', message: INTERVIEW_TEXT.nameTooLong(INTERVIEW_LIMITS.name) });
  }
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return { body, name };
}

/**
 * Refuses a question past the limits per address (like comments on drafts).
 * @throws DomainError `rate_limited`.
 */
export function checkQuestionRate(recent: { lastTenMinutes: number; interviewToday: number }): void {
  if (recent.lastTenMinutes >= QUESTION_LIMITS.perTenMinutes) {
    throw new DomainError('rate_limited', { message: INTERVIEW_TEXT.tooFast });
  }
  if (recent.interviewToday >= QUESTION_LIMITS.perInterviewPerDay) {
    throw new DomainError('rate_limited', { message: INTERVIEW_TEXT.tooManyToday(QUESTION_LIMITS.perInterviewPerDay) });
  }
}

/** Who speaks: the host, a guest by its position in the list, or a resident's question read out. */
export type SpeakerChoice = { kind: 'host' } | { kind: 'guest'; index: number } | { kind: 'question' };

/** Reads the form's speaker value: `host`, `guest:0`, `question`. */
export function parseSpeaker(value: string): SpeakerChoice | undefined {
  if (value === 'host') return { kind: 'host' };
  if (value === 'question') return { kind: 'question' };
  const match = /^guest:(\d{1,2})$/.exec(value);
  return match ? { kind: 'guest', index: Number(match[1]) } : undefined;
}

/**
 * The transcript entry's speaker label and text, checked against the interview's guests; quoting a
 * question needs a shown question of the interview.
 * @throws DomainError `validation_failed`.
 */
export function checkEntry(
  interview: Pick<Interview, 'guests'>,
  input: { speaker: string; body: string },
  quoted: InterviewQuestion | undefined | null,
): { speakerKind: SpeakerKind; speaker: string; body: string } {
  const issues: FieldIssue[] = [];
  const choice = parseSpeaker(input.speaker);
  const guest = choice?.kind === 'guest' ? interview.guests[choice.index] : undefined;
  if (!choice || (choice.kind === 'guest' && !guest)) {
    issues.push({ field: 'speaker', message: INTERVIEW_TEXT.speakerUnknown });
  }
  let body = block(input.body);
  if (choice?.kind === 'question') {
    if (!quoted) issues.push({ field: 'questionId', message: INTERVIEW_TEXT.questionUnknown });
    else if (quoted.state !== 'shown') issues.push({ field: 'questionId', message: INTERVIEW_TEXT.questionNotShown });
    // Read out as asked: the entry is the question's own text.
    else if (body === '') body = quoted.body;
  } else if (quoted !== null && quoted !== undefined && quoted.state !== 'shown') {
    issues.push({ field: 'questionId', message: INTERVIEW_TEXT.questionNotShown });
  }
  if (!hasVisibleCharacters(body)) issues.push({ field: 'body', message: INTERVIEW_TEXT.entryRequired });
  else if (body.length > INTERVIEW_LIMITS.entry) {
    issues.push({ field: 'body', message: INTERVIEW_TEXT.tooLong(INTERVIEW_LIMITS.entry) });
  }
  if (issues.length > 0 || !choice) throw new DomainError('validation_failed', { fields: issues });
  const speaker =
    choice.kind === 'host'
      ? INTERVIEW_TEXT.host
      : choice.kind === 'question'
        ? INTERVIEW_TEXT.questionSpeaker
        : `${guest!.title} ${guest!.name}`;
  return { speakerKind: choice.kind, speaker, body };
}

const MEDIA_LINK = /^(?:\/(?!\/)[^\s]*|https:\/\/[^\s/]+(?:\/[^\s]*)?)$/;

/** The photo formats staff may upload, by the extension the file sniffer names, with their content type. */
export const PHOTO_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The largest photo staff may upload (bytes), unless the platform's upload limit is smaller. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * Checks an uploaded photo by what its bytes are (`sniffed`, never the name or the type the browser
 * sent) and its size, under `maxBytes`.
 * @returns its content type.
 * @throws DomainError `upload_too_large` or `upload_type_not_allowed`, on the field `file`.
 */
export function checkPhoto(sniffed: string | undefined, sizeBytes: number, maxBytes: number): string {
  if (sizeBytes > maxBytes) {
    const message = INTERVIEW_TEXT.photoTooLarge(Math.floor(maxBytes / (1024 * 1024)));
    throw new DomainError('upload_too_large', { message, fields: [{ field: 'file', message }] });
  }
  const contentType = sniffed === undefined ? undefined : PHOTO_TYPES[sniffed];
  if (sizeBytes === 0 || contentType === undefined) {
    const message = INTERVIEW_TEXT.photoTypeRefused;
    throw new DomainError('upload_type_not_allowed', { message, fields: [{ field: 'file', message }] });
  }
  return contentType;
}

/** Checks the alt text (required) and caption of a photo, uploaded or linked. */
function checkMediaText(input: { alt: string; caption: string }): {
  alt: string;
  caption: string;
  issues: FieldIssue[];
} {
  const alt = line(input.alt);
  const caption = line(input.caption);
  const issues: FieldIssue[] = [];
  if (!hasVisibleCharacters(alt)) issues.push({ field: 'alt', message: INTERVIEW_TEXT.altRequired });
  else if (alt.length > INTERVIEW_LIMITS.alt)
    issues.push({ field: 'alt', message: INTERVIEW_TEXT.tooLong(INTERVIEW_LIMITS.alt) });
  if (caption.length > INTERVIEW_LIMITS.caption) {
    issues.push({ field: 'caption', message: INTERVIEW_TEXT.tooLong(INTERVIEW_LIMITS.caption) });
  }
  return { alt, caption, issues };
}

/**
 * The alt text (required: GB/T 37668-2019 §5.1.1 非文本内容) and caption of an uploaded photo.
 * @throws DomainError `validation_failed`.
 */
export function checkPhotoText(input: { alt: string; caption: string }): { alt: string; caption: string } {
  const { alt, caption, issues } = checkMediaText(input);
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return { alt, caption };
}

/**
 * A photo or image as a link: a path on this site or an https URL, with alt text (required, read
 * by screen readers: GB/T 37668-2019 §5.1.1 非文本内容) and an optional caption.
 * @throws DomainError `validation_failed`.
 */
export function checkMedia(input: { url: string; alt: string; caption: string }): {
  url: string;
  alt: string;
  caption: string;
} {
  const url = input.url.trim();
  const { alt, caption, issues: textIssues } = checkMediaText(input);
  const issues: FieldIssue[] = [];
  if (url === '' || url.length > INTERVIEW_LIMITS.url || !MEDIA_LINK.test(url)) {
    issues.push({ field: 'url', message: INTERVIEW_TEXT.mediaUrlInvalid });
  }
  issues.push(...textIssues);
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return { url, alt, caption };
}

/**
 * Checks the reason for hiding a question or cancelling an interview.
 * @throws DomainError `validation_failed` on `field`.
 */
export function checkReason(reason: string, field: string, message: string): string {
  const cleaned = line(reason);
  if (!hasVisibleCharacters(cleaned) || cleaned.length > INTERVIEW_LIMITS.reason) {
    throw new DomainError('validation_failed', { fields: [{ field, message }] });
  }
  return cleaned;
}

/** Where the list puts an interview: upcoming (scheduled), live, or past (ended, cancelled). */
export function interviewSection(state: InterviewState): 'upcoming' | 'live' | 'past' | null {
  switch (state) {
    case 'draft':
      return null;
    case 'scheduled':
      return 'upcoming';
    case 'live':
      return 'live';
    case 'ended':
    case 'cancelled':
      return 'past';
    default: {
      const unknown: never = state;
      throw new Error(`unknown interview state ${String(unknown)}`);
    }
  }
}
