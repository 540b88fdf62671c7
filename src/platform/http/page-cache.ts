import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where the public site's content stands: bumped by the database in the same transaction as any change. */
export type ContentVersion = { version: number; changedAtMs: number };

/** Cookies by name, as the cookie parser gives them. */
export type Cookies = Record<string, string | undefined>;

export type PageCacheOptions = {
  /** Upper bound of the rendered pages kept, bodies and their compressed forms counted. */
  maxBytes: number;
  /** Reads the shared content version (one primary-key read); a synchronous reader saves a promise per request. */
  currentVersion: () => ContentVersion | Promise<ContentVersion>;
  /** At most one read of the version per this many milliseconds; 0 reads it for every cached request. */
  checkMs: number;
  /** When false, nothing is stored or served from the cache (conditional GETs and compression still apply). */
  enabled: boolean;
  /** True for a request whose page may differ by visitor: a signed-in member of staff, a flash message. */
  isPersonal: (request: FastifyRequest) => boolean;
  /**
   * True when a request's cookies may make its page personal (a session or a flash message), judged
   * before anything else runs: such a request is left to the route group, which knows for sure.
   */
  mayBePersonal: (cookies: Cookies) => boolean;
  /** Which variant of a public page a visitor gets (e.g. the large-print mode); part of the key. */
  variantOf: (cookies: Cookies) => string;
  /** The cookie parser the server uses. */
  parseCookies: (header: string) => Cookies;
  /** The request target as the router sees it (the server's own canonical form), or undefined when refused. */
  canonicalTarget: (rawUrl: string) => string | undefined;
  /** Longest a synchronous version read is shared by the front door's requests of one turn of the event loop (default 1). */
  turnReadMs?: number;
  /** Called when another change to the content is seen, so other caches of the content drop too. */
  onContentChange?: () => void;
  /** The request's log line for an answer given at the front door (the route group's requests log themselves). */
  logAnswer?: (request: IncomingMessage, status: number, ms: number) => void;
  /** The application's clock in milliseconds, against which `keepPageUntil` is read (default: the wall clock). */
  now?: () => number;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` on a route of the public page group whose answer must never be shared (a file download). */
    pageCache?: boolean;
  }
}

type Entry = {
  key: string;
  /** The content version the page was rendered at: it answers requests at that version only. */
  version: number;
  body: Buffer;
  /** Compressed when first asked for, then kept with the entry. */
  gzip?: Buffer;
  br?: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
  /** Every header of the answer but the per-answer ones below: the security headers, as the route group sent them. */
  headers: string[];
  bytes: number;
  /** The instant (ms) the page stops being right though nothing in the database changed (`keepPageUntil`). */
  expiresAtMs: number;
};

/** What is kept and answered conditionally: pages, and the text crawlers and feed readers fetch (robots.txt, sitemaps, feeds). */
const KEPT_TYPES = /^(text\/html|text\/plain|application\/xml|application\/rss\+xml|application\/atom\+xml)(;|$)/;

/** Headers each answer sets for itself; everything else a page was sent with is kept with it and sent again. */
const PER_ANSWER_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'last-modified',
  'vary',
  'content-type',
  'cache-control',
  'set-cookie',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/** One page being rendered for a key at a version: the requests that miss it meanwhile wait for it. */
type Flight = { key: string; done: Promise<void>; land: () => void };

/** What the group's hooks know of a request: its key (when shareable), the version, whether answered from the cache. */
type Claim = { key: string | undefined; version: ContentVersion; served: boolean; flight?: Flight };
const CLAIM = Symbol('publicPage');
type Claimed = FastifyRequest & { [CLAIM]?: Claim };

const KEEP_UNTIL = Symbol('keepPageUntil');
type WithKeepUntil = FastifyReply & { [KEEP_UNTIL]?: number };

/**
 * Says that the page being answered changes by itself at `atMs` (by the application's clock), with
 * nothing written to the database: a consultation that opens or closes at a set time. The kept page
 * is then rendered afresh from that instant on. The earliest of several calls counts.
 */
export function keepPageUntil(reply: FastifyReply, atMs: number): void {
  const known = (reply as WithKeepUntil)[KEEP_UNTIL];
  (reply as WithKeepUntil)[KEEP_UNTIL] = known === undefined ? atMs : Math.min(known, atMs);
}

/** True when the request was answered by the public page group, which compresses its own answers. */
export function isPublicPage(request: FastifyRequest): boolean {
  return (request as Claimed)[CLAIM] !== undefined;
}

const CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const VARY = 'Accept-Encoding, Cookie';
/** Below this a compressed body saves too little to be worth the CPU. */
const MIN_COMPRESS_BYTES = 1024;
const NO_COOKIES: Cookies = Object.freeze({});

/**
 * A shared in-process cache of rendered public pages, for anonymous GETs only, bounded by bytes
 * (least recently used goes first). Every entry carries the content version it was rendered at and
 * answers only while the version kept in the database is still that one, so a change made through
 * any instance shows on every instance's next request; an entry of an older version is rendered
 * again when next asked for (once, however many ask at the same time), and keeps its ETag and
 * compressed forms when the page came out the same. Public pages also get a strong ETag,
 * Last-Modified, 304 answers and gzip or brotli, cached or not.
 *
 * Hits are answered at the front door (`front`), before Fastify builds a request; everything
 * else, and anything the front door is unsure of, goes through the route group's hooks
 * (`install`), which decide what may be kept.
 */
export function createPageCache(options: PageCacheOptions) {
  // A Map keeps insertion order: re-inserting on a hit makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  const flights = new Map<string, Flight>();
  let bytes = 0;
  let known: ContentVersion | undefined;
  let checkedAt = 0;
  /** The read under way, and the one queued after it for requests that arrived meanwhile. */
  let reading: Promise<ContentVersion> | undefined;
  let queued: Promise<ContentVersion> | undefined;
  /** The front door's shared read in this turn of the event loop (see `frontVersion`). */
  let turnRead: ContentVersion | undefined;
  let turnReadAt = 0;
  let turnEnding = false;
  const turnReadMs = options.turnReadMs ?? 1;
  const now = options.now ?? Date.now;
  /** False once a page's own time has passed (most pages have none, and cost no clock read). */
  const inTime = (entry: Entry) => entry.expiresAtMs === Number.POSITIVE_INFINITY || now() < entry.expiresAtMs;
  const stats = { hits: 0, frontHits: 0, misses: 0, stored: 0, renderedSame: 0, waited: 0, contentChanges: 0 };

  function clear() {
    entries.clear();
    bytes = 0;
  }

  function seen(current: ContentVersion): ContentVersion {
    checkedAt = performance.now();
    if (!known || known.version !== current.version) {
      if (known) {
        stats.contentChanges++;
        options.onContentChange?.();
      }
      known = current;
    }
    return known;
  }

  /**
   * The current version. A synchronous reader is read for every request. An asynchronous one is
   * shared, but only by requests that arrived before the read began: a request arriving while a
   * read is under way waits for the next one, which begins when that ends, so no request is
   * answered from a read older than itself (a change committed before it arrived is always seen).
   */
  function version(): ContentVersion | Promise<ContentVersion> {
    if (known && options.checkMs > 0 && performance.now() - checkedAt < options.checkMs) return known;
    if (!reading) {
      const read = options.currentVersion();
      if (!(read instanceof Promise)) return seen(read);
      return begin(read);
    }
    queued ??= reading.then(
      () => next(),
      () => next(),
    );
    return queued;
  }

  /**
   * The version for requests answered at the front door. A synchronous read is shared by the requests
   * taken from the sockets in the same turn of the event loop: each of them had arrived when the turn
   * began, before the read, so a change committed before a request arrived is still always seen. The
   * loop polls the sockets again within a turn only after 1,024 ready events; a read is therefore
   * also shared for at most `turnReadMs`. Under a spike this saves most of the reads (one SQLite read
   * was an eighth of a cached answer's time).
   */
  function frontVersion(): ContentVersion | Promise<ContentVersion> {
    if (turnRead && performance.now() - turnReadAt < turnReadMs) return turnRead;
    const current = version();
    if (current instanceof Promise) return current;
    turnRead = current;
    turnReadAt = performance.now();
    if (!turnEnding) {
      turnEnding = true;
      setImmediate(endTurn);
    }
    return current;
  }

  function endTurn() {
    turnEnding = false;
    turnRead = undefined;
  }

  function next(): Promise<ContentVersion> {
    queued = undefined;
    return begin(Promise.resolve(options.currentVersion()));
  }

  function begin(read: Promise<ContentVersion>): Promise<ContentVersion> {
    const shared = read.then(seen);
    reading = shared;
    const done = () => {
      if (reading === shared) reading = undefined;
    };
    shared.then(done, done);
    return shared;
  }

  function evictOverflow() {
    for (const [key, oldest] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(key);
      bytes -= oldest.bytes;
    }
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
    evictOverflow();
  }

  /** The entry's body in `encoding`, compressed on first use and then kept (and counted) with it. */
  function encoded(entry: Entry, encoding: 'br' | 'gzip' | undefined): Buffer {
    if (encoding === undefined || entry.body.length < MIN_COMPRESS_BYTES) return entry.body;
    const kept = entry[encoding];
    if (kept) return kept;
    const compressed = encoding === 'br' ? brotli(entry.body) : gzipSync(entry.body, { level: 6 });
    entry[encoding] = compressed;
    entry.bytes += compressed.length;
    if (entries.get(entry.key) === entry) {
      bytes += compressed.length;
      evictOverflow();
    }
    return compressed;
  }

  function touch(entry: Entry) {
    stats.hits++;
    entries.delete(entry.key);
    entries.set(entry.key, entry);
  }

  /**
   * The page for `key` rendered at `current`, reusing the kept entry's ETag, Last-Modified and
   * compressed forms when the new rendering is byte for byte the same page.
   */
  function entryFor(
    key: string,
    body: Buffer,
    contentType: string,
    current: ContentVersion,
    headers: string[],
    expiresAtMs: number,
  ) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const previous = entries.get(key);
    if (previous && previous.etag === etag && previous.contentType === contentType) {
      stats.renderedSame++;
      return { ...previous, version: current.version, headers, expiresAtMs };
    }
    const entry: Entry = {
      key,
      version: current.version,
      body,
      contentType,
      etag,
      lastModified: new Date(Math.floor(current.changedAtMs / 1000) * 1000).toUTCString(),
      headers,
      bytes: 0,
      expiresAtMs,
    };
    entry.bytes = body.length + key.length * 2 + headers.reduce((sum, h) => sum + h.length * 2, 256);
    return entry;
  }

  function takeOff(claim: Claim) {
    if (!claim.flight) return;
    const flight = claim.flight;
    claim.flight = undefined;
    if (flights.get(flight.key) === flight) flights.delete(flight.key);
    flight.land();
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
      // The only place a key is made: a GET routed to this group's routes. An entry (and so an answer
      // at the front door) therefore exists only for a target this group answers with a shared page.
      const key = shareable ? keyOf(options.variantOf(request.cookies), request.url) : undefined;
      const claim: Claim = { key, version: current, served: false };
      (request as Claimed)[CLAIM] = claim;
      if (key === undefined) return;
      let entry = freshEntry(key, current);
      if (!entry) {
        const flightKey = `${current.version} ${key}`;
        const leader = flights.get(flightKey);
        if (leader) {
          stats.waited++;
          await leader.done;
          entry = freshEntry(key, current);
        } else {
          let land = () => {};
          const done = new Promise<void>((resolve) => (land = resolve));
          claim.flight = { key: flightKey, done, land };
          flights.set(flightKey, claim.flight);
        }
      }
      if (!entry) {
        stats.misses++;
        return;
      }
      touch(entry);
      claim.served = true;
      return reply.send(finish(request, reply, entry, true));
    });

    group.addHook('onSend', async (request, reply, payload) => {
      const claim = (request as Claimed)[CLAIM];
      // An answer from the cache is final; so is anything but a whole page.
      if (!claim || claim.served) return payload;
      try {
        if (reply.statusCode !== 200 || reply.hasHeader('content-encoding')) return payload;
        if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
        const contentType = String(reply.getHeader('content-type') ?? '');
        if (!KEPT_TYPES.test(contentType)) return payload;
        const shared = claim.key !== undefined && !reply.hasHeader('set-cookie') && !options.isPersonal(request);
        const entry = entryFor(
          claim.key ?? '',
          Buffer.from(payload),
          contentType,
          claim.version,
          keptHeaders(reply),
          (reply as WithKeepUntil)[KEEP_UNTIL] ?? Number.POSITIVE_INFINITY,
        );
        if (shared) store(entry);
        return finish(request, reply, entry, claim.key !== undefined);
      } finally {
        takeOff(claim);
      }
    });
    // A request that ended without a page (an error, a closed connection) lets its waiters render.
    group.addHook('onResponse', async (request) => {
      const claim = (request as Claimed)[CLAIM];
      if (claim) takeOff(claim);
    });
    group.addHook('onRequestAbort', async (request) => {
      const claim = (request as Claimed)[CLAIM];
      if (claim) takeOff(claim);
    });
  }

  function freshEntry(key: string, current: ContentVersion): Entry | undefined {
    const entry = entries.get(key);
    return entry && entry.version === current.version && inTime(entry) ? entry : undefined;
  }

  /**
   * The entry a raw request would be answered with, if any: an anonymous GET or HEAD without a body
   * whose canonical target and variant have a kept page. Which targets are public pages is not
   * decided here: only the public route group makes keys (see `install`), so a URL no route of that
   * group answered with a shared page has no entry, and its request goes on to Fastify.
   */
  function candidate(request: IncomingMessage): Entry | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined) {
      return undefined;
    }
    const cookies = request.headers.cookie ? options.parseCookies(request.headers.cookie) : NO_COOKIES;
    if (options.mayBePersonal(cookies)) return undefined;
    const target = options.canonicalTarget(request.url ?? '/');
    if (target === undefined) return undefined;
    const entry = entries.get(keyOf(options.variantOf(cookies), target));
    return entry && inTime(entry) ? entry : undefined;
  }

  function answer(request: IncomingMessage, response: ServerResponse, entry: Entry, startedAt: number) {
    touch(entry);
    stats.frontHits++;
    const headers = [...entry.headers, ...sharedHeaders(entry)];
    let status = 200;
    if (notModified(request.headers, entry)) {
      status = 304;
      response.writeHead(304, headers);
      response.end();
    } else {
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      const body = encoded(entry, encoding);
      if (body !== entry.body) headers.push('content-encoding', encoding!);
      headers.push('content-length', String(body.length));
      response.writeHead(200, headers);
      if (request.method === 'HEAD') response.end();
      else response.end(body);
    }
    options.logAnswer?.(request, status, performance.now() - startedAt);
  }

  /**
   * Wraps the server's request handler: a kept page at the current version is written straight
   * from its buffers with the headers the route group sent it with; anything else goes to `next`.
   */
  function front(next: (request: IncomingMessage, response: ServerResponse) => void) {
    return (request: IncomingMessage, response: ServerResponse): void => {
      const entry = options.enabled && entries.size > 0 ? candidate(request) : undefined;
      if (!entry) return next(request, response);
      const startedAt = performance.now();
      let current: ContentVersion | Promise<ContentVersion>;
      try {
        current = frontVersion();
      } catch {
        // The route group reads the version again and answers the error as it answers any.
        return next(request, response);
      }
      if (!(current instanceof Promise)) {
        if (current.version === entry.version) return answer(request, response, entry, startedAt);
        return next(request, response);
      }
      current.then(
        (read) =>
          read.version === entry.version ? answer(request, response, entry, startedAt) : next(request, response),
        () => next(request, response),
      );
    };
  }

  /** Sets the page headers on a reply and returns the body in the best encoding the visitor accepts. */
  function finish(request: FastifyRequest, reply: FastifyReply, entry: Entry, shared: boolean): Buffer {
    void reply
      .header('etag', entry.etag)
      .header('last-modified', entry.lastModified)
      .header('vary', VARY)
      .header('content-type', entry.contentType)
      .header('cache-control', shared ? CACHE_CONTROL : 'private, no-cache');
    if (notModified(request.headers, entry)) {
      void reply.code(304).removeHeader('content-length');
      return Buffer.alloc(0);
    }
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    const body = encoded(entry, encoding);
    if (body !== entry.body) void reply.header('content-encoding', encoding!);
    void reply.header('content-length', String(body.length));
    return body;
  }

  return {
    install,
    front,
    /** Figures for diagnostics and the benchmark. */
    stats: () => ({ ...stats, entries: entries.size, bytes }),
    clear,
  };
}

function keyOf(variant: string, target: string): string {
  return `${variant} ${normalisedTarget(target)}`;
}

/** The headers of a page that are not per answer, flattened as `writeHead` takes them. */
function keptHeaders(reply: FastifyReply): string[] {
  const kept: string[] = [];
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || PER_ANSWER_HEADERS.has(name)) continue;
    for (const one of [value].flat()) kept.push(name, String(one));
  }
  return kept;
}

function sharedHeaders(entry: Entry): string[] {
  return [
    'etag',
    entry.etag,
    'last-modified',
    entry.lastModified,
    'vary',
    VARY,
    'content-type',
    entry.contentType,
    'cache-control',
    CACHE_CONTROL,
  ];
}

function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 6,
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

function notModified(headers: IncomingHttpHeaders, entry: Entry): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    return inm
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === entry.etag || tag === '*');
  }
  const ims = headers['if-modified-since'];
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
