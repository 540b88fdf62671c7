import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where the public site's content stands: bumped by the database in the same transaction as any change. */
export type ContentVersion = { version: number; changedAtMs: number };

export type PageCacheOptions = {
  /** Upper bound of the rendered pages kept, bodies and their compressed forms counted. */
  maxBytes: number;
  /** Reads the shared content version (one primary-key read). */
  currentVersion: () => Promise<ContentVersion>;
  /** At most one read of the version per this many milliseconds; 0 reads it for every cached request. */
  checkMs: number;
  /** When false, nothing is stored or served from the cache (conditional GETs and compression still apply). */
  enabled: boolean;
  /** True for a request whose page may differ by visitor: a signed-in member of staff, a flash message. */
  isPersonal: (request: FastifyRequest) => boolean;
  /** Which variant of a public page a visitor gets (e.g. the large-print mode); part of the key. */
  variantOf: (request: FastifyRequest) => string;
  /** Called when another change to the content is seen, so other caches of the content drop too. */
  onContentChange?: () => void;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` on a route of the public page group whose answer must never be shared (a file download). */
    pageCache?: boolean;
  }
}

type Entry = {
  key: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
  bytes: number;
};

/** What the group's hooks know of a request: its key (when shareable), the version, whether answered from the cache. */
type Claim = { key: string | undefined; version: ContentVersion; served: boolean };
const CLAIM = Symbol('publicPage');
type Claimed = FastifyRequest & { [CLAIM]?: Claim };

/** True when the request was answered by the public page group, which compresses its own answers. */
export function isPublicPage(request: FastifyRequest): boolean {
  return (request as Claimed)[CLAIM] !== undefined;
}

const CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const VARY = 'Accept-Encoding, Cookie';
/** Below this a compressed body saves too little to be worth the CPU. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * A shared in-process cache of rendered public pages, for anonymous GETs only, bounded by bytes
 * (least recently used goes first). Every cached answer is checked against the content version
 * kept in the database, so a change made through any instance empties every instance's cache on
 * its next request. Public pages also get a strong ETag, Last-Modified, 304 answers and gzip or
 * brotli, cached or not.
 */
export function createPageCache(options: PageCacheOptions) {
  // A Map keeps insertion order: re-inserting on a hit makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let known: ContentVersion | undefined;
  let checkedAt = 0;
  let pending: Promise<ContentVersion> | undefined;
  const stats = { hits: 0, misses: 0, stored: 0, cleared: 0 };

  function clear() {
    entries.clear();
    bytes = 0;
    stats.cleared++;
  }

  /** The current version; concurrent callers share one read, and a change empties the cache. */
  async function version(): Promise<ContentVersion> {
    if (known && options.checkMs > 0 && performance.now() - checkedAt < options.checkMs) return known;
    pending ??= options.currentVersion().finally(() => {
      pending = undefined;
    });
    const current = await pending;
    checkedAt = performance.now();
    if (!known || known.version !== current.version) {
      if (known) {
        clear();
        options.onContentChange?.();
      }
      known = current;
    }
    return known;
  }

  function store(entry: Entry) {
    if (entry.bytes > options.maxBytes / 4) return;
    const previous = entries.get(entry.key);
    if (previous) {
      entries.delete(entry.key);
      bytes -= previous.bytes;
    }
    entries.set(entry.key, entry);
    bytes += entry.bytes;
    stats.stored++;
    for (const [key, oldest] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(key);
      bytes -= oldest.bytes;
    }
  }

  function install(group: FastifyInstance): void {
    group.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const shareable =
        options.enabled &&
        request.method === 'GET' &&
        request.routeOptions.config.pageCache !== false &&
        !options.isPersonal(request);
      const current = await version();
      const key = shareable ? `${options.variantOf(request)} ${normalisedTarget(request.url)}` : undefined;
      const claim: Claim = { key, version: current, served: false };
      (request as Claimed)[CLAIM] = claim;
      if (key === undefined) return;
      const entry = entries.get(key);
      if (!entry) {
        stats.misses++;
        return;
      }
      stats.hits++;
      entries.delete(key);
      entries.set(key, entry);
      claim.served = true;
      return sendEntry(request, reply, entry);
    });

    group.addHook('onSend', async (request, reply, payload) => {
      const claim = (request as Claimed)[CLAIM];
      // An answer from the cache is final; so is anything but a whole page.
      if (!claim || claim.served || reply.statusCode !== 200 || reply.hasHeader('content-encoding')) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const contentType = String(reply.getHeader('content-type') ?? '');
      if (!contentType.startsWith('text/html')) return payload;
      const entry = entryOf(claim.key ?? '', Buffer.from(payload), contentType, claim.version);
      if (claim.key !== undefined && !reply.hasHeader('set-cookie') && !options.isPersonal(request)) store(entry);
      return finish(request, reply, entry, claim.key !== undefined);
    });
  }

  return {
    install,
    /** Figures for diagnostics and the benchmark. */
    stats: () => ({ ...stats, entries: entries.size, bytes }),
    clear,
  };
}

function entryOf(key: string, body: Buffer, contentType: string, version: ContentVersion): Entry {
  const compress = body.length >= MIN_COMPRESS_BYTES;
  const gzip = compress ? gzipSync(body, { level: 6 }) : body;
  const br = compress
    ? brotliCompressSync(body, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 6,
          [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : body;
  return {
    key,
    body,
    gzip,
    br,
    contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    lastModified: new Date(Math.floor(version.changedAtMs / 1000) * 1000).toUTCString(),
    bytes: body.length + (compress ? gzip.length + br.length : 0) + key.length * 2 + 256,
  };
}

/** Answers from an entry: 304 when the browser's copy is current, else the best encoding it accepts. */
function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: Entry) {
  const payload = finish(request, reply, entry, true);
  return reply.send(payload);
}

function finish(request: FastifyRequest, reply: FastifyReply, entry: Entry, shared: boolean): Buffer {
  void reply
    .header('etag', entry.etag)
    .header('last-modified', entry.lastModified)
    .header('vary', VARY)
    .header('content-type', entry.contentType)
    .header('cache-control', shared ? CACHE_CONTROL : 'private, no-cache');
  if (notModified(request, entry)) {
    void reply.code(304).removeHeader('content-length');
    return Buffer.alloc(0);
  }
  const encoding = entry.gzip === entry.body ? undefined : preferredEncoding(request.headers['accept-encoding']);
  const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : entry.body;
  if (encoding) void reply.header('content-encoding', encoding);
  void reply.header('content-length', String(body.length));
  return body;
}

function notModified(request: FastifyRequest, entry: Entry): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) {
    return inm
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === entry.etag || tag === '*');
  }
  const ims = request.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Date.parse(entry.lastModified) <= since;
}

/** `br` when accepted, else `gzip`, else none; q=0 refuses an encoding. */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => accepted.get(name) ?? (accepted.has('*') ? (accepted.get('*') ?? 0) : 0);
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return undefined;
}

/** The path as routed (already canonical) and its query parameters in a fixed order. */
export function normalisedTarget(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const params = new URLSearchParams(url.slice(mark + 1));
  params.sort();
  const query = params.toString();
  return query ? `${url.slice(0, mark)}?${query}` : url.slice(0, mark);
}
