import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify from 'fastify';
import { inject } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { createPageCache, keepPageUntil, type ContentVersion } from './page-cache.ts';

/** A route of its own behind the page cache, answered at the front door; it shows the version it was rendered at. */
async function serverFor(
  reader: () => ContentVersion | Promise<ContentVersion>,
  state: { version: number; renders: number; keepUntilMs?: number | number[] },
  turnReadMs?: number,
  now?: () => number,
) {
  const cache = createPageCache({
    enabled: true,
    maxBytes: 1024 * 1024,
    checkMs: 0,
    currentVersion: reader,
    isPersonal: () => false,
    mayBePersonal: () => false,
    variantOf: () => 'plain',
    parseCookies: () => ({}),
    canonicalTarget: (raw) => raw,
    ...(turnReadMs === undefined ? {} : { turnReadMs }),
    ...(now === undefined ? {} : { now }),
  });
  const app = Fastify();
  await app.register(async (group) => {
    cache.install(group);
    group.get('/page', async (_request, reply) => {
      state.renders++;
      for (const atMs of [state.keepUntilMs ?? []].flat()) keepPageUntil(reply, atMs);
      return reply.type('text/html; charset=utf-8').send(`<p>version ${state.version}</p>`);
    });
  });
  await app.ready();
  const front = cache.front((request: IncomingMessage, response: ServerResponse) => app.routing(request, response));
  return { cache, app, get: () => inject(front, { method: 'GET', url: '/page' }) };
}

/**
 * The page cache over an asynchronous content version reader (PostgreSQL's case), with a route of
 * its own: a read is shared only by requests that arrived before it began.
 */
describe('page cache with an asynchronous version reader', () => {
  /** The "database": its version, and a gate that holds every read begun while it is shut. */
  function world() {
    const state = { version: 1, reads: 0, renders: 0, gate: Promise.resolve() };
    const reader = (): Promise<ContentVersion> => {
      state.reads++;
      // A read sees the version as it was when the read began.
      const seen = state.version;
      return state.gate.then(() => ({ version: seen, changedAtMs: Date.UTC(2026, 2, 2) }));
    };
    return { state, reader };
  }

  const ticks = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('answers a request that arrived during a read from the next read, which sees a change made meanwhile', async () => {
    const { state, reader } = world();
    const { cache, app, get } = await serverFor(reader, state);
    expect((await get()).body).toBe('<p>version 1</p>');
    expect((await get()).body).toBe('<p>version 1</p>');
    expect(cache.stats().frontHits).toBe(1);

    let open = () => {};
    state.gate = new Promise<void>((resolve) => (open = resolve));
    const reads = state.reads;
    const first = get();
    await ticks();
    expect(state.reads).toBe(reads + 1);
    // Committed after the first request's read began, before the second request arrived.
    state.version = 2;
    const second = get();
    await ticks();
    // The second request does not share the read under way: it waits for the next one.
    expect(state.reads).toBe(reads + 1);
    open();
    expect((await first).body).toBe('<p>version 1</p>');
    expect((await second).body).toBe('<p>version 2</p>');
    expect(state.renders).toBe(2);
    await app.close();
  });

  it('shares one read among requests that all arrived before it began', async () => {
    const { state, reader } = world();
    const { app, get } = await serverFor(reader, state);
    await get();
    let open = () => {};
    state.gate = new Promise<void>((resolve) => (open = resolve));
    const reads = state.reads;
    const first = get();
    await ticks();
    const others = Array.from({ length: 5 }, () => get());
    await ticks();
    open();
    const bodies = await Promise.all([first, ...others]);
    expect(new Set(bodies.map((b) => b.body))).toEqual(new Set(['<p>version 1</p>']));
    // The first request's read, and one more shared by the five that arrived while it was under way.
    expect(state.reads).toBe(reads + 2);
    expect(state.renders).toBe(1);
    await app.close();
  });
});

/** The page cache over a synchronous reader (SQLite's case), answered at the front door. */
describe('page cache with a synchronous version reader', () => {
  it('shares a read among the requests of one turn of the event loop, and reads again in the next', async () => {
    const state = { version: 1, reads: 0, renders: 0 };
    const { cache, app, get } = await serverFor(
      () => {
        state.reads++;
        return { version: state.version, changedAtMs: Date.UTC(2026, 2, 2) };
      },
      state,
      // However slow the machine: only the turn of the event loop ends the sharing here.
      60_000,
    );
    const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

    expect((await get()).body).toBe('<p>version 1</p>');
    await nextTurn();
    const reads = state.reads;
    const together = await Promise.all(Array.from({ length: 5 }, () => get()));
    expect(together.map((r) => r.body)).toEqual(Array(5).fill('<p>version 1</p>'));
    expect(cache.stats().frontHits).toBe(5);
    expect(state.reads).toBe(reads + 1);

    // Committed after that turn, before the next request arrived: seen.
    await nextTurn();
    state.version = 2;
    expect((await get()).body).toBe('<p>version 2</p>');
    expect(state.reads).toBe(reads + 2 + 1); // the front door's read, then the route group's own
    expect(state.renders).toBe(2);
    await app.close();
  });
});

/** A page that changes by itself at a set instant (a consultation opening or closing), nothing written. */
describe('page cache with a page kept until an instant', () => {
  it('answers the kept page before the instant and renders it afresh from the instant on', async () => {
    const clock = { ms: Date.UTC(2026, 2, 2, 2) };
    const closesAt = Date.UTC(2026, 2, 31, 16);
    const state = { version: 1, renders: 0, keepUntilMs: closesAt };
    const reader = () => ({ version: state.version, changedAtMs: Date.UTC(2026, 2, 2) });
    const { cache, app, get } = await serverFor(reader, state, 0, () => clock.ms);
    const table: { at: number; renders: number }[] = [
      { at: clock.ms, renders: 1 },
      { at: clock.ms + 60_000, renders: 1 },
      { at: closesAt - 1, renders: 1 },
      { at: closesAt, renders: 2 },
      // Rendered at the instant, it keeps the same instant: every later request renders again.
      { at: closesAt + 1, renders: 3 },
    ];
    for (const row of table) {
      clock.ms = row.at;
      expect((await get()).statusCode).toBe(200);
      expect(state.renders, new Date(row.at).toISOString()).toBe(row.renders);
    }
    // A page rendered after the instant that names a later one is kept again until then.
    state.keepUntilMs = Date.UTC(2026, 3, 30);
    await get();
    const renders = state.renders;
    clock.ms += 3_600_000;
    await get();
    expect(state.renders).toBe(renders);
    expect(cache.stats().frontHits).toBeGreaterThan(0);
    await app.close();
  });

  it('keeps the earliest of several instants', async () => {
    const clock = { ms: 1_000 };
    const state = { version: 1, renders: 0, keepUntilMs: [9_000, 5_000, 7_000] };
    const reader = () => ({ version: state.version, changedAtMs: 0 });
    const { app, get } = await serverFor(reader, state, 0, () => clock.ms);
    for (const [at, renders] of [
      [1_000, 1],
      [4_999, 1],
      [5_000, 2],
    ] as const) {
      clock.ms = at;
      await get();
      expect(state.renders, String(at)).toBe(renders);
    }
    await app.close();
  });
});
