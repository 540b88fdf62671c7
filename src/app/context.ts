import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createEchartsRenderer } from '../adapters/charts/echarts-svg.ts';
import { createResvgRasteriser } from '../adapters/charts/resvg-rasteriser.ts';
import type { ChartRenderer, SvgRasteriser } from '../modules/interpretation/index.ts';
import { join } from 'node:path';
import { argon2Hasher } from '../adapters/crypto/argon2-hasher.ts';
import { fieldCipherFor } from '../adapters/crypto/field-cipher.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../adapters/db/database.ts';
import { createStores, type Stores } from '../adapters/db/stores.ts';
import { createWorkerSanitiser } from '../adapters/sanitiser/worker-sanitiser.ts';
import { createLocalFileStorage, sniffFileType } from '../adapters/storage/local-file-storage.ts';
import type { PasswordHasher } from '../modules/auth/index.ts';
import { createCalendarCache, type CalendarCache } from '../modules/calendar/index.ts';
import { createSiteSettingsCache, type SiteSettingsCache } from '../modules/site/index.ts';
import type { AttachmentTextExtractor, FileSniffer, FileStorage } from '../modules/documents/index.ts';
import { createWorkerTextExtractor } from '../adapters/text/worker-text-extractor.ts';
import type { FieldCipher, LetterRenderer, UpstreamStatusSender } from '../modules/requests/index.ts';
import { createHttpStatusSender } from '../adapters/upstream/http-status-sender.ts';
import { createWorkerLetterRenderer } from '../adapters/letters/worker-letters.ts';
import { createWorkerReportRenderer } from '../adapters/reports/worker-report-files.ts';
import type { ReportFileRenderer } from '../modules/reports/index.ts';
import { mailerFor } from '../adapters/mail/mailers.ts';
import { createHttpSmsGateway, createHttpWebhookSender } from '../adapters/push/http-channels.ts';
import type { SmsGateway, WebhookSender } from '../modules/notifications/index.ts';
import { openJobQueue, type JobQueue } from '../adapters/queue/job-queue.ts';
import { JOB_NAMES, jobErrorLogger, registerJobs } from './jobs.ts';
import type { Mailer } from '../platform/mail.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { AppConfig } from '../platform/config.ts';
import { newSecretToken } from '../platform/ids.ts';
import type { RichTextSanitiser } from '../platform/sanitize.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';

/** Everything a running Gongkai needs, wired once at start-up (the composition root). */
export type AppContext = {
  config: AppConfig;
  clock: Clock;
  database: DatabaseHandle;
  stores: Stores;
  uow: UnitOfWork<Stores>;
  files: FileStorage;
  sniff: FileSniffer;
  hasher: PasswordHasher;
  /** Sanitises rich text off the request thread. */
  sanitiser: RichTextSanitiser;
  /** This application's cached site settings and working-day calendar. */
  siteSettings: SiteSettingsCache;
  calendarCache: CalendarCache;
  /** Signs cookies and CSRF tokens. */
  secret: string;
  /** Seals personal data at rest (applicants' identity numbers and contacts). */
  cipher: FieldCipher;
  /** Renders reply letters as PDF and DOCX off the request thread. */
  letters: LetterRenderer;
  /** Writes annual reports as Word and Excel files off the request thread. */
  reportFiles: ReportFileRenderer;
  /** Charts of graphic interpretations drawn as SVG (Apache ECharts on the server). */
  charts: ChartRenderer;
  /** Draws interpretations' posters and charts as PNG (resvg, the server's CJK font) in a worker thread. */
  rasteriser: SvgRasteriser;
  /** Reads attachments' text (PDF, Word, Excel) in a worker thread, bounded in time and memory. */
  textExtractor: AttachmentTextExtractor;
  /** Sends mail over SMTP, or writes it to the outbox folder when no server is configured. */
  mailer: Mailer;
  /** The SMS gateway (GONGKAI_SMS_URL); undefined when none is configured. */
  sms: SmsGateway | undefined;
  /** Posts signed payloads to the webhooks other platforms registered. */
  webhooks: WebhookSender;
  /** Background jobs: use cases send through `stores.jobs`; the serving process runs them. */
  jobs: JobQueue;
  /**
   * Sends statuses to the provincial platform (GONGKAI_UPSTREAM_STATUS_URL), for
   * `pushUpstreamStatuses`; undefined when no status URL is configured (they wait in the outbox).
   */
  upstreamSender: UpstreamStatusSender | undefined;
  close(): Promise<void>;
};

/** Opens the database (migrating it unless told not to) and wires the adapters. */
export async function openApp(
  config: AppConfig,
  options: { clock?: Clock; migrate?: boolean; hasher?: PasswordHasher } = {},
): Promise<AppContext> {
  const database = openDatabase(config.database);
  if (options.migrate !== false) await migrateToLatest(database);
  const clock = options.clock ?? systemClock;
  const jobs = openJobQueue(database, clock, { names: JOB_NAMES, onError: jobErrorLogger(config.logLevel) });
  const { stores, uow } = createStores(database, clock, jobs.senderFor);
  const sanitiser = createWorkerSanitiser();
  const secret = config.secret ?? dataDirSecret(config.dataDir);
  const letters = createWorkerLetterRenderer();
  const reportFiles = createWorkerReportRenderer();
  const textExtractor = createWorkerTextExtractor();
  const rasteriser = createResvgRasteriser();
  const ctx: AppContext = {
    config,
    clock,
    database,
    stores,
    uow,
    files: createLocalFileStorage(join(config.dataDir, 'files')),
    sniff: sniffFileType,
    hasher: options.hasher ?? argon2Hasher,
    sanitiser,
    siteSettings: createSiteSettingsCache({ settings: stores.settings, clock }),
    calendarCache: createCalendarCache({ calendar: stores.calendar, clock }),
    secret,
    cipher: fieldCipherFor(config.dataKeys, secret),
    letters,
    reportFiles,
    charts: createEchartsRenderer(),
    rasteriser,
    textExtractor,
    mailer: mailerFor(config),
    ...pushSendersFor(config, clock),
    jobs,
    upstreamSender: upstreamSenderFor(config, clock),
    async close() {
      await jobs.close();
      await sanitiser.close();
      await letters.close();
      await reportFiles.close();
      await textExtractor.close();
      await rasteriser.close();
      await database.close();
    },
  };
  registerJobs(ctx);
  return ctx;
}

/** The SMS gateway when one is configured, and the webhook sender. */
export function pushSendersFor(config: AppConfig, clock: Clock): Pick<AppContext, 'sms' | 'webhooks'> {
  return {
    sms: config.sms ? createHttpSmsGateway({ ...config.sms, clock }) : undefined,
    webhooks: createHttpWebhookSender({ clock }),
  };
}

/** The provincial platform's status sender, when the link is on and has somewhere to send. */
export function upstreamSenderFor(config: AppConfig, clock: Clock): UpstreamStatusSender | undefined {
  const upstream = config.upstream;
  return upstream?.statusUrl
    ? createHttpStatusSender({ url: upstream.statusUrl, secret: upstream.secret, clock })
    : undefined;
}

/** The secret kept in the data directory when none is configured, created on first use. */
function dataDirSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = newSecretToken(48);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
