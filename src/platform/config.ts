import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  GONGKAI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres:// or sqlite:')
    .optional(),
  GONGKAI_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  GONGKAI_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  GONGKAI_PUBLIC_URL: z.url().optional(),
  GONGKAI_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  GONGKAI_MAX_UPLOAD_MB: z.coerce.number().min(1).max(512).default(20),
  GONGKAI_SCHEDULER_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  GONGKAI_FOI_REMINDER_DAYS: z.coerce.number().int().min(1).max(20).default(5),
  GONGKAI_MESSAGE_REPLY_DAYS: z.coerce.number().int().min(2).max(30).default(5),
  GONGKAI_SECURE_COOKIES: booleanFlag.optional(),
  GONGKAI_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  GONGKAI_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/, ]+)$/, 'must be true, false, a hop count or proxy addresses')
    .optional(),
  GONGKAI_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  GONGKAI_MAIL_FROM: z.string().min(3).max(200).default('政务公开平台 <noreply@gongkai.invalid>'),
  GONGKAI_DATA_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/,
      'must be id:key pairs separated by commas, each key 32 bytes in base64 (openssl rand -base64 32); the first seals',
    )
    .optional(),
  GONGKAI_UPSTREAM_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  GONGKAI_UPSTREAM_STATUS_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  GONGKAI_SMS_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  GONGKAI_SMS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  GONGKAI_PUSH_RATES: z
    .string()
    .regex(
      /^(email|sms|webhook)=\d{1,5}(,(email|sms|webhook)=\d{1,5})*$/,
      'must be channel=messages per second pairs, e.g. email=300,sms=20,webhook=20',
    )
    .optional(),
  GONGKAI_PUSH_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  GONGKAI_PAGE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  GONGKAI_PAGE_CACHE_CHECK_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  GONGKAI_WORKERS: z
    .string()
    .regex(/^(auto|[1-9]\d?)$/, 'must be auto (one per processor) or a number of processes from 1 to 99')
    .default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Database connection settings: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

/** Everything the process is configured with, parsed and checked once at start-up. */
export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /**
   * The origin every absolute URL is built from: GONGKAI_PUBLIC_URL, else the address the server
   * listens on. Never the request's Host header.
   */
  /** Undefined means: read or create the secret kept in the data directory. */
  secret: string | undefined;
  /**
   * Keys that seal personal data at rest (AES-256-GCM), the first sealing and all opening; empty
   * means one key derived from the secret.
   */
  dataKeys: { id: string; key: Buffer }[];
  demoPassword: string | undefined;
  /** Where mail goes: an SMTP server, or (undefined) the outbox folder in the data directory. */
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** Whether GONGKAI_PUBLIC_URL was set (it must be, outside the demo). */
  publicUrlConfigured: boolean;
  tokenLifetimeDays: number;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for the client's address. */
  trustProxy: boolean | number | string;
  sessionIdleMinutes: number;
  maxUploadBytes: number;
  schedulerSeconds: number;
  /** Working days before a disclosure request's reply is due that its officers get a reminder. */
  foiReminderDays: number;
  /** Working days a unit has to answer a resident's message (政民互动), reminded one day before. */
  messageReplyDays: number;
  secureCookies: boolean;
  /**
   * The link with the provincial disclosure platform (省级政府信息公开申请平台): the shared secret
   * that signs applications coming in and statuses going back, and where statuses go (undefined:
   * they wait in the outbox). Undefined when no secret is set: the link is off.
   */
  upstream: { secret: string; statusUrl: string | undefined } | undefined;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  /** The SMS gateway (JSON POST signed with the secret); undefined: SMS subscriptions are not offered. */
  sms: { url: string; secret: string } | undefined;
  /**
   * Pushes: each channel's rate limit in messages a second per process, and how long a process holds
   * deliveries it took before another may take them up (after a crash).
   */
  push: { rates: { email: number; sms: number; webhook: number }; leaseSeconds: number };
  /**
   * The shared cache of rendered public pages: its size (0 turns it off) and how often, at most,
   * it reads the content version from the database (0: on every cached request, coalesced).
   */
  pageCache: { maxBytes: number; checkMs: number };
  /**
   * How many serving processes share the port: 1 serves in this process; more (or `auto`, one per
   * processor) start that many workers, each with its own page cache, all on the same database.
   */
  workers: number | 'auto';
};

/** Default rates: an SMTP relay takes hundreds a second; SMS gateways and webhooks far fewer. */
const DEFAULT_PUSH_RATES = { email: 300, sms: 20, webhook: 20 };

function pushRates(setting: string | undefined): { email: number; sms: number; webhook: number } {
  const rates = { ...DEFAULT_PUSH_RATES };
  for (const pair of setting?.split(',') ?? []) {
    const [channel, value] = pair.split('=') as ['email' | 'sms' | 'webhook', string];
    rates[channel] = Math.max(1, Number(value));
  }
  return rates;
}

/** The configuration was wrong; `problems` lists every problem, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into an AppConfig.
 * @throws ConfigError listing every wrong variable, so one run shows everything to fix.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((key) => [key, emptyToUndefined(env[key])]),
  );
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.GONGKAI_UPSTREAM_STATUS_URL !== undefined && e.GONGKAI_UPSTREAM_SECRET === undefined) {
    throw new ConfigError([
      'GONGKAI_UPSTREAM_STATUS_URL: needs GONGKAI_UPSTREAM_SECRET, which signs the statuses sent there',
    ]);
  }
  if ((e.GONGKAI_SMS_URL === undefined) !== (e.GONGKAI_SMS_SECRET === undefined)) {
    throw new ConfigError([
      'GONGKAI_SMS_URL and GONGKAI_SMS_SECRET: set both (the gateway and the secret that signs each message) or neither',
    ]);
  }
  const dataDir = e.GONGKAI_DATA_DIR;
  const database: DatabaseConfig =
    e.DATABASE_URL === undefined
      ? { kind: 'sqlite', file: `${dataDir}/gongkai.sqlite` }
      : e.DATABASE_URL.startsWith('sqlite:')
        ? { kind: 'sqlite', file: e.DATABASE_URL.slice('sqlite:'.length) }
        : { kind: 'postgres', url: e.DATABASE_URL };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    secret: e.GONGKAI_SECRET,
    dataKeys: (e.GONGKAI_DATA_KEYS?.split(',') ?? []).map((pair) => {
      const [id, key] = pair.split(':') as [string, string];
      return { id, key: Buffer.from(key, 'base64') };
    }),
    demoPassword: e.GONGKAI_DEMO_PASSWORD,
    smtpUrl: e.GONGKAI_SMTP_URL,
    mailFrom: e.GONGKAI_MAIL_FROM,
    publicUrl: e.GONGKAI_PUBLIC_URL?.replace(/\/+$/, '') ?? listenOrigin(e.HOST, e.PORT),
    publicUrlConfigured: e.GONGKAI_PUBLIC_URL !== undefined,
    tokenLifetimeDays: e.GONGKAI_TOKEN_DAYS,
    trustProxy: parseTrustProxy(e.GONGKAI_TRUST_PROXY),
    sessionIdleMinutes: e.GONGKAI_SESSION_IDLE_MINUTES,
    maxUploadBytes: Math.round(e.GONGKAI_MAX_UPLOAD_MB * 1024 * 1024),
    schedulerSeconds: e.GONGKAI_SCHEDULER_SECONDS,
    foiReminderDays: e.GONGKAI_FOI_REMINDER_DAYS,
    messageReplyDays: e.GONGKAI_MESSAGE_REPLY_DAYS,
    secureCookies: e.GONGKAI_SECURE_COOKIES ?? e.GONGKAI_PUBLIC_URL?.startsWith('https:') ?? false,
    upstream: e.GONGKAI_UPSTREAM_SECRET
      ? { secret: e.GONGKAI_UPSTREAM_SECRET, statusUrl: e.GONGKAI_UPSTREAM_STATUS_URL }
      : undefined,
    logLevel: e.LOG_LEVEL,
    sms:
      e.GONGKAI_SMS_URL && e.GONGKAI_SMS_SECRET ? { url: e.GONGKAI_SMS_URL, secret: e.GONGKAI_SMS_SECRET } : undefined,
    push: { rates: pushRates(e.GONGKAI_PUSH_RATES), leaseSeconds: e.GONGKAI_PUSH_LEASE_SECONDS },
    pageCache: { maxBytes: Math.round(e.GONGKAI_PAGE_CACHE_MB * 1024 * 1024), checkMs: e.GONGKAI_PAGE_CACHE_CHECK_MS },
    workers: e.GONGKAI_WORKERS === 'auto' ? 'auto' : Number(e.GONGKAI_WORKERS),
  };
}

/** The origin of the address the server listens on, with a wildcard address read as this machine. */
export function listenOrigin(host: string, port: number): string {
  const name = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host)
    ? 'localhost'
    : host.includes(':')
      ? `[${host}]`
      : host;
  return `http://${name}:${port}`;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
