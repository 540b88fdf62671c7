import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, itemSummary, rssFeed, type FeedChannel, type FeedItem } from './feed.ts';

const CHANNEL: FeedChannel = {
  title: '法定主动公开内容 - 示范区政务公开平台',
  description: '示范区政务公开平台“法定主动公开内容”最新公开的政府信息。',
  pageUrl: 'https://gk.example.gov.cn/xxgk/fdzdgknr',
  selfUrl: 'https://gk.example.gov.cn/xxgk/rss.xml',
  emptyUpdatedAt: new Date('2026-03-02T02:00:00Z'),
};

const ITEMS: FeedItem[] = [
  {
    title: '关于调整临时救助标准的通知 <第二版> & "附件"\u0007',
    url: 'https://gk.example.gov.cn/xxgk/doc/0123456789abcdef',
    publishedAt: new Date('2026-02-27T08:30:00Z'),
    updatedAt: new Date('2026-03-01T09:00:00Z'),
    unit: '示范区民政局',
    docNumber: '示民发〔2026〕5号',
    indexNumber: 'sfq-mz/2026-00005',
    topic: '民政、扶贫、救灾',
  },
  {
    title: '乙村2026年村级财务收支公开',
    url: 'https://gk.example.gov.cn/xxgk/doc/fedcba9876543210',
    publishedAt: new Date('2026-01-05T00:00:00Z'),
    updatedAt: new Date('2026-01-05T00:00:00Z'),
    unit: '乙村村民委员会',
    docNumber: null,
    indexNumber: null,
    topic: null,
  },
];

const parser = new Parser();

describe.each([
  { format: 'RSS 2.0', render: rssFeed },
  { format: 'Atom', render: atomFeed },
])('$format feed', ({ render }) => {
  it('parses, with each item’s title as written, its page as link and identifier, and its date', async () => {
    const feed = await parser.parseString(render(CHANNEL, ITEMS));
    expect(feed.title).toBe(CHANNEL.title);
    expect(feed.link).toBe(CHANNEL.pageUrl);
    expect(feed.items.map((item) => item.title)).toEqual([
      '关于调整临时救助标准的通知 <第二版> & "附件"',
      '乙村2026年村级财务收支公开',
    ]);
    expect(feed.items.map((item) => item.link)).toEqual(ITEMS.map((item) => item.url));
    expect(feed.items.map((item): unknown => item.guid ?? item.id)).toEqual(ITEMS.map((item) => item.url));
    expect(feed.items.map((item) => item.isoDate)).toEqual(['2026-02-27T08:30:00.000Z', '2026-01-05T00:00:00.000Z']);
  });

  it('stands for the newest change when it has items, for the channel’s time when it has none', () => {
    expect(render(CHANNEL, ITEMS)).toMatch(/Sun, 01 Mar 2026 09:00:00 GMT|2026-03-01T09:00:00.000Z/);
    expect(render(CHANNEL, [])).toMatch(/Mon, 02 Mar 2026 02:00:00 GMT|2026-03-02T02:00:00.000Z/);
  });
});

describe('an item’s summary', () => {
  it.each([
    [ITEMS[0]!, '发布机构：示范区民政局；文号：示民发〔2026〕5号；索引号：sfq-mz/2026-00005'],
    [ITEMS[1]!, '发布机构：乙村村民委员会'],
  ])('%#', (item, expected) => {
    expect(itemSummary(item)).toBe(expected);
  });
});
