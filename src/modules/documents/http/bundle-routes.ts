import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDate } from '../../../platform/clock.ts';
import { attachmentDisposition, safeFileName } from '../../../platform/http/download.ts';
import { parseInput } from '../../../platform/validation.ts';
import { createZipStream } from '../../../platform/zip.ts';
import { PUBLIC_ACTOR } from '../../access/index.ts';
import { BUNDLE_MAX_BYTES, BUNDLE_MAX_DOCUMENTS, type BundleBounds } from '../domain/bundle.ts';
import type { EditionFilter } from '../ports.ts';
import { findEditions } from '../queries/find-editions.ts';
import { writeDocumentBundle } from '../queries/write-document-bundle.tsx';
import { DOCUMENT_TEXT } from '../strings.ts';
import type { DocumentsWebDeps } from './deps.ts';
import { GENRE_LISTS, proactiveList } from './list-filters.ts';
import { PublicListQuery } from './schemas.ts';

/** The 打包下载 address of a list page: its path with `/bundle.zip`, and the list's own filters. */
export function bundlePath(listPath: string, filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return `${listPath}/bundle.zip${query ? `?${query}` : ''}`;
}

/**
 * 打包下载 of the column's lists: `/xxgk/fdzdgknr/bundle.zip` (with the list's unit, field, topic
 * and text) and the genre lists' `/xxgk/gkzn/bundle.zip` etc. The list is read and checked before
 * the first byte, so an unknown unit is the usual Chinese 404 page; then the ZIP streams. Files,
 * not pages: never kept in the shared page cache; an archive can be large, so an address may ask
 * for a few a minute.
 */
export function registerBundleRoutes(
  app: FastifyInstance,
  ctx: DocumentsWebDeps,
  bounds: BundleBounds = { maxDocuments: BUNDLE_MAX_DOCUMENTS, maxBytes: BUNDLE_MAX_BYTES },
): void {
  const config = { pageCache: false, rateLimit: { max: 20, timeWindow: '1 minute' } };
  app.get('/xxgk/fdzdgknr/bundle.zip', { config }, async (request, reply) => {
    const list = await proactiveList(ctx.stores, parseInput(PublicListQuery, request.query));
    return sendBundle(request, reply, list.filter, list.heading);
  });
  for (const list of GENRE_LISTS) {
    app.get(`${list.path}/bundle.zip`, { config }, async (request, reply) => {
      const query = parseInput(PublicListQuery, request.query);
      return sendBundle(request, reply, { genre: list.genre, query: query.q }, list.heading);
    });
  }

  async function sendBundle(request: FastifyRequest, reply: FastifyReply, filter: EditionFilter, listTitle: string) {
    const { items, total } = await findEditions({
      documents: ctx.stores.documents,
      actor: PUBLIC_ACTOR,
      filter,
      page: { offset: 0, limit: bounds.maxDocuments },
    });
    const body = new PassThrough();
    const now = ctx.clock.now();
    void writeDocumentBundle({
      documents: ctx.stores.documents,
      files: ctx.files,
      zip: createZipStream(body),
      items,
      total,
      listTitle,
      bounds,
      documentUrl: (id) => `${ctx.config.publicUrl}/xxgk/doc/${id}`,
      now,
    }).catch((error: unknown) => {
      // After the first byte a failure can only end the connection; a client that left is no error.
      if (!body.destroyed) request.log.error({ err: error }, 'bundle download failed');
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const date = chinaDate(now);
    return reply
      .header('content-type', 'application/zip')
      .header(
        'content-disposition',
        attachmentDisposition(
          DOCUMENT_TEXT.bundle.fileName(safeFileName(listTitle, 30), date),
          `documents-${date}.zip`,
        ),
      )
      .header('cache-control', 'no-store')
      .send(body);
  }
}
