import type { Consultation, DraftVersion } from './domain/consultation.ts';
import type { ConsultationComment } from './domain/comment.ts';
import type { Message, MessageState } from './domain/message.ts';
import type { MajorDecision } from './domain/decision.ts';
import type { Meeting, MeetingRegistration } from './domain/hearing.ts';
import type {
  Interview,
  InterviewMedia,
  InterviewQuestion,
  InterviewState,
  QuestionState,
  TranscriptEntry,
} from './domain/interview.ts';
import type { Survey, SurveyAnswer } from './domain/survey.ts';
import type { ContactVerification, RecentSends } from './domain/verification.ts';

/** A consultation with the counts its lists show. */
export type ConsultationSummary = Consultation & {
  orgName: string;
  /** Comments shown to the public. */
  shownComments: number;
  hiddenComments: number;
};

/** Consultations, their draft versions and their comments (migration 0022). */
export interface ConsultationStore {
  get(id: string): Promise<Consultation | undefined>;
  /** Inserts or replaces the consultation's row. */
  save(consultation: Consultation): Promise<void>;
  /**
   * Consultations of these units (every unit when `orgIds` is null), the latest opening first; with
   * `publicOnly`, drafts are left out.
   */
  list(filter: { orgIds: readonly string[] | null; publicOnly: boolean; limit: number; offset: number }): Promise<{
    items: ConsultationSummary[];
    total: number;
  }>;
  version(consultationId: string, number: number): Promise<DraftVersion | undefined>;
  /** Every version's number, note and date (without the text), oldest first. */
  versions(consultationId: string): Promise<Omit<DraftVersion, 'paragraphs'>[]>;
  /** Inserts or replaces one version. */
  saveVersion(version: DraftVersion): Promise<void>;
  comments(consultationId: string): Promise<ConsultationComment[]>;
  comment(id: string): Promise<ConsultationComment | undefined>;
  insertComment(comment: ConsultationComment): Promise<void>;
  /** Replaces a comment's moderation and disposition fields. */
  updateComment(comment: ConsultationComment): Promise<void>;
  /** What one sender did lately: comments anywhere since `since`, and on one consultation since `dayStart`. */
  recentComments(
    senderKey: string,
    consultationId: string,
    since: string,
    dayStart: string,
  ): Promise<{
    lastTenMinutes: number;
    consultationToday: number;
  }>;
  /** The same for one verified person (their person key), whatever address they wrote from. */
  recentCommentsOfPerson(
    personKey: string,
    consultationId: string,
    since: string,
    dayStart: string,
  ): Promise<{ lastTenMinutes: number; consultationToday: number }>;
}

/** A message with its unit's name, for lists. */
export type MessageSummary = Message & { orgName: string };

/** What one unit's statistics are computed from: its messages' clock facts (declined ones left out). */
export type MessageClockRow = {
  orgId: string;
  receivedOn: string;
  transferredOn: string | null;
  answeredOn: string | null;
};

/** A member of staff an alert is mailed to. */
export type AlertRecipientRow = { id: string; name: string; email: string };

/** Residents' messages (政民互动, migration 0024) and the alerts sent about them. */
export interface MessageStore {
  get(id: string): Promise<Message | undefined>;
  byTrackingCode(code: string): Promise<Message | undefined>;
  insert(message: Message): Promise<void>;
  /** Replaces the row (staff actions, rating). */
  save(message: Message): Promise<void>;
  /** Messages of these units (every unit when null), newest first, optionally in some states. */
  list(filter: {
    orgIds: readonly string[] | null;
    states: readonly MessageState[] | null;
    publishedOnly: boolean;
    limit: number;
    offset: number;
  }): Promise<{ items: MessageSummary[]; total: number }>;
  /** Every message still waiting for an answer (received or accepted), for the alerts sweep. */
  unanswered(): Promise<Message[]>;
  /** The clock facts of valid messages received on or after `since` (YYYY-MM-DD), for statistics. */
  clockFacts(since: string): Promise<MessageClockRow[]>;
  /** How many messages one sender sent since each instant. */
  recentFromSender(senderKey: string, hourAgo: string, dayStart: string): Promise<{ lastHour: number; today: number }>;
  /** Records an alert once: false when (message, key) was already recorded. */
  recordAlert(alert: { messageId: string; key: string; sentAt: string; recipients: string[] }): Promise<boolean>;
  /** The alerts recorded about a message, oldest first. */
  alerts(messageId: string): Promise<{ key: string; sentAt: string }[]>;
  /** Staff with an e-mail address holding `interaction.handle` roles on the unit (or its administrators). */
  alertRecipients(orgId: string, roles: readonly string[]): Promise<AlertRecipientRow[]>;
}

/** Seals a resident's contact details at rest (the application's field cipher). */
export interface ContactCipher {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** A survey as stored (网络调查): the domain's survey with who made it and when. */
export type SurveyRecord = Survey & {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  publishedAt: string | null;
};

/** A survey with what its lists show. */
export type SurveySummary = SurveyRecord & { orgName: string; answerCount: number };

/** One resident's answer sheet, with the keyed hashes its limits count by (never the address itself). */
export type SurveyAnswerSheet = {
  id: string;
  surveyId: string;
  answers: SurveyAnswer[];
  /** Keyed hash of the device cookie; null when the browser sent none. */
  deviceKey: string | null;
  /** Keyed hash of the verified e-mail address or mobile number; null when none was verified. */
  personKey: string | null;
  /** Keyed hash of the network address. */
  addressKey: string;
  createdAt: string;
};

/** Surveys and their answer sheets (migration 0023). */
export interface SurveyStore {
  get(id: string): Promise<SurveyRecord | undefined>;
  /** Inserts or replaces the survey's row. */
  save(survey: SurveyRecord): Promise<void>;
  /** Surveys of these units (every unit when null), the latest opening first; `publicOnly` leaves drafts out. */
  list(filter: { orgIds: readonly string[] | null; publicOnly: boolean; limit: number; offset: number }): Promise<{
    items: SurveySummary[];
    total: number;
  }>;
  /**
   * Stores a sheet; false (and nothing stored) when this device or person already has one for the
   * survey, however close together the two arrived.
   */
  insertAnswer(sheet: SurveyAnswerSheet): Promise<boolean>;
  /** Every sheet of a survey, oldest first. */
  answers(surveyId: string): Promise<SurveyAnswerSheet[]>;
  /** Only the answers of every sheet, oldest first: what the results count, without the sheets' keys. */
  answerLists(surveyId: string): Promise<SurveyAnswer[][]>;
  countAnswers(surveyId: string): Promise<number>;
  /** Sheets of a survey already under these keys (0 for a null key); the address's since `dayStart`. */
  priorAnswers(
    surveyId: string,
    keys: { deviceKey: string | null; personKey: string | null; addressKey: string; dayStart: string },
  ): Promise<{ byDevice: number; byPerson: number; fromAddressToday: number }>;
}

/** A bar chart of one question's results, in the shape the site's chart renderer draws. */
export type SurveyChart = {
  type: 'bar';
  title: string;
  /** The unit of the counts (人). */
  unit: string;
  /** The chart in words, with every count: the picture's text alternative. */
  description: string;
  data: { categoryName: string; series: string[]; rows: { label: string; values: number[] }[] };
};

/** Draws a chart as an SVG document on the server, so a visitor without JavaScript sees it. */
export interface SurveyChartRenderer {
  svg(chart: SurveyChart): Promise<string>;
}

/** The directory of major administrative decisions (migration 0025). */
export interface DecisionStore {
  get(id: string): Promise<MajorDecision | undefined>;
  /** Inserts or replaces the item. */
  save(decision: MajorDecision): Promise<void>;
  /** A year's items of these units (every unit when null), by unit then title. */
  ofYear(year: number, orgIds: readonly string[] | null): Promise<MajorDecision[]>;
  /** The years that have items, latest first. */
  years(): Promise<number[]>;
}

/** Online interviews (在线访谈): the interview, residents' questions, the transcript and media (migration 0026). */
export interface InterviewStore {
  get(id: string): Promise<Interview | undefined>;
  /** Inserts or replaces the interview (its revision is raised by `bumpRevision` only). */
  save(interview: Interview): Promise<void>;
  /** Raises the interview's revision by one, atomically, and returns the new one. */
  bumpRevision(id: string): Promise<number>;
  /** Where the live page stands: one primary-key read, for the fallback poll. */
  revision(id: string): Promise<{ revision: number; state: InterviewState } | undefined>;
  /** Interviews of these units (every unit when null), not drafts when `publicOnly`, latest start first. */
  list(options: {
    orgIds: readonly string[] | null;
    publicOnly: boolean;
    limit: number;
    offset: number;
  }): Promise<{ items: Interview[]; total: number }>;
  insertQuestion(question: InterviewQuestion): Promise<void>;
  updateQuestion(question: InterviewQuestion): Promise<void>;
  question(id: string): Promise<InterviewQuestion | undefined>;
  /** An interview's questions in these states, oldest first. */
  questions(interviewId: string, states: readonly QuestionState[]): Promise<InterviewQuestion[]>;
  /** Questions shown at a revision after `afterRevision`, in the order shown. */
  shownSince(interviewId: string, afterRevision: number): Promise<InterviewQuestion[]>;
  /** How many of an interview's questions are hidden (a public number). */
  hiddenCount(interviewId: string): Promise<number>;
  /** One sender's questions in the last ten minutes anywhere, and today on this interview. */
  recentQuestions(
    senderKey: string,
    interviewId: string,
    since: string,
    dayStart: string,
  ): Promise<{ lastTenMinutes: number; interviewToday: number }>;
  insertEntry(entry: TranscriptEntry): Promise<void>;
  /** The transcript entries after `afterRevision`, in order. */
  entries(interviewId: string, afterRevision: number): Promise<TranscriptEntry[]>;
  insertMedia(media: InterviewMedia): Promise<void>;
  media(interviewId: string): Promise<InterviewMedia[]>;
}

/** Codes sent to verify residents' contacts (验证身份, migration 0028): keyed hashes only, never the contact. */
export interface VerificationStore {
  get(id: string): Promise<ContactVerification | undefined>;
  insert(verification: ContactVerification): Promise<void>;
  /** The sends to one person key and from one address key since `since` (an hour ago). */
  recentSends(personKey: string, addressKey: string, since: string): Promise<RecentSends>;
  /** Forgets the codes sent before `before`: past every limit and expiry, they serve nothing. */
  purgeBefore(before: string): Promise<void>;
  /** Burns the person's codes not yet used (a new code replaces them). */
  retireUnused(personKey: string): Promise<void>;
  /**
   * Counts one try of a code, unless it was used or its tries are used up (`maxTries`), however
   * many tries arrive at once; false when none was counted.
   */
  countTry(id: string, maxTries: number): Promise<boolean>;
  /** Marks the code used at `at`; false when it was used already. */
  markVerified(id: string, at: string): Promise<boolean>;
}

/** Hearings and meetings of major decisions and the residents' registrations (migration 0027). */
export interface MeetingStore {
  get(id: string): Promise<Meeting | undefined>;
  /** Inserts or replaces the meeting's row. */
  save(meeting: Meeting): Promise<void>;
  /** The meetings of these decision items, by start; `publicOnly` leaves drafts out. */
  ofDecisions(decisionIds: readonly string[], publicOnly: boolean): Promise<Meeting[]>;
  /** Stores a registration; false (and nothing stored) when the same contact already registered. */
  insertRegistration(registration: MeetingRegistration): Promise<boolean>;
  /** Every registration of a meeting, in the order they came. */
  registrations(meetingId: string): Promise<MeetingRegistration[]>;
  byReceiptCode(code: string): Promise<MeetingRegistration | undefined>;
  /** Replaces the status, rank and attendance of registrations. */
  updateRegistrations(
    changes: readonly Pick<MeetingRegistration, 'id' | 'status' | 'selectionRank' | 'attendance'>[],
  ): Promise<void>;
  /** Registrations one address made for a meeting, and anywhere since `dayStart`. */
  recentFromSender(
    senderKey: string,
    meetingId: string,
    dayStart: string,
  ): Promise<{ forMeeting: number; today: number }>;
}
