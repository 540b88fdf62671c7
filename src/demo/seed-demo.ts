import type { Stores } from '../adapters/db/stores.ts';
import { systemActor, type StaffActor } from '../modules/access/index.ts';
import { createUser, buildStaffActor } from '../modules/auth/index.ts';
import { approveCatalog, importCatalogTemplate, startCatalogVersion, submitCatalog } from '../modules/catalog/index.ts';
import { saveSynonyms } from '../modules/search/index.ts';
import type { CatalogEntry } from '../modules/catalog/index.ts';
import type { PasswordHasher } from '../modules/auth/index.ts';
import { addAttachment, createDraft, publishEdition, submitEdition } from '../modules/documents/index.ts';
import type { ChartRenderer } from '../modules/interpretation/index.ts';
import type { Genre, Topic, Edition, FileSniffer, FileStorage } from '../modules/documents/index.ts';
import { createOrg } from '../modules/orgs/index.ts';
import type { Org } from '../modules/orgs/index.ts';
import { SETTING_KEYS } from '../modules/site/index.ts';
import { FixedClock, chinaDate } from '../platform/clock.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';
import {
  FIELD_REGULATIONS,
  FIELD_TITLES,
  FIELD_TOPICS,
  GENERAL_TITLES,
  demoBody,
  loadRegulationSample,
  pick,
  regulationHtml,
  seededRandom,
  type Regulation,
} from './content.ts';
import { DEMO_DISTRICT, FEATURED_UNITS, demoUsers, flattenUnits, type DemoUnit, type DemoUser } from './district.ts';
import type { RichTextSanitiser } from '../platform/sanitize.ts';
import { makePdf, makePng } from './files.ts';
import { seedDemoRequests } from './demo-requests.ts';
import { seedDemoReports } from './demo-reports.ts';
import type { ReportFileRenderer } from '../modules/reports/index.ts';
import type { FieldCipher } from '../modules/requests/index.ts';
import { seedDemoInterpretations, type PublishedPolicy } from './demo-interpretations.ts';
import { seedDemoConcerns } from './demo-concerns.ts';
import { seedDemoServices } from './demo-services.ts';
import { seedDemoNotifications } from './demo-notifications.ts';
import { seedDemoParticipation } from './demo-participation.ts';
import { seedDemoMessages } from './demo-messages.ts';
import { seedDemoHearings } from './demo-hearings.ts';
import { seedDemoSurveys } from './demo-surveys.ts';
import { seedDemoInterviews } from './demo-interviews.ts';
import { seedCatalogReviewStates, seedWorkflowStates, type DemoScene, type PublishSpec } from './demo-scenes.ts';
import {
  annualReportHtml,
  dateOfDay,
  dayOfYear,
  guideHtml,
  publisherFor,
  shiftDate,
  staffPrefix,
} from './demo-text.ts';

/** What the demo seeder made, for the start-up banner. */
export type DemoSummary = { orgs: number; users: number; published: number; logins: DemoUser[] };

type SeedDeps = {
  stores: Stores;
  uow: UnitOfWork<Stores>;
  hasher: PasswordHasher;
  files: FileStorage;
  sniff: FileSniffer;
  sanitiser: RichTextSanitiser;
  maxUploadBytes: number;
  cipher: FieldCipher;
  reportFiles: ReportFileRenderer;
  charts: ChartRenderer;
};

/** The demo's dependencies, taken from the application's context (the command line, tests, browser suites). */
export function seedDepsOf(ctx: Omit<SeedDeps, 'maxUploadBytes'> & { config: { maxUploadBytes: number } }): SeedDeps {
  return {
    stores: ctx.stores,
    uow: ctx.uow,
    hasher: ctx.hasher,
    files: ctx.files,
    sniff: ctx.sniff,
    sanitiser: ctx.sanitiser,
    maxUploadBytes: ctx.config.maxUploadBytes,
    cipher: ctx.cipher,
    reportFiles: ctx.reportFiles,
    charts: ctx.charts,
  };
}

/** The demo district's search synonyms, as its office would write them on the synonyms page. */
const DEMO_SYNONYMS = [
  '医保 = 医疗保障 = 医疗保险',
  '社保 = 社会保险',
  '低保 = 最低生活保障',
  '公租房 = 公共租赁住房',
  '义务教育 = 义教',
].join('\n');

/** Genres whose documents carry a 文号. */
const NUMBERED_GENRES: readonly Genre[] = ['通知', '意见', '办法', '方案', '批复', '决定', '通报', '规定'];

/**
 * Loads the demo district 示范区 through the product's own use cases: its units, staff for every
 * role, and a few hundred documents published across units and pilot fields over the last three
 * years, plus drafts, a rejection, a withdrawal, a second edition and a force-publication awaiting
 * approval, so every screen has something real on it.
 */
export async function seedDemoDistrict(deps: SeedDeps, options: { password: string; now: Date }): Promise<DemoSummary> {
  const clock = new FixedClock(options.now);
  const system = systemActor('demo');
  const random = seededRandom(20_190_515);
  const regulations = loadRegulationSample();
  const regulation = (title: string): Regulation | undefined => regulations.find((r) => r.title.startsWith(title));

  // Units.
  const orgs = new Map<string, Org>();
  for (const { unit, parentCode, sortOrder } of flattenUnits(DEMO_DISTRICT)) {
    const org = await createOrg({
      uow: deps.uow,
      clock,
      actor: system,
      parentId: parentCode ? orgs.get(parentCode)!.id : null,
      input: { type: unit.type, code: unit.code, name: unit.name, shortName: unit.shortName, sortOrder },
      isDemo: true,
    });
    orgs.set(unit.code, org);
  }

  // Staff: every demo login shares one password, hashed once.
  const passwordHash = await deps.hasher.hash(options.password);
  const onceHasher: PasswordHasher = {
    hash: () => Promise.resolve(passwordHash),
    verify: (hash, password) => deps.hasher.verify(hash, password),
  };
  const units = flattenUnits(DEMO_DISTRICT).map((entry) => entry.unit);
  const users = demoUsers(units);
  const actors = new Map<string, StaffActor>();
  for (const user of users) {
    const created = await createUser({
      uow: deps.uow,
      clock,
      hasher: onceHasher,
      actor: system,
      skipPasswordStrength: true,
      input: {
        username: user.username,
        displayName: user.displayName,
        // A reserved domain (RFC 2606): demo reminders land in the outbox folder, never a real inbox.
        email: `${user.username}@shifanqu.example`,
        homeOrgId: orgs.get(user.homeCode)!.id,
        password: options.password,
        grants: user.grants.map((g) => ({ role: g.role, orgId: orgs.get(g.orgCode)!.id })),
      },
    });
    actors.set(user.username, await buildStaffActor(deps.stores, created, undefined));
  }

  await deps.uow.run(async ({ settings }) => {
    const values: Record<string, string> = {
      [SETTING_KEYS.siteName]: '示范区人民政府门户网站（演示）',
      [SETTING_KEYS.districtName]: '示范区',
      [SETTING_KEYS.organizer]: '示范区人民政府办公室（演示）',
      [SETTING_KEYS.siteIdentifier]: '9901000001',
      [SETTING_KEYS.icpNumber]: '示ICP备00000000号（演示）',
      [SETTING_KEYS.policeNumber]: '示公网安备99010102000001号（演示）',
      [SETTING_KEYS.contactPhone]: '0000-00000000（演示）',
      [SETTING_KEYS.contactAddress]: '示范区政务中心路1号（演示）',
      [SETTING_KEYS.isDemo]: 'true',
    };
    for (const [key, value] of Object.entries(values)) await settings.set(key, value, clock.now());
  });

  const workflow = { uow: deps.uow, clock, sanitiser: deps.sanitiser };
  const editorOf = (unitCode: string) => actors.get(`${staffPrefix(unitCode)}.editor`)!;
  const reviewerOf = (unitCode: string) => actors.get(`${staffPrefix(unitCode)}.reviewer`)!;
  const docSerials = new Map<string, number>();
  let published = 0;
  const normative: PublishedPolicy[] = [];

  /** Writes, submits and publishes one document at the given China date. */
  const publishDocument = async (spec: PublishSpec): Promise<Edition> => {
    const editor = editorOf(spec.publisherCode);
    const reviewer = reviewerOf(spec.publisherCode);
    clock.set(`${spec.input.writtenOn ?? spec.date}T01:30:00Z`);
    const { edition } = await createDraft({
      ...workflow,
      actor: editor,
      orgId: orgs.get(spec.orgCode)!.id,
      input: { issuer: '', ...spec.input },
    });
    if (spec.attachment) {
      const bytes =
        spec.attachment === 'pdf' ? makePdf(`Shifanqu demo attachment ${edition.id}`) : makePng(64, 40, [183, 28, 28]);
      await addAttachment({
        ...workflow,
        actor: editor,
        files: deps.files,
        sniff: deps.sniff,
        maxBytes: deps.maxUploadBytes,
        editionId: edition.id,
        fileName: spec.attachment === 'pdf' ? `${spec.input.title.slice(0, 30)}（附件）.pdf` : '示意图.png',
        content: { bytes },
      });
    }
    clock.set(`${spec.date}T00:40:00Z`);
    await submitEdition({ ...workflow, actor: editor, editionId: edition.id });
    clock.set(`${spec.date}T02:15:00Z`);
    const live = await publishEdition({ ...workflow, actor: reviewer, editionId: edition.id });
    published++;
    if (live.content.isNormative) {
      normative.push({ edition: live, publisherCode: spec.publisherCode, orgCode: spec.orgCode, date: spec.date });
    }
    return live;
  };

  const docNumber = (unit: DemoUnit, year: number, genre: Genre): string | null => {
    if (!unit.docPrefix || !NUMBERED_GENRES.includes(genre)) return null;
    const key = `${unit.code}:${year}`;
    const serial = (docSerials.get(key) ?? 0) + 1;
    docSerials.set(key, serial);
    return `${unit.docPrefix}〔${year}〕${serial}号`;
  };

  const today = chinaDate(options.now);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const randomDate = (year: number): string => {
    const end = year === thisYear ? dayOfYear(today) - 2 : 365;
    const day = 1 + Math.floor(random() * Math.max(1, end));
    return dateOfDay(year, day);
  };

  // Every department and town publishes its standard catalog for the fields it handles, from the
  // field templates, approved by the district office before the documents that are filed under it.
  const catalogs = new Map<string, CatalogEntry[]>();
  const office = actors.get('district.admin')!;
  clock.set(`${thisYear - 2}-01-05T02:00:00Z`);
  for (const { unit } of flattenUnits(DEMO_DISTRICT)) {
    if (unit.type !== 'department' && unit.type !== 'town') continue;
    const orgId = orgs.get(unit.code)!.id;
    const version = await startCatalogVersion({ ...workflow, actor: editorOf(unit.code), orgId });
    for (const fieldCode of unit.fields ?? []) {
      await importCatalogTemplate({ ...workflow, actor: editorOf(unit.code), versionId: version.id, fieldCode });
    }
    await submitCatalog({ ...workflow, actor: editorOf(unit.code), versionId: version.id });
    await approveCatalog({ ...workflow, actor: office, versionId: version.id });
    catalogs.set(unit.code, await deps.stores.catalogs.entriesOf(version.id));
  }
  /** An entry of the publisher's catalog in this field; most documents are filed, so some entries stay empty. */
  const fileUnder = (publisherCode: string, fieldCode: string): CatalogEntry | undefined => {
    const candidates = (catalogs.get(publisherCode) ?? []).filter((e) => e.fieldCode === fieldCode);
    return candidates.length > 0 && random() < 0.9
      ? candidates[Math.floor(random() * Math.min(candidates.length, 5))]
      : undefined;
  };

  // Documents are planned first and published in date order, so 索引号 and 文号 run with time.
  const planned: (PublishSpec & { numbering?: { unit: DemoUnit; year: number; genre: Genre } })[] = [];
  const plan = (spec: (typeof planned)[number]): void => {
    planned.push(spec);
  };

  // The column's fixed content: the guide, the rules (with the 条例 itself) and annual reports.
  const regulationText = regulation('政府信息公开条例');
  plan({
    publisherCode: 'sfq',
    orgCode: 'sfq',
    date: `${thisYear - 2}-01-15`,
    input: {
      title: '示范区人民政府信息公开指南',
      topic: '综合政务',
      genre: '公开指南',
      writtenOn: `${thisYear - 2}-01-10`,
      publishedOn: `${thisYear - 2}-01-15`,
      bodyHtml: guideHtml(),
      keywords: '政府信息公开,指南',
    },
  });
  if (regulationText) {
    plan({
      publisherCode: 'sfq',
      orgCode: 'sfq',
      date: `${thisYear - 2}-01-16`,
      input: {
        title: '中华人民共和国政府信息公开条例',
        docNumber: '国务院令第711号',
        issuer: '国务院',
        topic: '综合政务',
        genre: '公开制度',
        writtenOn: '2019-04-03',
        publishedOn: `${thisYear - 2}-01-16`,
        validityOn: '2019-05-15',
        bodyHtml: regulationHtml(regulationText),
        keywords: '政府信息公开条例',
      },
    });
  }
  for (const [title, body] of [
    [
      '示范区政府信息公开保密审查制度',
      '<p>第一条 为规范政府信息公开前的保密审查工作，根据《中华人民共和国政府信息公开条例》第十七条，制定本制度。</p><p>第二条 各单位公开政府信息前，应当依照《中华人民共和国保守国家秘密法》以及其他法律、法规和国家有关规定对拟公开的政府信息进行审查。</p><p>第三条 对政府信息不能确定是否可以公开的，应当依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。</p><p>（示范区演示数据）</p>',
    ],
    [
      '示范区政府信息公开工作考核制度',
      '<p>第一条 为推动政府信息公开工作落实，根据《中华人民共和国政府信息公开条例》第四十六条至第四十八条，制定本制度。</p><p>第二条 区政府办公室对各单位政府信息公开工作进行日常监测和年度考核，考核结果纳入绩效考核。</p><p>（示范区演示数据）</p>',
    ],
  ] as const) {
    plan({
      publisherCode: 'sfq-bgs',
      orgCode: 'sfq-bgs',
      date: `${thisYear - 2}-02-20`,
      input: { title, topic: '综合政务', genre: '公开制度', writtenOn: `${thisYear - 2}-02-18`, bodyHtml: body },
    });
  }
  // Last year's reports are compiled from the demo's requests and documents once those exist (below).
  for (const year of [thisYear - 2]) {
    for (const [unitCode, orgCode, name, deadline] of [
      ['sfq', 'sfq', '示范区人民政府', '03-28'],
      ['sfq-jyj', 'sfq-jyj', '示范区教育局', '01-26'],
      ['sfq-mzj', 'sfq-mzj', '示范区民政局', '01-27'],
    ] as const) {
      plan({
        publisherCode: unitCode,
        orgCode,
        // 条例 Art. 49: departments publish by 31 January, the government by 31 March.
        date: `${year + 1}-${deadline}`,
        input: {
          title: `${name}${year}年政府信息公开工作年度报告`,
          topic: '综合政务',
          genre: '年度报告',
          writtenOn: `${year + 1}-${deadline}`,
          bodyHtml: annualReportHtml(name, year),
          keywords: '年度报告',
        },
      });
    }
  }

  // Documents across units and pilot fields.
  for (const { unit } of flattenUnits(DEMO_DISTRICT)) {
    const perUnit =
      unit.type === 'department'
        ? 13
        : unit.type === 'town'
          ? 9
          : unit.type === 'utility'
            ? 4
            : unit.type === 'district'
              ? 6
              : 1;
    const publisherCode = publisherFor(unit.code);
    for (let i = 0; i < perUnit; i++) {
      const year = years[Math.floor(random() * years.length)]!;
      const date = randomDate(year);
      const isGeneral = unit.type === 'district' || (unit.code === 'sfq-bgs' && random() < 0.5);
      const fieldCode = isGeneral ? null : pick(random, unit.fields ?? ['20']);
      const template = isGeneral ? pick(random, GENERAL_TITLES) : pick(random, FIELD_TITLES[fieldCode!]!);
      const title = template.title
        .replaceAll('{y}', String(year))
        .replaceAll('{u}', unit.type === 'department' || unit.type === 'utility' ? unit.name : unit.shortName)
        .replaceAll('{q}', String(1 + Math.floor(random() * 4)));
      const topic: Topic = fieldCode ? FIELD_TOPICS[fieldCode]! : '综合政务';
      const reg = fieldCode ? regulation(pick(random, FIELD_REGULATIONS[fieldCode]!)) : regulationText;
      const writtenOn = shiftDate(date, -Math.floor(random() * 6));
      const entry = fieldCode ? fileUnder(publisherCode, fieldCode) : undefined;
      // Most information is published well within its 20 working days; about one item in seven is late.
      const formedDaysBefore = random() < 0.15 ? 32 + Math.floor(random() * 25) : Math.floor(random() * 18);
      plan({
        publisherCode,
        orgCode: unit.code,
        date,
        attachment: random() < 0.12 ? 'pdf' : random() < 0.04 ? 'png' : undefined,
        numbering: { unit, year, genre: template.genre },
        input: {
          catalogEntryKey: entry?.key ?? null,
          formedOn: entry ? shiftDate(writtenOn, -formedDaysBefore) : null,
          title,
          topic,
          genre: template.genre,
          isNormative: template.normative ?? false,
          writtenOn,
          publishedOn: date,
          fieldCode,
          keywords: fieldCode ? [title.slice(0, 2) === '关于' ? title.slice(2, 8) : title.slice(0, 6)] : [],
          bodyHtml: demoBody({ random, title, unitName: unit.name, regulation: reg, date: writtenOn }),
        },
      });
    }
  }

  planned.sort((a, b) => a.date.localeCompare(b.date));
  for (const { numbering, ...spec } of planned) {
    const number = numbering ? docNumber(numbering.unit, numbering.year, numbering.genre) : undefined;
    await publishDocument(number ? { ...spec, input: { ...spec.input, docNumber: number } } : spec);
  }

  const scene: DemoScene = {
    stores: deps.stores,
    workflow,
    clock,
    orgs,
    actors,
    editorOf,
    reviewerOf,
    office,
    publishDocument,
    today,
    thisYear,
    random,
    regulation,
  };
  const interpretations = await seedDemoInterpretations(scene, deps, normative);
  published += interpretations;
  published += await seedDemoConcerns(scene, deps, normative);
  published += await seedDemoServices(scene, deps);
  // Awaited first: `published += await …` would read the count before the scene's own publications.
  const publishedOutsideSpecs = await seedWorkflowStates(scene);
  published += publishedOutsideSpecs;
  await seedCatalogReviewStates(scene);
  await seedDemoRequests({
    stores: deps.stores,
    uow: deps.uow,
    cipher: deps.cipher,
    files: { files: deps.files, sniff: deps.sniff },
    orgs,
    actors,
    random,
    today,
  });
  published += await seedDemoReports({
    stores: deps.stores,
    uow: deps.uow,
    sanitiser: deps.sanitiser,
    files: deps.files,
    sniff: deps.sniff,
    maxUploadBytes: deps.maxUploadBytes,
    reportFiles: deps.reportFiles,
    actors,
    year: thisYear - 1,
  });
  await saveSynonyms({ uow: deps.uow, clock, actor: office, text: DEMO_SYNONYMS });
  await seedDemoNotifications(scene);
  await seedDemoParticipation(scene);
  await seedDemoMessages(scene, deps.cipher);
  await seedDemoHearings(scene, deps.cipher);
  await seedDemoSurveys(scene);
  await seedDemoInterviews(scene);

  const featured = users.filter(
    (u) =>
      u.username === 'sysadmin' ||
      u.username.startsWith('district.') ||
      FEATURED_UNITS.some((code) => u.homeCode === code),
  );
  return { orgs: orgs.size, users: users.length, published, logins: featured };
}

/** True when the database holds no units yet, so the demo may be loaded. */
export async function isDatabaseEmpty(stores: Pick<Stores, 'orgs'>): Promise<boolean> {
  return (await stores.orgs.count()) === 0;
}
