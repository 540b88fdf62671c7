import { mkdtempSync, rmSync } from 'node:fs';
import { createEchartsRenderer } from '../src/adapters/charts/echarts-svg.ts';
import { createResvgRasteriser } from '../src/adapters/charts/resvg-rasteriser.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { pushSendersFor, upstreamSenderFor, type AppContext } from '../src/app/context.ts';
import { buildServer } from '../src/app/server.ts';
import { createStores } from '../src/adapters/db/stores.ts';
import { fieldCipherFor } from '../src/adapters/crypto/field-cipher.ts';
import { createWorkerLetterRenderer } from '../src/adapters/letters/worker-letters.ts';
import { createWorkerTextExtractor } from '../src/adapters/text/worker-text-extractor.ts';
import { createWorkerReportRenderer } from '../src/adapters/reports/worker-report-files.ts';
import { mailerFor } from '../src/adapters/mail/mailers.ts';
import { openJobQueue } from '../src/adapters/queue/job-queue.ts';
import { JOB_NAMES, registerJobs } from '../src/app/jobs.ts';
import { createWorkerSanitiser } from '../src/adapters/sanitiser/worker-sanitiser.ts';
import { createLocalFileStorage, sniffFileType } from '../src/adapters/storage/local-file-storage.ts';
import type { PasswordHasher } from '../src/modules/auth/ports.ts';
import { SETTING_KEYS } from '../src/modules/site/domain/site-settings.ts';
import { createCalendarCache } from '../src/modules/calendar/queries/load-calendar.ts';
import { createSiteSettingsCache } from '../src/modules/site/queries/get-site-settings.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DialectCase, TestDatabase } from './databases.ts';

/** argon2id with small parameters: the same code path as production, fast enough for hundreds of logins. */
export const fastHasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 }),
  verify: async (passwordHash, password) => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  },
};

const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';

/** A whole application on a test database with a clock the test controls. */
export type TestApp = AppContext & {
  clock: FixedClock;
  dataDir: string;
  database: TestDatabase['handle'];
  cleanup(): Promise<void>;
};

/** Wires the real adapters over a fresh database of the given dialect, files in a temporary folder. */
export async function createTestApp(
  dialect: DialectCase,
  options: { now?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const testDb = await dialect.open();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  const config = loadConfig({
    GONGKAI_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    GONGKAI_SCHEDULER_SECONDS: '0',
    ...options.env,
  });
  const clock = new FixedClock(options.now ?? '2026-03-02T02:00:00Z');
  const jobs = openJobQueue(testDb.handle, clock, { names: JOB_NAMES });
  const { stores, uow } = createStores(testDb.handle, clock, jobs.senderFor);
  const sanitiser = createWorkerSanitiser();
  const letters = createWorkerLetterRenderer();
  const reportFiles = createWorkerReportRenderer();
  const textExtractor = createWorkerTextExtractor();
  const rasteriser = createResvgRasteriser();
  const app: TestApp = {
    config,
    clock,
    database: testDb.handle,
    stores,
    uow,
    files: createLocalFileStorage(join(dataDir, 'files')),
    sniff: sniffFileType,
    hasher: fastHasher,
    sanitiser,
    siteSettings: createSiteSettingsCache({ settings: stores.settings, clock }),
    calendarCache: createCalendarCache({ calendar: stores.calendar, clock }),
    secret: TEST_SECRET,
    cipher: fieldCipherFor(config.dataKeys, TEST_SECRET),
    letters,
    reportFiles,
    charts: createEchartsRenderer(),
    rasteriser,
    textExtractor,
    mailer: mailerFor(config),
    ...pushSendersFor(config, clock),
    jobs,
    upstreamSender: upstreamSenderFor(config, clock),
    dataDir,
    async close() {
      await jobs.close();
      await sanitiser.close();
      await letters.close();
      await reportFiles.close();
      await textExtractor.close();
      await rasteriser.close();
      await testDb.handle.close();
    },
    async cleanup() {
      await jobs.close();
      await sanitiser.close();
      await letters.close();
      await reportFiles.close();
      await textExtractor.close();
      await rasteriser.close();
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  registerJobs(app);
  return app;
}

/** The HTTP server of a test app, for `inject`. */
export async function createTestServer(app: TestApp): Promise<FastifyInstance> {
  const server = await buildServer(app, { logger: false });
  await server.ready();
  return server;
}

/**
 * Marks the test district as the demo, where administrators may work without two-factor sign-in;
 * suites about other things use it so they need not enrol.
 */
export async function markAsDemo(app: TestApp): Promise<void> {
  await app.stores.settings.set(SETTING_KEYS.isDemo, 'true', app.clock.now());
  app.siteSettings.forget();
}
