import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 'x'.repeat(32);

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      database: { kind: 'sqlite', file: './data/gongkai.sqlite' },
      secret: undefined,
      dataKeys: [],
      smtpUrl: undefined,
      mailFrom: '政务公开平台 <noreply@gongkai.invalid>',
      demoPassword: undefined,
      publicUrl: 'http://localhost:3000',
      publicUrlConfigured: false,
      tokenLifetimeDays: 90,
      trustProxy: false,
      sessionIdleMinutes: 30,
      maxUploadBytes: 20 * 1024 * 1024,
      schedulerSeconds: 30,
      foiReminderDays: 5,
      messageReplyDays: 5,
      secureCookies: false,
      upstream: undefined,
      logLevel: 'info',
      sms: undefined,
      push: { rates: { email: 300, sms: 20, webhook: 20 }, leaseSeconds: 120 },
      pageCache: { maxBytes: 64 * 1024 * 1024, checkMs: 0 },
      workers: 1,
    });
  });

  it.each([
    { value: '1', workers: 1 },
    { value: '4', workers: 4 },
    { value: 'auto', workers: 'auto' },
  ])('reads GONGKAI_WORKERS=$value', ({ value, workers }) => {
    expect(loadConfig({ GONGKAI_WORKERS: value }).workers).toBe(workers);
  });

  it.each(['0', '-1', '1.5', '100', 'all'])('refuses GONGKAI_WORKERS=%s', (value) => {
    expect(problemsOf({ GONGKAI_WORKERS: value })).toEqual([expect.stringMatching(/^GONGKAI_WORKERS: /)]);
  });

  it('reads the provincial platform link: its secret, and where statuses go', () => {
    expect(loadConfig({ GONGKAI_UPSTREAM_SECRET: SECRET }).upstream).toEqual({ secret: SECRET, statusUrl: undefined });
    expect(
      loadConfig({ GONGKAI_UPSTREAM_SECRET: SECRET, GONGKAI_UPSTREAM_STATUS_URL: 'https://sq.example.gov.cn/status' })
        .upstream,
    ).toEqual({ secret: SECRET, statusUrl: 'https://sq.example.gov.cn/status' });
  });

  it.each([
    { env: { GONGKAI_UPSTREAM_SECRET: 'short' }, variable: 'GONGKAI_UPSTREAM_SECRET' },
    {
      env: { GONGKAI_UPSTREAM_SECRET: SECRET, GONGKAI_UPSTREAM_STATUS_URL: 'ftp://x.cn/' },
      variable: 'GONGKAI_UPSTREAM_STATUS_URL',
    },
    {
      env: { GONGKAI_UPSTREAM_STATUS_URL: 'https://sq.example.gov.cn/status' },
      variable: 'GONGKAI_UPSTREAM_STATUS_URL',
    },
  ])('refuses $env', ({ env, variable }) => {
    expect(problemsOf(env)).toEqual([expect.stringMatching(new RegExp(`^${variable}: `))]);
  });

  it('treats empty and blank variables as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      logLevel: 'info',
      database: { kind: 'sqlite', file: './data/gongkai.sqlite' },
    });
  });

  it('reads the page cache settings, 0 MB turning it off', () => {
    expect(loadConfig({ GONGKAI_PAGE_CACHE_MB: '0', GONGKAI_PAGE_CACHE_CHECK_MS: '250' }).pageCache).toEqual({
      maxBytes: 0,
      checkMs: 250,
    });
    expect(loadConfig({ GONGKAI_PAGE_CACHE_MB: '1.5' }).pageCache.maxBytes).toBe(1_572_864);
    expect(problemsOf({ GONGKAI_PAGE_CACHE_MB: '-1' })).toEqual([expect.stringMatching(/^GONGKAI_PAGE_CACHE_MB: /)]);
    expect(problemsOf({ GONGKAI_PAGE_CACHE_CHECK_MS: '0.5' })).toEqual([
      expect.stringMatching(/^GONGKAI_PAGE_CACHE_CHECK_MS: /),
    ]);
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' }).port).toBe(3000);
  });

  it.each([
    {
      url: 'postgres://gk:pw@db.internal:5432/gongkai',
      database: { kind: 'postgres', url: 'postgres://gk:pw@db.internal:5432/gongkai' },
    },
    { url: 'postgresql://localhost/gongkai', database: { kind: 'postgres', url: 'postgresql://localhost/gongkai' } },
    { url: 'sqlite:/var/lib/gongkai/db.sqlite', database: { kind: 'sqlite', file: '/var/lib/gongkai/db.sqlite' } },
    { url: 'sqlite:relative.sqlite', database: { kind: 'sqlite', file: 'relative.sqlite' } },
  ])('reads DATABASE_URL $url', ({ url, database }) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual(database);
  });

  it('puts the default SQLite file in the data directory', () => {
    expect(loadConfig({ GONGKAI_DATA_DIR: '/srv/gk' }).database).toEqual({
      kind: 'sqlite',
      file: '/srv/gk/gongkai.sqlite',
    });
  });

  it('reads every setting it is given', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        GONGKAI_SECRET: SECRET,
        GONGKAI_DEMO_PASSWORD: 'demo-pass-1',
        GONGKAI_SESSION_IDLE_MINUTES: '15',
        GONGKAI_MAX_UPLOAD_MB: '1.5',
        GONGKAI_SCHEDULER_SECONDS: '0',
        GONGKAI_FOI_REMINDER_DAYS: '3',
        GONGKAI_MESSAGE_REPLY_DAYS: '7',
        LOG_LEVEL: 'warn',
      }),
    ).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      secret: SECRET,
      demoPassword: 'demo-pass-1',
      sessionIdleMinutes: 15,
      maxUploadBytes: 1_572_864,
      schedulerSeconds: 0,
      foiReminderDays: 3,
      messageReplyDays: 7,
      logLevel: 'warn',
    });
  });

  it.each([
    { env: { GONGKAI_PUBLIC_URL: 'https://gk.example.cn/' }, publicUrl: 'https://gk.example.cn', secure: true },
    { env: { GONGKAI_PUBLIC_URL: 'http://localhost:3000' }, publicUrl: 'http://localhost:3000', secure: false },
    {
      env: { GONGKAI_PUBLIC_URL: 'https://gk.example.cn', GONGKAI_SECURE_COOKIES: 'false' },
      publicUrl: 'https://gk.example.cn',
      secure: false,
    },
    { env: { GONGKAI_SECURE_COOKIES: 'yes' }, publicUrl: 'http://localhost:3000', secure: true },
    { env: { GONGKAI_SECURE_COOKIES: '1' }, publicUrl: 'http://localhost:3000', secure: true },
    { env: { GONGKAI_SECURE_COOKIES: '0' }, publicUrl: 'http://localhost:3000', secure: false },
  ])('derives secure cookies from $env', ({ env, publicUrl, secure }) => {
    expect(loadConfig(env)).toMatchObject({ publicUrl, secureCookies: secure });
  });

  it.each([
    { env: {}, publicUrl: 'http://localhost:3000', configured: false },
    { env: { HOST: '0.0.0.0', PORT: '8080' }, publicUrl: 'http://localhost:8080', configured: false },
    { env: { HOST: '10.1.2.3', PORT: '80' }, publicUrl: 'http://10.1.2.3:80', configured: false },
    { env: { HOST: 'fd00::5' }, publicUrl: 'http://[fd00::5]:3000', configured: false },
    { env: { GONGKAI_PUBLIC_URL: 'https://gk.example.cn/' }, publicUrl: 'https://gk.example.cn', configured: true },
  ])(
    'takes public URLs from configuration or the listen address, never a request: $env',
    ({ env, publicUrl, configured }) => {
      expect(loadConfig(env)).toMatchObject({ publicUrl, publicUrlConfigured: configured });
    },
  );

  it.each([
    { value: undefined, trustProxy: false },
    { value: 'false', trustProxy: false },
    { value: 'true', trustProxy: true },
    { value: '1', trustProxy: 1 },
    { value: '10.0.0.1, 10.0.0.2', trustProxy: '10.0.0.1, 10.0.0.2' },
    { value: '10.0.0.0/8', trustProxy: '10.0.0.0/8' },
  ])('reads GONGKAI_TRUST_PROXY=$value as $trustProxy', ({ value, trustProxy }) => {
    expect(loadConfig({ GONGKAI_TRUST_PROXY: value }).trustProxy).toEqual(trustProxy);
  });

  it.each(['0', '3651', 'ninety'])('refuses GONGKAI_TOKEN_DAYS=%s', (value) => {
    expect(problemsOf({ GONGKAI_TOKEN_DAYS: value })).toEqual([expect.stringMatching(/^GONGKAI_TOKEN_DAYS: /)]);
  });

  it('reads GONGKAI_DATA_KEYS as id:key pairs, the first one sealing', () => {
    const current = Buffer.alloc(32, 1).toString('base64');
    const retired = Buffer.alloc(32, 2).toString('base64');
    expect(loadConfig({ GONGKAI_DATA_KEYS: `k2:${current},k1:${retired}` }).dataKeys).toEqual([
      { id: 'k2', key: Buffer.alloc(32, 1) },
      { id: 'k1', key: Buffer.alloc(32, 2) },
    ]);
  });

  it.each([
    'k1',
    `k1:${Buffer.alloc(16).toString('base64')}`,
    `k1:${Buffer.alloc(32).toString('base64')};k2:x`,
    `:${Buffer.alloc(32).toString('base64')}`,
  ])('refuses GONGKAI_DATA_KEYS=%s', (value) => {
    expect(problemsOf({ GONGKAI_DATA_KEYS: value })).toEqual([expect.stringMatching(/^GONGKAI_DATA_KEYS: /)]);
  });

  it('lists a wrong PORT, a short GONGKAI_SECRET and a bad LOG_LEVEL together', () => {
    const problems = problemsOf({ PORT: 'eighty', GONGKAI_SECRET: 'too-short', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        'GONGKAI_SECRET: must be at least 32 characters',
        expect.stringMatching(/^LOG_LEVEL: /),
      ]),
    );
  });

  it('puts every problem in the error message, one per line', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Invalid configuration:\n {2}- PORT: .*\n {2}- LOG_LEVEL: /);
    }
  });

  it.each([
    { name: 'PORT', value: '65536' },
    { name: 'PORT', value: '80.5' },
    { name: 'DATABASE_URL', value: 'mysql://localhost/gongkai' },
    { name: 'DATABASE_URL', value: '/var/lib/gongkai.sqlite' },
    { name: 'GONGKAI_SECRET', value: 'x'.repeat(31) },
    { name: 'GONGKAI_DEMO_PASSWORD', value: 'short' },
    { name: 'GONGKAI_PUBLIC_URL', value: 'not a url' },
    { name: 'GONGKAI_SESSION_IDLE_MINUTES', value: '0' },
    { name: 'GONGKAI_SESSION_IDLE_MINUTES', value: '1441' },
    { name: 'GONGKAI_MAX_UPLOAD_MB', value: '513' },
    { name: 'GONGKAI_SCHEDULER_SECONDS', value: '3601' },
    { name: 'GONGKAI_FOI_REMINDER_DAYS', value: '0' },
    { name: 'GONGKAI_FOI_REMINDER_DAYS', value: '21' },
    { name: 'GONGKAI_MESSAGE_REPLY_DAYS', value: '1' },
    { name: 'GONGKAI_MESSAGE_REPLY_DAYS', value: '31' },
    { name: 'GONGKAI_SECURE_COOKIES', value: 'maybe' },
    { name: 'LOG_LEVEL', value: 'INFO' },
  ])('refuses $name=$value, naming the variable', ({ name, value }) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it.each([
    { name: 'PORT', value: '0', key: 'port', expected: 0 },
    { name: 'PORT', value: '65535', key: 'port', expected: 65535 },
    { name: 'GONGKAI_SECRET', value: SECRET, key: 'secret', expected: SECRET },
    { name: 'GONGKAI_SESSION_IDLE_MINUTES', value: '1440', key: 'sessionIdleMinutes', expected: 1440 },
  ] as const)('accepts the boundary value $name=$value', ({ name, value, key, expected }) => {
    expect(loadConfig({ [name]: value })[key]).toBe(expected);
  });
});
