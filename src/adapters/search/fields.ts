import { tokenizedText, type SearchEntry } from '../../modules/search/index.ts';

/** The tokenised text of an entry's searchable fields, as both adapters store it. */
export function tokenizedFields(entry: Pick<SearchEntry, 'title' | 'docNumber' | 'indexNumber' | 'bodyText'>): {
  title: string;
  docNumber: string;
  indexNumber: string;
  body: string;
} {
  return {
    title: tokenizedText(entry.title),
    docNumber: tokenizedText(entry.docNumber ?? ''),
    indexNumber: tokenizedText(entry.indexNumber ?? ''),
    body: tokenizedText(entry.bodyText),
  };
}

/** A row of search_entries as the adapters read it back. */
export type EntryRow = {
  document_id: string;
  edition_id: string;
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
};

export function entryOf(row: EntryRow): SearchEntry {
  return {
    documentId: row.document_id,
    editionId: row.edition_id,
    orgId: row.org_id,
    orgPath: row.org_path,
    orgName: row.org_name,
    title: row.title,
    docNumber: row.doc_number,
    indexNumber: row.index_number,
    bodyText: row.body_text,
    fieldCode: row.field_code,
    genre: row.genre,
    topic: row.topic,
    validity: row.validity,
    publishedOn: row.published_on,
  };
}

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
  ];
}
