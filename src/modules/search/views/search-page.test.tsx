import { describe, expect, it } from 'vitest';
import { SearchQuery } from '../http/schemas.ts';
import type { SearchOutcome } from '../queries/search-public.ts';
import type { Renderable } from '../../../platform/http/render.ts';
import { SearchPage } from './search-page.tsx';

const VOCABULARY = { genres: ['通知'], validities: ['有效', '失效', '废止'], topics: ['综合政务'] };
const OUTCOME: SearchOutcome = { items: [], total: 25_000, totalExact: true, page: 1, pageSize: 20, facets: null };

/** The search page's facets: links with counts, or a sentence when the result set is too large. */
describe('SearchPage facets', () => {
  const render = (facets: Parameters<typeof SearchPage>[0]['facets'], total = OUTCOME.total) => {
    const page: Renderable = (
      <SearchPage
        query={SearchQuery.parse({ q: '政府', validity: '有效' })}
        orgs={[]}
        vocabulary={VOCABULARY}
        outcome={{ ...OUTCOME, total }}
        facets={facets}
        problems={[]}
      />
    );
    return page.toString();
  };

  it.each([
    [null, 25_000, ['检索结果超过20000条，不显示分类统计'], ['search-facets']],
    [
      {
        units: [{ code: 'edu', name: '测试区教育局', count: 7 }],
        fields: [{ code: '24', name: '义务教育', count: 7 }],
      },
      7,
      [
        'href="/search?q=%E6%94%BF%E5%BA%9C&amp;org=edu&amp;validity=%E6%9C%89%E6%95%88"',
        'href="/search?q=%E6%94%BF%E5%BA%9C&amp;field=24&amp;validity=%E6%9C%89%E6%95%88"',
        '（7条）',
      ],
      ['检索结果超过'],
    ],
    [{ units: [], fields: [{ code: 'L01', name: 'L01', count: 3 }] }, 3, ['L01', '（3条）'], ['field=L01']],
    [null, 0, [], ['检索结果超过', 'search-facets']],
  ] as const)('facets %j over %i hits', async (facets, total, shown, absent) => {
    const html = await render(facets as Parameters<typeof SearchPage>[0]['facets'], total);
    for (const text of shown) expect(html).toContain(text);
    for (const text of absent) expect(html).not.toContain(text);
  });
});

describe('the search page', () => {
  it.each([
    [0, true, '没有找到包含这些字词的公开信息。'],
    [1234, true, '共找到 1234 条公开信息。'],
    [756000, false, '约找到 756000 条公开信息。'],
  ])('says %i found (exact: %s) as %s', (total, totalExact, text) => {
    const page: Renderable = (
      <SearchPage
        query={SearchQuery.parse({ q: '政府' })}
        orgs={[]}
        vocabulary={VOCABULARY}
        outcome={{ ...OUTCOME, total, totalExact }}
        facets={null}
        problems={[]}
      />
    );
    expect(page.toString()).toContain(text);
  });
});
