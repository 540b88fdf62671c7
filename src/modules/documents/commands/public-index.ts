import { chinaDate } from '../../../platform/clock.ts';
import type { Org } from '../../orgs/index.ts';
import type { SearchEntry } from '../../search/index.ts';
import type { Edition, GovDocument } from '../domain/workflow.ts';
import type { DocumentStores } from './edition-context.ts';

const BLOCK_TAGS =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|thead|tbody|blockquote|pre|section|article)\b[^>]*>/gi;

/** A sanitised body as plain text: block elements end a line, inline ones vanish, entities decoded. */
export function bodyText(html: string): string {
  return html
    .replace(BLOCK_TAGS, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** What the public search index holds for a document's live edition. */
export function publicEntry(document: GovDocument, org: Org, edition: Edition): SearchEntry {
  const c = edition.content;
  return {
    documentId: document.id,
    editionId: edition.id,
    orgId: org.id,
    orgPath: org.path,
    orgName: org.name,
    title: c.title,
    docNumber: c.docNumber,
    indexNumber: document.indexNumber,
    bodyText: bodyText(c.bodyHtml),
    fieldCode: c.fieldCode,
    genre: c.genre,
    topic: c.topic,
    validity: c.validity,
    publishedOn: c.publishedOn ?? chinaDate(new Date(edition.publishedAt ?? edition.updatedAt)),
  };
}

/**
 * Keeps the public search index in step with a change of an edition's state, inside the same
 * transaction (条例 Art. 23: what is disclosed is easy to find; what is withdrawn or replaced is no
 * longer offered): a published edition replaces whatever its document had in the index, a withdrawn
 * one takes the document out. Other states leave the live edition's entry alone.
 */
export async function syncPublicIndex(
  stores: DocumentStores,
  org: Org,
  before: Edition,
  after: Edition,
): Promise<void> {
  if (after.state === 'published') {
    const document = await stores.documents.getDocument(after.documentId);
    if (document) await stores.searchIndex.put(publicEntry(document, org, after));
  } else if (before.state === 'published' || after.state === 'withdrawn') {
    await stores.searchIndex.remove(after.documentId);
  }
}
