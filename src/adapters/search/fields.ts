import { sql, type RawBuilder } from 'kysely';
import {
  tokenizedText,
  type AttachmentText,
  type SearchEntry,
  type SearchEntryKind,
} from '../../modules/search/index.ts';

/**
 * The tokenised text of an entry's searchable fields, as both adapters store it. The attachments'
 * text joins the body (the lowest weight); each piece is tokenised on its own, so no bigram spans
 * two of them.
 */
export function tokenizedFields(
  entry: Pick<SearchEntry, 'title' | 'docNumber' | 'indexNumber' | 'bodyText'> &
    Partial<Pick<SearchEntry, 'attachments'>>,
): {
  title: string;
  docNumber: string;
  indexNumber: string;
  body: string;
} {
  const pieces = [entry.bodyText, ...(entry.attachments ?? []).map((attachment) => attachment.text)];
  return {
    title: tokenizedText(entry.title),
    docNumber: tokenizedText(entry.docNumber ?? ''),
    indexNumber: tokenizedText(entry.indexNumber ?? ''),
    body: pieces
      .map(tokenizedText)
      .filter((tokens) => tokens !== '')
      .join(' '),
  };
}

/** A row of search_entries as the adapters read it back. */
export type EntryRow = {
  document_id: string;
  edition_id: string;
  kind: string;
  href: string;
  org_id: string;
  org_path: string;
  org_name: string;
  title: string;
  doc_number: string | null;
  index_number: string | null;
  body_text: string;
  field_code: string | null;
  genre: string;
  topic: string;
  validity: string;
  published_on: string;
  attachments: string;
  /** The unit's name as it is now (`CURRENT_ORG_NAME`); null when the unit is gone. */
  current_org_name?: string | null;
};

/**
 * The unit's name as it is now, for a select from search_entries `e`: a unit renamed after its
 * documents were indexed shows its new name in results and facets, without reindexing them.
 */
export const CURRENT_ORG_NAME: RawBuilder<unknown> = sql`(select o.name from orgs o where o.id = e.org_id) as current_org_name`;

export function entryOf(row: EntryRow): SearchEntry {
  return {
    kind: row.kind as SearchEntryKind,
    documentId: row.document_id,
    editionId: row.edition_id,
    href: row.href,
    orgId: row.org_id,
    orgPath: row.org_path,
    orgName: row.current_org_name ?? row.org_name,
    title: row.title,
    docNumber: row.doc_number,
    indexNumber: row.index_number,
    bodyText: row.body_text,
    fieldCode: row.field_code,
    genre: row.genre,
    topic: row.topic,
    validity: row.validity,
    publishedOn: row.published_on,
    attachments: JSON.parse(row.attachments) as AttachmentText[],
  };
}

/** The columns `put` writes, in the order of `entryValues`. */
export const ENTRY_COLUMNS: RawBuilder<unknown> = sql.raw(
  'document_id, edition_id, org_id, org_path, org_name, title, doc_number, index_number, body_text, field_code, genre, topic, validity, published_on, kind, href, attachments',
);

/** The entry's columns in insert order. */
export function entryValues(entry: SearchEntry): unknown[] {
  return [
    entry.documentId,
    entry.editionId,
    entry.orgId,
    entry.orgPath,
    entry.orgName,
    entry.title,
    entry.docNumber,
    entry.indexNumber,
    entry.bodyText,
    entry.fieldCode,
    entry.genre,
    entry.topic,
    entry.validity,
    entry.publishedOn,
    entry.kind,
    entry.href,
    JSON.stringify(entry.attachments),
  ];
}

/**
 * Writes entries in chunks of `size` through `putChunk`, the last entry for a document winning, as
 * if they had been put one after another.
 */
export async function putInChunks(
  entries: readonly SearchEntry[],
  size: number,
  putChunk: (chunk: readonly SearchEntry[]) => Promise<void>,
): Promise<void> {
  const unique = [...new Map(entries.map((e) => [e.documentId, e])).values()];
  for (let at = 0; at < unique.length; at += size) await putChunk(unique.slice(at, at + size));
}
