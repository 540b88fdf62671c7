import { describe, expect, it } from 'vitest';
import { SearchPage } from './search-page.tsx';

const query = {
  q: '政府',
  org: undefined,
  genre: undefined,
  from: undefined,
  to: undefined,
  sort: 'relevance' as const,
  page: 1,
  pageSize: 20,
};

describe('the search page', () => {
  it.each([
    [0, true, '没有找到包含这些字词的公开信息。'],
    [1234, true, '共找到 1234 条公开信息。'],
    [756000, false, '约找到 756000 条公开信息。'],
  ])('says %i found (exact: %s) as %s', async (total, totalExact, text) => {
    const html = String(
      await SearchPage({
        query,
        orgs: [],
        genres: [],
        problems: [],
        outcome: { items: [], total, totalExact, page: 1, pageSize: 20 },
      }),
    );
    expect(html).toContain(text);
  });
});
