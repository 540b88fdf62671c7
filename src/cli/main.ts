import cluster from 'node:cluster';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp, type AppContext } from '../app/context.ts';
import { buildServer } from '../app/server.ts';
import { isDatabaseEmpty, seedDemoDistrict, seedDepsOf, type DemoSummary } from '../demo/seed-demo.ts';
import { importHolidayNotice } from '../modules/calendar/index.ts';
import { addWorkingDays, uncoveredWarning } from '../platform/working-days.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';
import { rebuildPublicIndex } from '../modules/documents/index.ts';
import { rebuildCatalogIndex } from '../modules/catalog/index.ts';
import { createApiToken, revokeApiToken, isTokenUsable, createUser } from '../modules/auth/index.ts';
import { systemActor, ROLE_LABELS, isRole } from '../modules/access/index.ts';
import { checkExtension, refreshDueDates, replyDeadline, type ClockExtension } from '../modules/requests/index.ts';
import { chinaDate, chinaDateTime, isIsoDate } from '../platform/clock.ts';
import { ConfigError, loadConfig, type AppConfig } from '../platform/config.ts';
import { isDomainError } from '../platform/errors.ts';
import { newSecretToken } from '../platform/ids.ts';
import { superviseWorkers, workerCount, type Supervisor } from './workers.ts';

const HELP = `gongkai — 政务公开平台 (Gongkai)

用法:
  gongkai start                 迁移数据库；数据库为空时载入示范区演示数据；启动服务（npm start）
  gongkai serve                 迁移数据库并启动服务
  gongkai migrate               只迁移数据库
  gongkai seed-demo             向空数据库载入示范区演示数据
  gongkai user create --username NAME --name 姓名 --org 单位代码 --role 角色 [--password 密码]
  gongkai token create --user NAME [--name 用途]     生成个人访问令牌（只显示一次，默认90天有效）
  gongkai token list --user NAME                     列出该用户的访问令牌（编号、用途、有效期、最近使用）
  gongkai token revoke 令牌编号                      撤销一个访问令牌
  gongkai search reindex        由已发布的信息和标准目录重建全文检索索引（进度显示在标准错误输出）
  gongkai audit verify          校验审计日志哈希链；完好时退出码为 0
  gongkai calendar add-working-days 日期 天数     计算若干个工作日之后的日期（当日不计入）
  gongkai calendar status       列出已有节假日数据的年份
  gongkai calendar import 文件   导入国务院办公厅节假日安排（ICS 或 JSON）
  gongkai foi due --received 日期 [--extension-days 天数] [--corrected 日期]
                                依申请公开答复期限：收到申请之日起20个工作日，可延长一次不超过20个工作日；
                                补正后自收到补正申请之日起重新计算（第一行为到期日）

角色: ${Object.entries(ROLE_LABELS)
  .map(([role, label]) => `${role}(${label})`)
  .join(', ')}
配置见 README.md（PORT、GONGKAI_DATA_DIR、DATABASE_URL、GONGKAI_SECRET、GONGKAI_DEMO_PASSWORD …）。
`;

/** Runs one command of the `gongkai` tool and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  // Output piped into a reader that stops early (`gongkai seed-demo | head`) must not crash the
  // command half-way: the work goes on and the database is closed properly; only the output is lost.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const [command, sub] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`配置有误，服务未启动:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 78;
    }
    throw error;
  }
  switch (command) {
    case 'start':
      return serve(config, { seedWhenEmpty: true });
    case 'serve':
      return serve(config, { seedWhenEmpty: false });
    case 'migrate':
      return withApp(config, async () => {
        process.stdout.write('数据库已是最新结构。\n');
        return 0;
      });
    case 'seed-demo':
      return withApp(config, async (ctx) => {
        if (!(await isDatabaseEmpty(ctx.stores))) {
          process.stderr.write('数据库中已有单位数据，未载入演示数据。\n');
          return 1;
        }
        printDemo(await seed(ctx), demoPassword(config));
        return 0;
      });
    case 'user':
      if (sub !== 'create') break;
      return withApp(config, (ctx) => createUserCommand(ctx, argv.slice(2)));
    case 'token':
      if (sub === 'create') return withApp(config, (ctx) => createTokenCommand(ctx, argv.slice(2)));
      if (sub === 'list') return withApp(config, (ctx) => listTokensCommand(ctx, argv.slice(2)));
      if (sub === 'revoke') return withApp(config, (ctx) => revokeTokenCommand(ctx, argv.slice(2)));
      break;
    case 'audit':
      if (sub !== 'verify') break;
      return withApp(config, async (ctx) => {
        const report = await verifyAuditChain({ audit: ctx.stores.audit });
        if (report.ok) {
          process.stdout.write(`audit log intact: ${report.checked} rows verified\n`);
          return 0;
        }
        process.stderr.write(`audit log TAMPERED: ${report.message} (${report.checked} rows verified before it)\n`);
        return 2;
      });
    case 'calendar':
      if (sub === 'add-working-days' || sub === 'status' || sub === 'import') {
        return withApp(config, (ctx) => calendarCommand(ctx, sub, argv.slice(2)));
      }
      break;
    case 'search':
      if (sub !== 'reindex') break;
      return withApp(config, (ctx) => reindexCommand(ctx));
    case 'foi':
      if (sub !== 'due') break;
      return withApp(config, (ctx) => foiDueCommand(ctx, argv.slice(2)));
    default:
      break;
  }
  process.stderr.write(`未知命令: ${argv.join(' ')}\n\n${HELP}`);
  return 64;
}

/** Rebuilds the public search index, with a progress line on stderr. */
async function reindexCommand(ctx: AppContext): Promise<number> {
  const started = Date.now();
  const count = await rebuildPublicIndex({
    uow: ctx.uow,
    onProgress: (done, total) => {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      process.stderr.write(`\r重建检索索引 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    onFinishing: () => process.stderr.write('\n正在合并索引段……'),
  });
  const entries = await rebuildCatalogIndex({ uow: ctx.uow });
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write('\n');
  process.stdout.write(`已重建检索索引：${count} 条信息、${entries} 个标准目录事项，用时 ${seconds.toFixed(1)} 秒。\n`);
  return 0;
}

async function withApp(config: AppConfig, run: (ctx: AppContext) => Promise<number>): Promise<number> {
  const ctx = await openApp(config);
  try {
    return await run(ctx);
  } finally {
    await ctx.close();
  }
}

async function serve(config: AppConfig, options: { seedWhenEmpty: boolean }): Promise<number> {
  if (cluster.isWorker) return serveWorker(config);
  const ctx = await openApp(config);
  let demo: DemoSummary | undefined;
  if (options.seedWhenEmpty && (await isDatabaseEmpty(ctx.stores))) {
    process.stdout.write('首次运行：正在载入示范区演示数据……\n');
    demo = await seed(ctx);
  }
  const isDemo = (await ctx.stores.settings.get('site.is_demo')) === 'true';
  if (!isDemo && !config.publicUrlConfigured) {
    process.stderr.write(
      '配置有误，服务未启动:\n  - GONGKAI_PUBLIC_URL: 正式部署须设置对外访问地址（例如 https://gk.example.gov.cn），' +
        '接口和推送中的链接只取自该配置，不取自请求的 Host 头。\n',
    );
    await ctx.close();
    return 78;
  }
  const count = workerCount(config.workers);
  const services =
    (config.smtpUrl
      ? `  邮件: 经 ${ctx.mailer.destination} 发送\n`
      : `  邮件: 未设置 GONGKAI_SMTP_URL，邮件写入 ${ctx.mailer.destination} 文件夹（.eml），不会发出\n`) +
    `  后台任务: ${ctx.jobs.kind}\n` +
    (count > 1 ? `  服务进程: ${count} 个（GONGKAI_WORKERS），共用一个端口和数据库\n` : '');
  const banner = (url: string) => {
    process.stdout.write(
      `\nGongkai 政务公开平台已启动: ${url}/\n  后台: ${url}/admin/\n  API:  ${url}/api/v1/openapi.json\n${services}`,
    );
    if (demo) printDemo(demo, demoPassword(config));
    else if (isDemo && options.seedWhenEmpty) printDemoReminder(config);
  };

  if (count > 1) {
    // The workers open the database themselves; this process only keeps them running.
    await ctx.close();
    let supervisor: Supervisor;
    try {
      supervisor = await superviseWorkers(count, (line) => process.stderr.write(`${line}\n`));
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    banner(config.publicUrlConfigured ? config.publicUrl : supervisor.origin);
    const failure = await Promise.race([stopSignal().then(() => undefined), supervisor.failed]);
    await supervisor.stop();
    if (failure === undefined) return 0;
    process.stderr.write(`${failure}\n`);
    return 1;
  }

  const app = await listen(ctx, config);
  banner(config.publicUrl);
  await stopSignal();
  await app.close();
  await ctx.close();
  return 0;
}

/** One of several serving processes (GONGKAI_WORKERS): the database is migrated and seeded by the first process. */
async function serveWorker(config: AppConfig): Promise<number> {
  const ctx = await openApp(config);
  const app = await listen(ctx, config);
  // Ends with the supervising process too, should it be killed without stopping its workers.
  await Promise.race([stopSignal(), new Promise<void>((resolve) => process.once('disconnect', resolve))]);
  await app.close();
  await ctx.close();
  // The channel to the supervising process would keep this one alive.
  if (process.connected) process.disconnect();
  return 0;
}

/** Builds the server, listens, and starts the background jobs (src/app/jobs.ts): scheduled publication, reminders, mail. */
async function listen(ctx: AppContext, config: AppConfig) {
  const app = await buildServer(ctx);
  const address = await app.listen({ port: config.port, host: config.host });
  // Without a configured origin (the demo), links use the address actually listened on.
  if (!config.publicUrlConfigured) config.publicUrl = address.replace('127.0.0.1', 'localhost');
  // Every serving process polls the queue; a job is claimed by one of them (see the queue adapters).
  await ctx.jobs.runner.start();
  return app;
}

function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function seed(ctx: AppContext): Promise<DemoSummary> {
  const started = Date.now();
  const summary = await seedDemoDistrict(seedDepsOf(ctx), { password: demoPassword(ctx.config), now: ctx.clock.now() });
  ctx.siteSettings.forget();
  process.stdout.write(
    `示范区演示数据已载入：${summary.orgs} 个单位、${summary.users} 个账号、${summary.published} 条已发布信息（${((Date.now() - started) / 1000).toFixed(1)} 秒）。\n`,
  );
  return summary;
}

/**
 * The password every demo login uses: GONGKAI_DEMO_PASSWORD when set; otherwise one generated on
 * first run and kept in the data directory so later starts can print it again.
 */
function demoPassword(config: AppConfig): string {
  if (config.demoPassword) return config.demoPassword;
  const file = join(config.dataDir, 'demo-password.txt');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const generated = `Demo-${newSecretToken(9).replace(/[-_]/g, 'x')}9`;
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

function printDemo(summary: DemoSummary, password: string): void {
  const width = Math.max(...summary.logins.map((l) => l.username.length));
  process.stdout.write(`\n演示账号（示范区演示数据，所有账号密码相同）:\n  密码: ${password}\n`);
  for (const login of summary.logins) {
    process.stdout.write(`  ${login.username.padEnd(width)}  ${login.displayName}\n`);
  }
  process.stdout.write(
    '  （每个部门和镇街都有 <简称>.editor / .reviewer / .admin 账号，例如 mzj.editor、dcjd.reviewer）\n\n',
  );
}

function printDemoReminder(config: AppConfig): void {
  const file = join(config.dataDir, 'demo-password.txt');
  const password = config.demoPassword ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
  process.stdout.write(
    `\n演示账号: sysadmin、district.admin、bgs.editor、bgs.reviewer、jyj.editor、jyj.reviewer、jyj.admin、qsz.editor …\n  密码: ${password ?? '（见首次启动时的输出，或设置 GONGKAI_DEMO_PASSWORD 后重建数据）'}\n\n`,
  );
}

async function createUserCommand(ctx: AppContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!values.username || !values.name || !values.org || !values.role) {
    process.stderr.write('需要 --username、--name、--org 和 --role。\n');
    return 64;
  }
  if (!isRole(values.role)) {
    process.stderr.write(`未知角色 ${values.role}。可用: ${Object.keys(ROLE_LABELS).join(', ')}\n`);
    return 64;
  }
  const org = await ctx.stores.orgs.getByCode(values.org);
  if (!org) {
    process.stderr.write(`没有代码为 ${values.org} 的单位。\n`);
    return 1;
  }
  const password = values.password ?? `Gk-${newSecretToken(12)}7`;
  try {
    await createUser({
      uow: ctx.uow,
      clock: ctx.clock,
      hasher: ctx.hasher,
      actor: systemActor('cli'),
      input: {
        username: values.username,
        displayName: values.name,
        homeOrgId: org.id,
        password,
        grants: [{ role: values.role, orgId: org.id }],
      },
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    process.stderr.write(`${error.message}\n${error.fields.map((f) => `  - ${f.field}: ${f.message}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`已创建用户 ${values.username}（${ROLE_LABELS[values.role]} @ ${org.name}）。\n`);
  if (!values.password) process.stdout.write(`初始密码: ${password}\n`);
  return 0;
}

async function createTokenCommand(ctx: AppContext, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { user: { type: 'string' }, name: { type: 'string' } } });
  if (!values.user) {
    process.stderr.write('需要 --user 用户名。\n');
    return 64;
  }
  try {
    const { token, expiresAt } = await createApiToken({
      uow: ctx.uow,
      clock: ctx.clock,
      actor: systemActor('cli'),
      username: values.user,
      name: values.name ?? 'cli',
      lifetimeDays: ctx.config.tokenLifetimeDays,
    });
    process.stdout.write(`${token}\n`);
    process.stderr.write(`有效期至 ${chinaDateTime(expiresAt)}（北京时间）。\n`);
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

async function listTokensCommand(ctx: AppContext, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { user: { type: 'string' } } });
  const user = values.user && (await ctx.stores.users.getByUsername(values.user.trim().toLowerCase()));
  if (!user) {
    process.stderr.write(values.user ? `用户 ${values.user} 不存在。\n` : '需要 --user 用户名。\n');
    return values.user ? 1 : 64;
  }
  const now = ctx.clock.now();
  for (const token of await ctx.stores.tokens.listForUser(user.id)) {
    const status = token.revokedAt
      ? `已撤销 ${chinaDateTime(token.revokedAt)}`
      : isTokenUsable(token, now)
        ? `有效至 ${chinaDateTime(token.expiresAt)}`
        : `已过期 ${chinaDateTime(token.expiresAt)}`;
    const used = token.lastUsedAt ? `最近使用 ${chinaDateTime(token.lastUsedAt)}` : '尚未使用';
    process.stdout.write(`${token.id}  ${token.name}  创建 ${chinaDateTime(token.createdAt)}  ${status}  ${used}\n`);
  }
  return 0;
}

async function revokeTokenCommand(ctx: AppContext, args: string[]): Promise<number> {
  const id = args[0];
  if (!id) {
    process.stderr.write('用法: gongkai token revoke 令牌编号（见 gongkai token list --user 用户名）\n');
    return 64;
  }
  try {
    const token = await revokeApiToken({ uow: ctx.uow, clock: ctx.clock, actor: systemActor('cli'), tokenId: id });
    process.stdout.write(`已撤销访问令牌 ${token.id}（${token.name}）。\n`);
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

async function calendarCommand(
  ctx: AppContext,
  sub: 'add-working-days' | 'status' | 'import',
  args: string[],
): Promise<number> {
  if (sub === 'status') {
    const years = await ctx.stores.calendar.years();
    const covered = new Set(years.map((y) => y.year));
    const thisYear = new Date().getFullYear();
    for (const year of years) {
      process.stdout.write(
        `${year.year}  休 ${String(year.offDays).padStart(2)} 天  班 ${String(year.workDays).padStart(2)} 天  ${year.source}\n`,
      );
    }
    for (const year of [thisYear, thisYear + 1].filter((y) => !covered.has(y))) {
      process.stdout.write(`${year}  尚未导入：落在该年的期限将按周一至周五估算并标注\n`);
    }
    return 0;
  }
  if (sub === 'import') {
    const file = args[0];
    if (!file || !existsSync(file)) {
      process.stderr.write('需要一个存在的 ICS 或 JSON 文件。\n');
      return 64;
    }
    try {
      const summary = await importHolidayNotice({
        uow: ctx.uow,
        clock: ctx.clock,
        actor: systemActor('cli'),
        fileName: basename(file),
        text: readFileSync(file, 'utf8'),
      });
      process.stdout.write(
        `已导入：${summary.coveredYears.join('、') || '（无完整年份）'}；另设置 ${summary.extraDays} 个单日。\n`,
      );
      const moved = await refreshDueDates({
        uow: ctx.uow,
        clock: ctx.clock,
        calendar: await ctx.stores.calendar.load(),
      });
      if (moved > 0) process.stdout.write(`${moved} 件依申请公开的答复期限已按新的节假日安排重新计算。\n`);
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      process.stderr.write(`${error.message}\n${error.fields.map((f) => `  - ${f.field}: ${f.message}`).join('\n')}\n`);
      return 1;
    }
  }
  const [date, days] = args;
  if (!date || !days || !/^\d+$/.test(days)) {
    process.stderr.write('用法: gongkai calendar add-working-days YYYY-MM-DD 天数\n');
    return 64;
  }
  try {
    const result = addWorkingDays(await ctx.stores.calendar.load(), date, Number(days));
    process.stdout.write(`${result.date}\n`);
    const warning = uncoveredWarning(result.uncoveredYears);
    if (warning) process.stderr.write(`注意：${warning}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    process.stderr.write(`日期或天数不正确：${date} ${days}\n`);
    return 64;
  }
}

/** `gongkai foi due`: the reply deadline of a request (条例 Art. 30, 33) on the stored calendar. */
async function foiDueCommand(ctx: AppContext, args: string[]): Promise<number> {
  const usage = '用法: gongkai foi due --received YYYY-MM-DD [--extension-days 天数] [--corrected YYYY-MM-DD]\n';
  let values: { received?: string; 'extension-days'?: string; corrected?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { received: { type: 'string' }, 'extension-days': { type: 'string' }, corrected: { type: 'string' } },
    }));
  } catch {
    process.stderr.write(usage);
    return 64;
  }
  const dates = [values.received, values.corrected].filter((d): d is string => d !== undefined);
  if (!values.received || dates.some((d) => !isIsoDate(d))) {
    process.stderr.write(`日期不正确。\n${usage}`);
    return 64;
  }
  if (values.corrected && values.corrected < values.received) {
    process.stderr.write('补正申请的收到日期不能早于原申请的收到日期。\n');
    return 64;
  }
  let extension: ClockExtension | null = null;
  if (values['extension-days'] !== undefined) {
    try {
      extension = checkExtension(null, {
        workingDays: /^\d+$/.test(values['extension-days']) ? Number(values['extension-days']) : Number.NaN,
        approvedBy: 'cli',
        approvedOn: values.received,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      process.stderr.write(`${error.fields.map((f) => f.message).join('\n') || error.message}\n`);
      return 64;
    }
  }
  const today = chinaDate(ctx.clock.now());
  const deadline = replyDeadline(
    { receivedOn: values.received, correctedOn: values.corrected ?? null, extension, pauses: [] },
    await ctx.stores.calendar.load(),
    today,
  );
  process.stdout.write(`${deadline.dueOn}\n`);
  const start = values.corrected
    ? `自收到补正申请之日（${values.corrected}）起`
    : `自收到申请之日（${values.received}）起`;
  const extra = extension ? `，另延长${extension.workingDays}个工作日` : '';
  process.stdout.write(`${start}20个工作日${extra}（《政府信息公开条例》第三十三条）。\n`);
  const warning = uncoveredWarning(deadline.uncoveredYears);
  if (warning) process.stderr.write(`注意：${warning}\n`);
  return 0;
}
