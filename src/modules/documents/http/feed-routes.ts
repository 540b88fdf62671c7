import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentsWebDeps } from './deps.ts';
import { parseInput } from '../../../platform/validation.ts';
import type { Alternate } from '../../../platform/web/public-layout.tsx';
import { PUBLIC_ACTOR } from '../../access/index.ts';
import { atomFeed, rssFeed, type FeedChannel, type FeedItem } from '../domain/feed.ts';
import type { EditionListItem } from '../ports.ts';
import { findEditions } from '../queries/find-editions.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { GENRE_LISTS, proactiveList } from './list-filters.ts';
import { documentPath } from './present.ts';
import { FeedQuery } from './schemas.ts';

/** Items in a feed: the newest published documents of its list. */
const FEED_ITEMS = 20;

/** The two feed formats: their paths and media types. */
export const FEEDS = {
  rss: { path: '/xxgk/rss.xml', type: 'application/rss+xml', render: rssFeed },
  atom: { path: '/xxgk/atom.xml', type: 'application/atom+xml', render: atomFeed },
} as const;

/** The `<link rel="alternate">` of a list's feeds, both formats, for the same part of the list. */
export function feedAlternates(heading: string, params: Parameters<typeof feedQueryString>[0]): Alternate[] {
  const query = feedQueryString(params);
  return [
    { type: FEEDS.rss.type, title: `${heading}（RSS）`, href: `${FEEDS.rss.path}${query}` },
    { type: FEEDS.atom.type, title: `${heading}（Atom）`, href: `${FEEDS.atom.path}${query}` },
  ];
}

/** A feed's query string (unit, pilot field, topic, genre), '' when there is none. */
export function feedQueryString(params: {
  org?: string | undefined;
  field?: string | undefined;
  topic?: string | undefined;
  genre?: string | undefined;
}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * RSS 2.0 and Atom feeds of the 法定主动公开内容 list: the whole column, or one unit with the units
 * under it, one pilot field or one topic, as the list page filters them (the page links its feeds
 * with `<link rel="alternate">`). Public pages: kept in the shared page cache with the others, with
 * their ETag and Last-Modified, and 304 for a reader that has the current one.
 */
export function registerFeedRoutes(app: FastifyInstance, ctx: DocumentsWebDeps): void {
  for (const feed of Object.values(FEEDS)) {
    app.get(feed.path, async (request: FastifyRequest, reply: FastifyReply) => {
      const query = parseInput(FeedQuery, request.query);
      const list = await proactiveList(ctx.stores, {
        ...query,
        genre: undefined,
        q: undefined,
        page: 1,
        pageSize: FEED_ITEMS,
      });
      // One genre alone (政策解读, 回应关切 …) is its own list: the genre names it, the unit narrows it.
      const heading = query.genre ? `${list.selectedOrg ? list.selectedOrg.name : ''}${query.genre}` : list.heading;
      const latest = await findEditions({
        documents: ctx.stores.documents,
        actor: PUBLIC_ACTOR,
        filter: { ...list.filter, genre: query.genre },
        page: { offset: 0, limit: FEED_ITEMS },
      });
      const site = await ctx.shell.site();
      const params = feedQueryString(query);
      const channel: FeedChannel = {
        title: `${heading} - ${site.siteName}`,
        description: DOCUMENT_TEXT.feedDescription(site.districtName, heading),
        pageUrl: `${ctx.config.publicUrl}${query.genre ? genrePage(query.genre, query.org) : `/xxgk/fdzdgknr${params}`}`,
        selfUrl: `${ctx.config.publicUrl}${feed.path}${params}`,
        emptyUpdatedAt: ctx.clock.now(),
      };
      const items = latest.items.map((item) => feedItem(item, ctx.config.publicUrl));
      return reply.type(`${feed.type}; charset=utf-8`).send(feed.render(channel, items));
    });
  }
}

/** The list page of one genre's feed: its own list in the column (with the unit when it takes one), else the whole list. */
function genrePage(genre: string, org: string | undefined): string {
  if (genre === '回应关切') return '/xxgk/hygq';
  const list = GENRE_LISTS.find((l) => l.genre === genre);
  if (!list) return '/xxgk/fdzdgknr';
  return `${list.path}${org && list.key === 'zcjd' ? feedQueryString({ org }) : ''}`;
}

function feedItem({ document, edition, org }: EditionListItem, publicUrl: string): FeedItem {
  const updatedAt = new Date(edition.publishedAt ?? edition.updatedAt);
  return {
    title: edition.content.title,
    url: `${publicUrl}${documentPath(document.id)}`,
    publishedAt: document.firstPublishedAt ? new Date(document.firstPublishedAt) : updatedAt,
    updatedAt,
    unit: org.name,
    docNumber: edition.content.docNumber,
    indexNumber: document.indexNumber,
    topic: edition.content.topic,
  };
}
