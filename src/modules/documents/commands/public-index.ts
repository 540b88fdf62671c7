import { chinaDate } from '../../../platform/clock.ts';
import type { Org } from '../../orgs/index.ts';
import type { AttachmentText, SearchEntry } from '../../search/index.ts';
import { TEXT_BEARING_MEDIA_TYPES } from '../domain/attachment-policy.ts';
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

/**
 * At most this much attachment text is indexed per document: tokenising it happens in the
 * publishing transaction, on the thread that answers requests (about 55 ms per 100,000 characters).
 */
export const MAX_INDEXED_ATTACHMENT_CHARACTERS = 200_000;

/** The job that extracts an attachment's text and indexes its document again. */
export const ATTACHMENT_TEXT_JOB = 'attachment-text';

/** The public page of a document. */
export function documentHref(documentId: string): string {
  return `/xxgk/doc/${documentId}`;
}

/** What the public search index holds for a document's live edition, with its attachments' text. */
export function publicEntry(
  document: GovDocument,
  org: Pick<Org, 'id' | 'path' | 'name'>,
  edition: Edition,
  attachments: AttachmentText[] = [],
): SearchEntry {
  const c = edition.content;
  return {
    kind: 'document',
    documentId: document.id,
    editionId: edition.id,
    href: documentHref(document.id),
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
    attachments,
  };
}

/**
 * The extracted text of an edition's attachments, in their order. A PDF, Word or Excel file whose
 * text has not been extracted yet gets an extraction job (sent with the transaction); the job
 * indexes the document again once the text is there. Files that could not be read add nothing;
 * past MAX_INDEXED_ATTACHMENT_CHARACTERS in all, the rest is left out.
 */
export async function attachmentTextsOf(stores: DocumentStores, edition: Edition): Promise<AttachmentText[]> {
  const attachments = await stores.documents.attachmentsOf(edition.id);
  const texts = await stores.attachmentTexts.textsOf(attachments.map((a) => a.sha256));
  const found: AttachmentText[] = [];
  const requested = new Set<string>();
  for (const attachment of attachments) {
    const record = texts.get(attachment.sha256);
    if (record?.status === 'extracted' && record.text !== '')
      found.push({ name: attachment.fileName, text: record.text });
    if (!record && TEXT_BEARING_MEDIA_TYPES.includes(attachment.mediaType) && !requested.has(attachment.sha256)) {
      requested.add(attachment.sha256);
      await stores.jobs.send(ATTACHMENT_TEXT_JOB, {
        sha256: attachment.sha256,
        mediaType: attachment.mediaType,
        documentId: edition.documentId,
      });
    }
  }
  return found;
}

/** Indexes a document's live edition with its attachments' text. */
export async function indexLiveEdition(stores: DocumentStores, org: Org, edition: Edition): Promise<void> {
  const document = await stores.documents.getDocument(edition.documentId);
  if (document)
    await stores.searchIndex.put(publicEntry(document, org, edition, await attachmentTextsOf(stores, edition)));
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
    await indexLiveEdition(stores, org, after);
  } else if (before.state === 'published' || after.state === 'withdrawn') {
    await stores.searchIndex.remove(after.documentId);
  }
}
