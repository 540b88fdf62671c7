import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { SiteWebDeps } from './deps.ts';
import { parseInput } from '../../../platform/validation.ts';
import { PUBLIC_ACTOR } from '../../access/index.ts';
import { documentPath, findEditions, SUB_COLUMNS } from '../../documents/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import { ID_ALPHABET } from '../../../platform/ids.ts';
import {
  MAX_URLS,
  partPrefixes,
  partPrefixLength,
  robotsTxt,
  sitemapIndex,
  urlset,
  type SitemapUrl,
} from '../domain/sitemap.ts';

/** Rows read at a time while a part of the documents' sitemap is written: one read holds the event loop tens of milliseconds. */
const BATCH = 500;

const PartQuery = z.object({
  part: z
    .string()
    .regex(new RegExp(`^[${ID_ALPHABET}]{0,2}$`), '部分编号格式不正确')
    .default(''),
});

/**
 * What crawlers read: robots.txt and the sitemaps — an index of the column's pages and of every
 * published document, split into parts by the first characters of their ids (domain/sitemap.ts).
 * Public pages: kept in the shared page cache until the content changes.
 */
export function registerDiscoveryRoutes(app: FastifyInstance, ctx: SiteWebDeps): void {
  const origin = ctx.config.publicUrl;

  app.get('/robots.txt', async (_request, reply) => reply.type('text/plain; charset=utf-8').send(robotsTxt(origin)));

  const publishedCount = async () =>
    (
      await findEditions({
        documents: ctx.stores.documents,
        actor: PUBLIC_ACTOR,
        filter: {},
        page: { offset: 0, limit: 1 },
      })
    ).total;

  app.get('/sitemap.xml', async (_request, reply) => {
    const parts = partPrefixes(partPrefixLength(await publishedCount()));
    const locations = [
      `${origin}/sitemaps/pages.xml`,
      ...parts.map((part) => `${origin}/sitemaps/documents.xml${part ? `?part=${part}` : ''}`),
    ];
    return reply.type('application/xml; charset=utf-8').send(sitemapIndex(locations));
  });

  // The column's pages, the pilot fields' lists, every unit's list, 办事服务 and 订阅推送.
  app.get('/sitemaps/pages.xml', async (_request, reply) => {
    const paths = [
      '/',
      '/xxgk/',
      '/bsfw/',
      '/dingyue/',
      ...SUB_COLUMNS.map((column) => column.href),
      ...PILOT_FIELDS.map((field) => `/xxgk/fdzdgknr?field=${field.code}`),
      ...(await listOrgs(ctx.stores)).map((org) => `/xxgk/fdzdgknr?org=${encodeURIComponent(org.code)}`),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .send(urlset(paths.map((path) => ({ loc: `${origin}${path}` }))));
  });

  app.get('/sitemaps/documents.xml', async (request, reply) => {
    const { part } = parseInput(PartQuery, request.query);
    const urls: SitemapUrl[] = [];
    // The part's ids are one range in id order: from the prefix on, until an id leaves it.
    for (let after = part; urls.length < MAX_URLS;) {
      const items = await ctx.stores.documents.liveEditionsAfter(after, BATCH);
      const inPart = items.filter((item) => item.document.id.startsWith(part));
      for (const { document, edition } of inPart) {
        urls.push({
          loc: `${origin}${documentPath(document.id)}`,
          lastmod: (edition.publishedAt ?? edition.updatedAt).slice(0, 10),
        });
      }
      if (inPart.length < items.length || items.length < BATCH) break;
      after = items[items.length - 1]!.document.id;
    }
    return reply.type('application/xml; charset=utf-8').send(urlset(urls.slice(0, MAX_URLS)));
  });
}
