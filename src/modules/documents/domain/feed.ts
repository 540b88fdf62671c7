/**
 * Feeds of published government information, so that people, other portals and new-media tools
 * learn of it without visiting the site (条例 Art. 23: information made public through the portal
 * and other means that make it easy for the public to learn of it in time). RSS 2.0 and Atom
 * (RFC 4287) carry the same items; both are plain XML built here, with every text escaped and
 * characters XML does not allow removed.
 */
import { xmlText } from '../../../platform/xml-text.ts';

/** One published document in a feed. */
export type FeedItem = {
  title: string;
  /** Absolute address of the document's public page; also its permanent identifier. */
  url: string;
  /** When it was published (first seen by the public), and when its current edition was. */
  publishedAt: Date;
  updatedAt: Date;
  unit: string;
  docNumber: string | null;
  indexNumber: string | null;
  topic: string | null;
};

/** The feed itself: its title, the page it mirrors and its own address. */
export type FeedChannel = {
  title: string;
  description: string;
  /** Absolute address of the HTML list the feed follows. */
  pageUrl: string;
  /** Absolute address of this feed. */
  selfUrl: string;
  /** When nothing is in the feed: the time it stands for. */
  emptyUpdatedAt: Date;
};

/** The one-line description of an item: 发布机构, 文号, 索引号. */
export function itemSummary(item: FeedItem): string {
  return [
    `发布机构：${item.unit}`,
    item.docNumber ? `文号：${item.docNumber}` : undefined,
    item.indexNumber ? `索引号：${item.indexNumber}` : undefined,
  ]
    .filter(Boolean)
    .join('；');
}

/** The feed's time: its newest item's, else the channel's. */
function feedUpdated(channel: FeedChannel, items: readonly FeedItem[]): Date {
  let newest = items.length === 0 ? channel.emptyUpdatedAt : items[0]!.updatedAt;
  for (const item of items) if (item.updatedAt > newest) newest = item.updatedAt;
  return newest;
}

/** RSS 2.0, dates in RFC 822 form (GMT), each item's link its guid. */
export function rssFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) => `<item>
<title>${xmlText(item.title)}</title>
<link>${xmlText(item.url)}</link>
<guid isPermaLink="true">${xmlText(item.url)}</guid>
<pubDate>${item.publishedAt.toUTCString()}</pubDate>
<description>${xmlText(itemSummary(item))}</description>
${item.topic ? `<category>${xmlText(item.topic)}</category>\n` : ''}</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(channel.title)}</title>
<link>${xmlText(channel.pageUrl)}</link>
<description>${xmlText(channel.description)}</description>
<language>zh-CN</language>
<lastBuildDate>${feedUpdated(channel, items).toUTCString()}</lastBuildDate>
<atom:link href="${xmlText(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
</channel>
</rss>
`;
}

/** Atom (RFC 4287): the feed's id is its own address, each entry's id its page's address. */
export function atomFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) => `<entry>
<title>${xmlText(item.title)}</title>
<link rel="alternate" type="text/html" href="${xmlText(item.url)}"/>
<id>${xmlText(item.url)}</id>
<published>${item.publishedAt.toISOString()}</published>
<updated>${item.updatedAt.toISOString()}</updated>
<author><name>${xmlText(item.unit)}</name></author>
<summary>${xmlText(itemSummary(item))}</summary>
${item.topic ? `<category term="${xmlText(item.topic)}"/>\n` : ''}</entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xmlText(channel.title)}</title>
<subtitle>${xmlText(channel.description)}</subtitle>
<link rel="alternate" type="text/html" href="${xmlText(channel.pageUrl)}"/>
<link rel="self" type="application/atom+xml" href="${xmlText(channel.selfUrl)}"/>
<id>${xmlText(channel.selfUrl)}</id>
<updated>${feedUpdated(channel, items).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}
