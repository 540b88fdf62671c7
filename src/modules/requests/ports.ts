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
  /**
   * Stores a new request with its first event.
   * @throws DomainError `conflict` when a request with its upstream reference is already stored.
   */
  insert(request: FoiRequest, first: RequestEvent): Promise<void>;
  getById(id: string): Promise<FoiRequest | undefined>;
  getByTrackingCode(code: string): Promise<FoiRequest | undefined>;
  /** The request the provincial platform forwarded under this reference, if any. */
  getByUpstreamId(upstreamId: string): Promise<FoiRequest | undefined>;
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
/** One status waiting to be sent to the provincial platform, or sent. */
export type OutboxStatus = {
  id: string;
  requestId: string;
  /** The request's receiving unit, for the audit log. */
  orgId: string;
  /** The event's number within its request: statuses go out in this order. */
  seq: number;
  /** The JSON body, fixed when the change happened. */
  body: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
};

/** How the statuses of one forwarded request stand, for its page. */
export type UpstreamDelivery = {
  sent: number;
  waiting: number;
  /** The oldest unsent status's failed attempts, next try and last error. */
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
};

/**
 * The link with the provincial platform (省级政府信息公开申请平台): nonces of signed calls, and
 * the outbox of statuses to send back, written in the transaction of the change they report.
 */
export interface UpstreamStore {
  /**
   * Remembers a nonce until `expiresAt`; false when it is already remembered (a replay). Safe across
   * instances: the nonce is the table's key.
   */
  claimNonce(nonce: string, expiresAt: string): Promise<boolean>;
  /** Forgets the nonces whose time window closed before `now`. */
  pruneNonces(now: string): Promise<void>;
  enqueue(status: Pick<OutboxStatus, 'id' | 'requestId' | 'orgId' | 'seq' | 'body' | 'createdAt'>): Promise<void>;
  /**
   * The first unsent status of each request whose next attempt is due at `now` and that nobody is
   * sending (no lease running), oldest first.
   */
  dueHeads(now: string, limit: number): Promise<OutboxStatus[]>;
  /** The first unsent status of one request, due or not. */
  headOf(requestId: string): Promise<OutboxStatus | undefined>;
  /** Takes a status to send until `leaseUntil`; false when it was sent or another instance has it. */
  lease(id: string, now: string, leaseUntil: string): Promise<boolean>;
  markSent(id: string, at: string, attempts: number): Promise<void>;
  markFailed(id: string, failure: { attempts: number; nextAttemptAt: string; lastError: string }): Promise<void>;
  deliveryOf(requestId: string): Promise<UpstreamDelivery>;
}

/**
 * Sends one status to the provincial platform's status URL, signed (`platform/signed-body.ts`).
 * @throws Error when it was not accepted (connection failed, timeout, a status other than 2xx).
 */
export interface UpstreamStatusSender {
  send(body: string): Promise<void>;
  /** Where statuses go, for logs. */
  readonly destination: string;
}
