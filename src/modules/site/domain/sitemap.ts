import { ID_ALPHABET } from '../../../platform/ids.ts';
import { xmlText } from '../../../platform/xml-text.ts';

/**
 * The sitemaps protocol (sitemaps.org 0.9): a sitemap holds at most 50,000 addresses, and a site with
 * more lists its sitemaps in a sitemap index. Documents are split by the first characters of their
 * ids (random, so the parts are even): none below PART_SIZE documents, one character (32 parts) up
 * to 32 × PART_SIZE, two (1,024 parts) beyond, so a part holds about PART_SIZE at most whatever the
 * size of the site, and each is read as one range of ids.
 */
export const PART_SIZE = 10_000;

/** Most addresses one sitemap may hold (the protocol's limit). */
export const MAX_URLS = 50_000;

/** How many leading characters of an id name a part, for this many published documents. */
export function partPrefixLength(documents: number): 0 | 1 | 2 {
  if (documents <= PART_SIZE) return 0;
  return documents <= PART_SIZE * ID_ALPHABET.length ? 1 : 2;
}

/** The parts' prefixes, in order: [''] for one part. */
export function partPrefixes(length: 0 | 1 | 2): string[] {
  if (length === 0) return [''];
  const letters = [...ID_ALPHABET];
  return length === 1 ? letters : letters.flatMap((a) => letters.map((b) => `${a}${b}`));
}

export type SitemapUrl = { loc: string; lastmod?: string | undefined };

/** A sitemap (`urlset`); `lastmod` as a W3C date or date-time. */
export function urlset(urls: readonly SitemapUrl[]): string {
  const entries = urls.map(
    (url) => `<url><loc>${xmlText(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</urlset>
`;
}

/** A sitemap index (`sitemapindex`) of the given sitemaps' addresses. */
export function sitemapIndex(locations: readonly string[]): string {
  const entries = locations.map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`;
}

/** robots.txt: the back office, the API and the search results are not for crawlers; the sitemap is named. */
export function robotsTxt(publicUrl: string): string {
  return `User-agent: *
Disallow: /admin/
Disallow: /api/
Disallow: /search
Disallow: /a11y
Disallow: /dingyue/s/
Allow: /

Sitemap: ${publicUrl}/sitemap.xml
`;
}
