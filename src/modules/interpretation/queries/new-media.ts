import { asGraphicBlocks } from '../domain/content.ts';
import { attachmentDisposition, safeFileName } from '../../../platform/http/download.ts';
import { DomainError } from '../../../platform/errors.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { DocumentStore, Edition, EditionState } from '../../documents/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { articleHtml } from '../domain/article-html.ts';
import type { NewMediaContent } from '../domain/new-media.ts';
import { layoutPoster, POSTER_WIDTH } from '../domain/poster.ts';
import type { InterpretationStore, SvgRasteriser } from '../ports.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

/** What the new-media outputs read: documents and units (for the access filter) and interpretations. */
export type NewMediaStores = { documents: DocumentStore; orgs: OrgStore; interpretations: InterpretationStore };

type NewMediaRequest = {
  stores: NewMediaStores;
  actor: Actor;
  documentId: string;
  /** The portal's origin (GONGKAI_PUBLIC_URL), for the interpretation's address. */
  publicUrl: string;
  siteName: string;
};

/** A file to download: its bytes, media type and Content-Disposition. */
export type NewMediaFile = { bytes: Buffer; mediaType: string; disposition: string };

const T = INTERPRETATION_TEXT.media;

/** Editions not yet public that staff may prepare new-media copies of (a withdrawn one is not offered). */
const PREPARING: readonly EditionState[] = ['draft', 'rejected', 'submitted', 'scheduled'];

/**
 * An interpretation as the new-media outputs show it (other kinds than 图解 as headings and text) (plan §三.5 new-media channels): its
 * published edition, or while none is published its newest edition in preparation, so staff can
 * make the article ready before publication. Read through the staff access filter, as the
 * back-office document page reads it: a document outside the reader's subtrees does not exist.
 * @throws DomainError `not_found` (outside the reader's scope, not an interpretation, or
 *   with no edition to show).
 */
export async function readNewMediaContent(options: NewMediaRequest): Promise<NewMediaContent> {
  const { stores } = options;
  const document = await stores.documents.getDocument(options.documentId);
  const org = document && (await stores.orgs.getById(document.orgId));
  if (!document || !org || !scopeIncludes(scopeFor(options.actor, 'document.read'), org.path)) {
    throw new DomainError('not_found');
  }
  const newestFirst = (await stores.documents.editionsOf(document.id)).sort((a, b) => b.number - a.number);
  const edition =
    newestFirst.find((e) => e.state === 'published') ?? newestFirst.find((e) => PREPARING.includes(e.state));
  const shown = edition ?? newestFirst[0];
  const record = shown && (await stores.interpretations.forEdition(shown.id));
  if (!record) throw new DomainError('not_found', { message: T.notInterpretation });
  if (!edition) throw new DomainError('not_found', { message: T.noExportableEdition });
  const policies = [];
  for (const id of record.policyDocumentIds) {
    const live = (await stores.documents.editionsOf(id)).find((e) => e.state === 'published');
    if (live) policies.push({ title: live.content.title, docNumber: live.content.docNumber });
  }
  return {
    title: edition.content.title,
    issuer: edition.content.issuer,
    date: dateOf(edition),
    blocks: asGraphicBlocks(record.blocks),
    policies,
    portalUrl: `${options.publicUrl}/xxgk/doc/${document.id}`,
    siteName: options.siteName,
  };
}

/**
 * Charts are drawn at twice the article column (677 px) so they stay sharp on phone screens; the
 * page shows them at the column's width.
 */
const ARTICLE_CHART_WIDTH = 2 * 677;

/**
 * The article bundle for WeChat and Weibo article editors: one HTML file, its charts as PNGs inside.
 * @throws DomainError `not_found`; `font_missing` when the server cannot draw Chinese.
 */
export async function exportArticle(options: NewMediaRequest & { rasteriser: SvgRasteriser }): Promise<NewMediaFile> {
  const content = await readNewMediaContent(options);
  const images = new Map<number, string>();
  // One chart after another: the rasteriser draws one picture at a time anyway.
  for (const [index, block] of content.blocks.entries()) {
    if (block.kind !== 'chart' || !block.svg) continue;
    const png = await options.rasteriser.png(block.svg, { width: ARTICLE_CHART_WIDTH });
    images.set(index, png.toString('base64'));
  }
  return {
    bytes: Buffer.from(articleHtml(content, images), 'utf8'),
    mediaType: 'text/html; charset=utf-8',
    disposition: attachmentDisposition(
      `${safeFileName(content.title, 60)}.html`,
      `interpretation-${options.documentId}.html`,
    ),
  };
}

/**
 * The long poster: the layout as one SVG, drawn to a PNG 750 px wide.
 * @throws DomainError `not_found`; `poster_too_long`; `font_missing` when the server cannot draw Chinese.
 */
export async function exportPoster(options: NewMediaRequest & { rasteriser: SvgRasteriser }): Promise<NewMediaFile> {
  const content = await readNewMediaContent(options);
  const layout = layoutPoster(content);
  return {
    bytes: await options.rasteriser.png(layout.svg, { width: POSTER_WIDTH }),
    mediaType: 'image/png',
    disposition: attachmentDisposition(
      `${safeFileName(content.title, 60)}.png`,
      `interpretation-${options.documentId}.png`,
    ),
  };
}

function dateOf(edition: Edition): NewMediaContent['date'] {
  if (edition.state === 'published' && edition.content.publishedOn)
    return { kind: 'published', on: edition.content.publishedOn };
  return edition.content.writtenOn ? { kind: 'written', on: edition.content.writtenOn } : null;
}
