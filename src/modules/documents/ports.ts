import type { Child } from 'hono/jsx';
import type { AccessScope } from '../access/index.ts';
import type { Edition, EditionState, GovDocument } from './domain/workflow.ts';
import type { RegulatoryFact } from './domain/regulatory-counts.ts';

/** A file attached to an edition; the bytes live in file storage under their SHA-256. */
export type Attachment = {
  id: string;
  editionId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  sortOrder: number;
  createdAt: string;
  createdBy: string;
};

/** What lists of editions can be narrowed by. */
export type EditionFilter = {
  states?: readonly EditionState[] | undefined;
  orgId?: string | undefined;
  /** The unit and everything under it. */
  orgSubtreeOf?: string | undefined;
  fieldCode?: string | undefined;
  topic?: string | undefined;
  genre?: string | undefined;
  /** Text contained in the title or 文号. */
  query?: string | undefined;
  createdBy?: string | undefined;
  /** Force-published and not yet approved afterwards. */
  awaitingRetrospectiveApproval?: boolean | undefined;
  publishedFrom?: string | undefined;
  publishedTo?: string | undefined;
  /** Filed under one of these standard-catalog entries. */
  catalogEntryKeys?: readonly string[] | undefined;
};

/** One row of a list: the edition with its document and the unit that published it. */
export type EditionListItem = {
  edition: Edition;
  document: GovDocument;
  org: { id: string; name: string; code: string; path: string };
};

export type Page = { offset: number; limit: number };
export type Paged<T> = { items: T[]; total: number };

/**
 * Documents, editions and attachment records. Every list goes through an access scope: the public
 * scope returns published and withdrawn editions only, a staff scope only its subtrees.
 */
export interface DocumentStore {
  getDocument(id: string): Promise<GovDocument | undefined>;
  insertDocument(document: GovDocument): Promise<void>;
  updateDocument(document: GovDocument): Promise<void>;
  deleteDocument(id: string): Promise<void>;

  getEdition(id: string): Promise<Edition | undefined>;
  editionsOf(documentId: string): Promise<Edition[]>;
  insertEdition(edition: Edition): Promise<void>;
  /**
   * Saves an edition only if it is still in `expectedState` (optimistic concurrency).
   * @throws DomainError `conflict` when someone else changed it first.
   */
  updateEdition(edition: Edition, expectedState: EditionState): Promise<void>;
  deleteEdition(id: string): Promise<void>;

  findEditions(scope: AccessScope, filter: EditionFilter, page: Page): Promise<Paged<EditionListItem>>;
  /**
   * Live (published) editions in order of their document's id, after `afterDocumentId` ('' for the
   * first): a rebuild of the search index walks them in batches, each as fast as the first.
   */
  liveEditionsAfter(afterDocumentId: string, limit: number): Promise<EditionListItem[]>;
  /** Scheduled editions whose time has come. */
  dueScheduled(now: Date, limit: number): Promise<Edition[]>;
  /** The next serial number of 索引号 for a unit and year (1, 2, 3 …), atomically. */
  nextIndexSerial(orgId: string, year: number): Promise<number>;
  countByState(scope: AccessScope): Promise<Record<string, number>>;
  /** Published editions filed under each of these catalog entries. */
  countPublishedByCatalogEntry(keys: readonly string[]): Promise<Map<string, number>>;
  /** The live (published) 规章 and 行政规范性文件 of a unit and every unit under it, for table 二. */
  regulatoryFacts(orgId: string): Promise<RegulatoryFact[]>;

  attachmentsOf(editionId: string): Promise<Attachment[]>;
  getAttachment(id: string): Promise<Attachment | undefined>;
  insertAttachment(attachment: Attachment): Promise<void>;
  deleteAttachment(id: string): Promise<void>;
}

/** File content: bytes in memory, or a file on disk such as an upload in its temporary file. */
export type FileContent = { bytes: Buffer } | { path: string; sizeBytes: number };

/** The size of some file content, in bytes. */
export function sizeOf(content: FileContent): number {
  return 'bytes' in content ? content.bytes.length : content.sizeBytes;
}

/** What the content of a file says it is (by magic numbers), as an extension; undefined when unknown. */
export type FileSniffer = (content: FileContent) => Promise<string | undefined>;

/** Content-addressed file storage: files are written once under their SHA-256. */
export interface FileStorage {
  /**
   * Stores the content and returns its SHA-256 (hex); storing the same content twice is a no-op. A
   * file on disk is read as a stream, never whole into memory.
   */
  put(content: FileContent): Promise<string>;
  read(sha256: string): Promise<Buffer | undefined>;
  /** The file's bytes as chunks read from disk as they are consumed (a large file into a ZIP); undefined when missing. */
  stream(sha256: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  exists(sha256: string): Promise<boolean>;
}

/**
 * The published catalog entry a document may be filed under, looked up inside the use case's
 * transaction (the catalog module's store answers).
 */
export interface CatalogEntryLookup {
  publishedEntry(orgIds: string[], key: string): Promise<object | undefined>;
}

/** Entries a document of these units may be filed under, grouped by the catalog they come from. */
export type EntryChoiceGroup = { orgName: string; entries: { key: string; label: string }[] };

/** Where a document is filed in the standard catalog, and how it stands against the entry's time limit. */
export type FilingView = { label: string; limit: string; status: string | null; late: boolean };

/**
 * The standard catalog as the document pages need it: the entries a unit's documents may be filed
 * under, and a document's standing against its entry's time limit (公开时限). The catalog module
 * answers; the composition root wires it.
 */
export interface CatalogFiling {
  entryChoices(orgIds: string[]): Promise<EntryChoiceGroup[]>;
  describe(filing: {
    orgPath: string;
    entryKey: string;
    formedOn: string | null;
    publishedOn: string | null;
  }): Promise<FilingView | undefined>;
}

/**
 * What other modules show on a document's public page besides its own content: the interpretation
 * module gives a graphic interpretation's charts in place of its text body, the documents it
 * interprets, and a policy's 政策解读. The composition root wires it.
 */
export interface DocumentPageAdditions {
  forPage(page: { documentId: string; editionId: string }): Promise<{ body?: Child; after?: Child }>;
  /**
   * What other modules show on a document's back-office page below its workflow actions, for its
   * working edition (the interpretation module: the 3-working-day rule for an interpretation, and for
   * a policy its interpretations), or null. The page has checked that the reader may see the document.
   */
  forAdminPage(page: { documentId: string; editionId: string }): Promise<Child | null>;
}

/** Display names of staff accounts by id, in one lookup (the auth module answers). */
export interface StaffNames {
  namesOf(ids: string[]): Promise<Map<string, string>>;
}

/**
 * The text extracted from an attachment's file, kept once per content (files are stored by SHA-256).
 * `failed`: the file could not be read (corrupt, encrypted, too large or too slow); nothing of it
 * is indexed, and `detail` says why.
 */
export type AttachmentTextRecord = {
  sha256: string;
  status: 'extracted' | 'failed';
  text: string;
  detail: string | null;
  extractedAt: string;
};

/** Extracted attachment texts by file. */
export interface AttachmentTextStore {
  textsOf(sha256s: readonly string[]): Promise<Map<string, AttachmentTextRecord>>;
  /** Saves a file's text, replacing what was kept for it. */
  save(record: AttachmentTextRecord): Promise<void>;
}

/**
 * Reads the text of a PDF, DOCX or XLSX file off the request thread, within time and memory
 * bounds (an adapter answers).
 * @throws Error when the file cannot be read.
 */
export interface AttachmentTextExtractor {
  extract(file: { bytes: Buffer; mediaType: string }): Promise<string>;
}
