import { describe, expect, it } from 'vitest';
import { PART_SIZE, partPrefixes, partPrefixLength, robotsTxt, sitemapIndex, urlset } from './sitemap.ts';
import { ID_ALPHABET, newId } from '../../../platform/ids.ts';

describe('the documents’ sitemap parts', () => {
  it.each([
    [0, 0],
    [1, 0],
    [PART_SIZE, 0],
    [PART_SIZE + 1, 1],
    [PART_SIZE * 32, 1],
    [PART_SIZE * 32 + 1, 2],
    [1_000_000, 2],
    [10_000_000, 2],
  ] as const)('%i published documents: prefixes of %i characters', (documents, length) => {
    expect(partPrefixLength(documents)).toBe(length);
  });

  it('names every part once, in id order, so the parts cover every id', () => {
    expect(partPrefixes(0)).toEqual(['']);
    expect(partPrefixes(1)).toEqual([...ID_ALPHABET]);
    const two = partPrefixes(2);
    expect(two).toHaveLength(1024);
    expect(new Set(two).size).toBe(1024);
    expect(two.toSorted()).toEqual(two);
    // The alphabet is the ids' own: every new id falls in exactly one part.
    for (let i = 0; i < 200; i++) {
      const id = newId();
      expect(two.filter((prefix) => id.startsWith(prefix))).toHaveLength(1);
    }
  });
});

describe('sitemap documents', () => {
  it('escapes addresses and writes lastmod only when known', () => {
    expect(
      urlset([
        { loc: 'https://gk.example.gov.cn/xxgk/fdzdgknr?org=a&field=20' },
        { loc: 'https://x/d', lastmod: '2026-03-02' },
      ]),
    ).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://gk.example.gov.cn/xxgk/fdzdgknr?org=a&amp;field=20</loc></url>
<url><loc>https://x/d</loc><lastmod>2026-03-02</lastmod></url>
</urlset>
`);
    expect(sitemapIndex(['https://x/sitemaps/pages.xml'])).toContain(
      '<sitemap><loc>https://x/sitemaps/pages.xml</loc></sitemap>',
    );
  });

  it('robots.txt keeps crawlers out of the back office, the API and search results', () => {
    expect(robotsTxt('https://gk.example.gov.cn')).toBe(`User-agent: *
Disallow: /admin/
Disallow: /api/
Disallow: /search
Disallow: /a11y
Disallow: /dingyue/s/
Allow: /

Sitemap: https://gk.example.gov.cn/sitemap.xml
`);
  });
});
