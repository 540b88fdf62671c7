import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { preferredEncoding } from '../http/page-cache.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));
const ASSET_PREFIX = '/assets/';
const MEDIA_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

type Asset = { name: string; hashedName: string; body: Buffer; gzip: Buffer; br: Buffer; mediaType: string };

/**
 * The stylesheets and scripts in public/, read once: each is served under a name carrying its content's hash
 * (`site.3f9a1c2b.css`), so browsers may keep it for a year and a new release is a new name.
 */
const ASSETS: ReadonlyMap<string, Asset> = new Map(
  readdirSync(PUBLIC_DIR)
    .filter((name) => MEDIA_TYPES[extname(name)] !== undefined)
    .map((name): [string, Asset] => {
      const body = readFileSync(`${PUBLIC_DIR}${name}`);
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      const extension = extname(name);
      return [
        name,
        {
          name,
          hashedName: `${name.slice(0, -extension.length)}.${hash}${extension}`,
          body,
          gzip: gzipSync(body, { level: 9 }),
          br: brotliCompressSync(body),
          mediaType: MEDIA_TYPES[extension] as string,
        },
      ];
    }),
);

/** The URL of a file in public/ under its hashed name, for pages to link. */
export function assetUrl(name: string): string {
  const asset = ASSETS.get(name);
  return asset ? `${ASSET_PREFIX}${asset.hashedName}` : `/static/${name}`;
}

/** Serves the hashed names from memory, compressed, with a year-long immutable cache. */
export function registerHashedAssets(app: FastifyInstance): void {
  const byHashedName = new Map([...ASSETS.values()].map((asset) => [asset.hashedName, asset]));
  app.get(`${ASSET_PREFIX}:name`, async (request, reply) => {
    const asset = byHashedName.get((request.params as { name: string }).name);
    if (!asset) {
      return reply.callNotFound();
    }
    const etag = `"${asset.hashedName}"`;
    void reply
      .header('content-type', asset.mediaType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (encoding) void reply.header('content-encoding', encoding);
    return reply.send(encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.body);
  });
}
