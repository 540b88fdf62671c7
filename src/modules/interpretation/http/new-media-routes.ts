import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseInput } from '../../../platform/validation.ts';
import { exportArticle, exportPoster, type NewMediaFile } from '../queries/new-media.ts';
import type { InterpretationWebDeps } from './deps.ts';

const DocumentParams = z.object({ documentId: z.string().regex(/^[0-9a-z]{16}$/) });

/**
 * The new-media downloads of a graphic interpretation (plan §三.5 new-media channels), for staff
 * who may read the document: the article bundle for WeChat and Weibo editors, and the long poster.
 * They only read, so they change nothing and record nothing.
 */
export function registerNewMediaRoutes(app: FastifyInstance, ctx: InterpretationWebDeps): void {
  app.get('/admin/interpretations/:documentId/article.html', async (request, reply) =>
    send(reply, await exportArticle(await requestOf(request))),
  );
  app.get('/admin/interpretations/:documentId/poster.png', async (request, reply) =>
    send(reply, await exportPoster(await requestOf(request))),
  );

  async function requestOf(request: FastifyRequest) {
    const { documentId } = parseInput(DocumentParams, request.params);
    const site = await ctx.shell.site();
    return {
      stores: ctx.stores,
      rasteriser: ctx.rasteriser,
      actor: request.actor,
      documentId,
      publicUrl: ctx.config.publicUrl,
      siteName: site.siteName,
    };
  }
}

function send(reply: FastifyReply, file: NewMediaFile) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', file.disposition)
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}
