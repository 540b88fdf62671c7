import type { AccessScope } from '../access/index.ts';
import type { Letter } from './domain/letter.ts';
import type { Appeal } from './domain/appeals.ts';
import type { ReportFact } from './domain/annual-report.ts';
import type { Channel, FoiRequest, RequestEvent, RequestState } from './domain/request.ts';
import type { ReminderKind } from './domain/reminders.ts';

/** A deadline reminder as sent: to whom (user ids), when, about which due date. */
export type SentReminder = {
  requestId: string;
  kind: ReminderKind;
  dueOn: string;
  sentAt: string;
  recipients: string[];
};

/** Someone a reminder goes to. */
export type ReminderRecipient = { id: string; name: string; email: string };
import type { FilePurpose, RequestFile } from './domain/files.ts';

/** One page of a unit inbox, with the receiving unit's name. */
export type InboxRow = FoiRequest & { orgName: string };

/** What the inbox is narrowed to; due dates compare with the stored due date (open, running clocks only). */
export type InboxFilter = {
  states?: readonly RequestState[] | undefined;
  orgId?: string | undefined;
  channel?: Channel | undefined;
  assigneeId?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
};

/** How many open requests there are, and how many wait for receipt, are overdue or due soon. */
export type InboxCounts = { submitted: number; open: number; overdue: number; dueSoon: number };

/** Disclosure requests and their event lists. */
export interface RequestStore {
  /** Stores a new request with its first event. */
  insert(request: FoiRequest, first: RequestEvent): Promise<void>;
  getById(id: string): Promise<FoiRequest | undefined>;
  getByTrackingCode(code: string): Promise<FoiRequest | undefined>;
  /**
   * Saves a request only if it is still in `expectedState`.
   * @throws DomainError `conflict` when someone else changed it first.
   */
  update(request: FoiRequest, expectedState: RequestState): Promise<void>;
  /** Appends an event after the request's last one (its `seq` is assigned here). */
  appendEvent(event: Omit<RequestEvent, 'seq'>): Promise<RequestEvent>;
  events(requestId: string): Promise<RequestEvent[]>;
  /**
   * Requests inside the scope and the filter, newest submission first (most urgent first when
   * filtered by due date), and how many match in all.
   */
  inbox(
    scope: AccessScope,
    filter: InboxFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: InboxRow[]; total: number }>;
  /**
   * What table 三 needs of every request received by the year's end and still open at its start,
   * for the given receiving units (every unit when `orgIds` is undefined).
   */
  reportFacts(year: number, orgIds?: readonly string[]): Promise<ReportFact[]>;
  insertAppeal(appeal: Appeal): Promise<void>;
  updateAppeal(appeal: Appeal): Promise<void>;
  appealsOf(requestId: string): Promise<Appeal[]>;
  /** The appeals filed in a year against requests of the given receiving units (every unit when undefined). */
  appealsFiledIn(year: number, orgIds?: readonly string[]): Promise<Appeal[]>;
  /** The district's own wording of the letters' standard texts, by outcome group (none: the defaults). */
  replyTexts(): Promise<Record<string, string>>;
  /** Sets one group's wording, or (null) returns it to the default. */
  setReplyText(group: string, text: string | null, at: Date): Promise<void>;
  /** Every request not yet closed (a district has thousands open at most). */
  openRequests(): Promise<FoiRequest[]>;
  /** Replaces the kept due date of one request. */
  setDueOn(id: string, dueOn: string | null): Promise<void>;
  /**
   * Who a deadline reminder of a unit's request goes to, active and with an e-mail address: the
   * assigned officer (every FOI officer of the unit while nobody is assigned) and the unit's
   * administrators (the unit head's account).
   */
  reminderRecipients(orgId: string, assigneeId: string | null): Promise<ReminderRecipient[]>;
  /** Records a reminder once per (request, kind, due date); false when it was already recorded. */
  recordReminder(reminder: SentReminder): Promise<boolean>;
  remindersOf(requestId: string): Promise<SentReminder[]>;
  /** The same counts for each receiving unit inside the scope that has open requests. */
  countsByUnit(
    scope: AccessScope,
    days: { today: string; soonUntil: string },
  ): Promise<(InboxCounts & { orgId: string; orgName: string })[]>;
  /** Counts of the open requests inside the scope: overdue before `today`, due soon up to `soonUntil`. */
  inboxCounts(scope: AccessScope, days: { today: string; soonUntil: string }): Promise<InboxCounts>;
}

/**
 * Seals personal data at rest (AES-256-GCM): the applicant's identity number and contacts. Sealed
 * text names its key, so data sealed under a retired key stays readable after rotation.
 */
export interface FieldCipher {
  seal(plain: string): string;
  /** @throws Error when the text was not sealed by a known key or was altered. */
  open(sealed: string): string;
}

/** Renders a reply letter as files (off the request thread). */
export interface LetterRenderer {
  pdf(letter: Letter): Promise<Buffer>;
  docx(letter: Letter): Promise<Buffer>;
}

/** The files kept with requests: the applicant's attachments, released information, proof of service. */
export interface RequestFileStore {
  insert(file: RequestFile): Promise<void>;
  /** A request's files, of one purpose or all, in the order they were added. */
  filesOf(requestId: string, purpose?: FilePurpose): Promise<RequestFile[]>;
  getById(id: string): Promise<RequestFile | undefined>;
}

/** File content: bytes in memory, or a file on disk such as an upload in its temporary file. */
export type FileContent = { bytes: Buffer } | { path: string; sizeBytes: number };

/** What the content of a file says it is (by magic numbers), as an extension; undefined when unknown. */
export type FileSniffer = (content: FileContent) => Promise<string | undefined>;

/** Content-addressed file storage: files are written once under their SHA-256 (the documents' storage). */
export interface FileStorage {
  /** Stores the content and returns its SHA-256 (hex); storing the same content twice is a no-op. */
  put(content: FileContent): Promise<string>;
  read(sha256: string): Promise<Buffer | undefined>;
}

/** A file that came with a form or a use case: its name as given, and its content. */
export type IncomingFile = { fileName: string; content: FileContent };

/** Where a use case keeps the files it receives, and how it tells their type from their bytes. */
export type FileServices = { files: FileStorage; sniff: FileSniffer };
