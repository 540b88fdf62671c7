/**
 * Hostile values for the fuzz of `test/security/hostile-input/`: the seeded PRNG every chunk draws
 * from, and odd query strings, path segments and cookies as they are sent on the wire.
 */

/** An id of the right shape that no record has. */
export const UNKNOWN_ID = '0000000000000000';
/** The seed of every PRNG of the fuzz; each chunk mixes its own label into it. */
const SEED = 0x5eed_2026;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny, fast, seeded PRNG; the same seed gives the same run every time. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded PRNG for one chunk of the fuzz: the same label gives the same numbers every run, so
 * every run sends exactly the same requests.
 */
export class Rng {
  private readonly next: () => number;
  constructor(label: string) {
    let hash = SEED;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    this.next = mulberry32(hash);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Raw UTF-8 bytes as Node's HTTP parser hands them over in a request target: read as latin1. */
export const rawBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
/** Percent-encoded, as `encodeURIComponent` does. */
export const pct = (text: string) => encodeURIComponent(text);

/** Query values as sent on the wire (already percent-encoded where they need to be). */
export function oddQueryValue(rng: Rng): string {
  return rng.pick<() => string>([
    () => 'a'.repeat(rng.int(10_000, 100_000)),
    () => '%E6%95%99'.repeat(rng.int(1_200, 11_000)),
    () => 'x%20'.repeat(rng.int(2_500, 25_000)),
    () => '%ED%A0%80',
    () => 'a%ED%B0%80b',
    () => '%E2%80%AE%E6%95%99%E8%82%B2',
    () => '%E2%80%8B',
    () => '%00',
    () => 'a%00b',
    () => '%EF%BC%91%EF%BC%92',
    () => '%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96',
    () => '%F0%9F%98%80%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9',
    () => '%',
    () => '%G1',
    () => '%FF',
    () => '%C0%AF',
    () => '%C0%80',
    () => '%E6',
    () => '%E6%95',
    () => '-1',
    () => '0',
    () => '-0',
    () => '1e309',
    () => '-1e309',
    () => '99999999999999999999',
    () => '100001',
    () => '1.5',
    () => 'NaN',
    () => 'Infinity',
    () => '0x10',
    () => '%2B1',
    () => '+1',
    () => '%201',
    () => '',
    () => '%20%20',
    () => 'true',
    () => 'undefined',
    () => 'null',
    () => '[object%20Object]',
    () => '__proto__',
    () => 'constructor',
    () => 'hasOwnProperty',
    () => '%27%20OR%20%271%27%3D%271',
    () => '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    () => '%0D%0ASet-Cookie:%20x=1',
    () => '..%2F..%2Fetc%2Fpasswd',
    () => '%2F%2Fevil.example',
    () => '//evil.example',
    () => '/%5Cevil.example',
    () => 'javascript:alert(1)',
    () => rawBytes('教育'),
    () => rawBytes('测试区教育局'),
    () => pct('教育'),
    () => pct('科技、教育'),
    () => pct('通知'),
    () => 'edu',
    () => 'town',
    () => 'nosuchunit',
    () => '20',
    () => '01',
    () => '99',
    () => '1',
    () => '2',
  ])();
}

/** Query parameter names beyond a route's own. */
export function oddQueryKey(rng: Rng, name: string): string {
  return rng.pick<() => string>([
    () => `${name}[]`,
    () => `${name}[a][b]`,
    () => `${name}${'[a]'.repeat(rng.int(65, 2_000))}`,
    () => '__proto__',
    () => '__proto__[polluted]',
    () => 'constructor[prototype][polluted]',
    () => 'constructor',
    () => 'toString',
    () => '',
    () => '%00',
    () => pct(name).replace(/^./, (c) => `%${c.charCodeAt(0).toString(16)}`),
    () => name.toUpperCase(),
    () => 'k'.repeat(rng.int(1_000, 20_000)),
    () => '%ED%A0%80',
    () => '%',
  ])();
}

/** A query string (without `?`) built from a route's parameter names. */
export function fuzzQuery(rng: Rng, names: readonly string[]): string {
  const pool = names.length > 0 ? names : ['q'];
  const parts: string[] = [];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const name = rng.pick(pool);
    const shape = rng.int(0, 9);
    const value = oddQueryValue(rng);
    if (shape <= 3) parts.push(`${name}=${value}`);
    else if (shape === 4) parts.push(`${name}=${value}&${name}=${oddQueryValue(rng)}`);
    else if (shape === 5) parts.push(`${oddQueryKey(rng, name)}=${value}`);
    else if (shape === 6) parts.push(name);
    else if (shape === 7) parts.push(`${name}=${rng.pick(['a', '1', '%FF', '%00', ''])}&`.repeat(rng.int(50, 1_000)));
    else if (shape === 8) parts.push(`${name}=1&pageSize=1&page=${rng.pick(['1', '2', '3', '100000'])}`);
    else parts.push(`=${value}&&&${name}==`);
  }
  return parts.join('&');
}

/** Path segments that are odd, broken or hostile, as sent on the wire. */
export function oddSegment(rng: Rng): string {
  return rng.pick<() => string>([
    () => '%',
    () => '%G1',
    () => '%FF',
    () => '%C0%AF',
    () => '%C0%80',
    () => '%ED%A0%80',
    () => '%E6',
    () => '%2F',
    () => '%2f',
    () => '%5C',
    () => '%3B',
    () => 'x;y=1',
    () => '..',
    () => '.',
    () => '%2e%2e',
    () => '%2E',
    () => '.%2e',
    () => '%00',
    () => '%0A',
    () => '%0d%0a',
    () => '%7F',
    () => '%20',
    () => '+',
    () => '%25',
    () => '%2525',
    () => '%252e%252e',
    () => '*',
    () => ':id',
    () => '{id}',
    () => '%E2%80%AE',
    () => '%E2%80%8B',
    () => '%F0%9F%98%80',
    () => '%EF%BC%91',
    () => '-1',
    () => '0',
    () => '1e309',
    () => '99999999999999999999',
    () => UNKNOWN_ID,
    () => 'AAAAAAAAAAAAAAAA',
    () => '~',
    () => 'a'.repeat(rng.int(201, 5_000)),
    () => 'b'.repeat(200),
    () => '%E6%95%99'.repeat(rng.int(23, 600)),
    () => '__proto__',
    () => 'constructor',
    () => 'index.html',
    () => '.env',
    () => '..%5c',
    () => rawBytes('教育'),
    () => pct('教育'),
    () => 'x.xlsx',
    () => '%61',
  ])();
}

/**
 * A path with one of many kinds of damage done to it: `filled` is the template with its `{name}`
 * parameters filled in (drawn from the same PRNG just before), `template` tells where they were.
 */
export function damagePath(template: string, filled: string, rng: Rng): { path: string; how: string } {
  const segments = filled.split('/').slice(1);
  const at = rng.int(0, segments.length - 1);
  const kind = rng.int(0, 13);
  const join = (parts: string[]) => `/${parts.join('/')}`;
  switch (kind) {
    case 0:
    case 1:
    case 2: {
      const placeholders = template
        .split('/')
        .slice(1)
        .map((s, i) => (s.includes('{') ? i : -1))
        .filter((i) => i >= 0);
      const where = placeholders.length > 0 ? rng.pick(placeholders) : at;
      segments[where] = oddSegment(rng);
      return { path: join(segments), how: `odd segment ${where}` };
    }
    case 3:
      segments[at] = oddSegment(rng);
      return { path: join(segments), how: `odd segment ${at}` };
    case 4:
      segments.splice(at, 0, rng.pick(['..', '.', '%2e%2e', '%2E', '.%2E', '..;']));
      return { path: join(segments), how: 'dot segment' };
    case 5:
      segments.splice(at, 0, '');
      return { path: join(segments), how: 'double slash' };
    case 6:
      return {
        path: `${join(segments)}${rng.pick([';jsessionid=x', '%3B', '/', '//', '.json', '%00', '%2F..%2F', '~', '.', '\\', '%5C', '/..', '/.', '#frag', '?', '??'])}`,
        how: 'odd suffix',
      };
    case 7:
      segments[at] = 'a'.repeat(rng.int(201, 5_000));
      return { path: join(segments), how: 'long segment' };
    case 8: {
      const padded = [...segments];
      while (padded.join('/').length < 3_000) padded.push('c'.repeat(100));
      return { path: join(padded), how: '3,000-character path' };
    }
    case 9:
      segments[at] = segments[at]!.toUpperCase();
      return { path: join(segments), how: 'upper case' };
    case 10:
      segments[at] = segments[at]!.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
      return { path: join(segments), how: 'encoded unreserved character' };
    case 11:
      return {
        path: `${rng.pick(['//', '///', '/./', '/../', '/%2F', '\\'])}${segments.join('/')}`,
        how: 'odd start',
      };
    case 12:
      segments[at] = [...segments[at]!].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
      return { path: join(segments), how: 'fully encoded segment' };
    default:
      segments[at] = `${segments[at]}${rawBytes(rng.pick(['教育', '\u202e', '\u200b', '😀']))}`;
      return { path: join(segments), how: 'raw UTF-8 bytes' };
  }
}

/** Cookies a browser should never send, mixed into some page requests. */
export function hostileCookie(rng: Rng): string {
  return rng.pick<() => string>([
    () => 'gk_session=not-a-session',
    () => 'gk_session=%00',
    () => `gk_session=${'s'.repeat(4_000)}`,
    () => 'gk_session=%ED%A0%80',
    () => 'gk_session=%',
    () => 'gk_session=a; gk_session=b',
    () => 'gk_elder=1',
    () => 'gk_elder=%00',
    () => 'gk_elder=1%',
    () => 'gk_flash=not-signed',
    () => 'gk_flash=bnVsbA.invalid-signature',
    () => 'gk_csrf=%E6',
    () => '__proto__=x; constructor=y',
    () => '=; ;;; =x',
    () => `${'c'.repeat(100)}=1; `.repeat(40),
  ])();
}
