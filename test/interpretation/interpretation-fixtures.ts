import { submitGraphicInterpretation, type GraphicBlockInput } from '../../src/modules/interpretation/index.ts';
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../src/modules/documents/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import type { DialectCase } from '../databases.ts';
import { publishedDocument, seedFixture, type Fixture } from '../fixtures.ts';
import { signedIn, type CookieJar } from '../http/http-kit.ts';

/**
 * The blocks of a typical graphic interpretation (图解): headings, paragraphs, a key figure, a bar
 * chart and a line chart, about 600 characters in all.
 */
export const TYPICAL_BLOCKS: GraphicBlockInput[] = [
  { kind: 'heading', text: '一、为什么要修订实施办法' },
  {
    kind: 'text',
    text:
      '为贯彻落实国家和省关于健全分层分类社会救助体系的部署，进一步规范城乡最低生活保障工作，' +
      '区民政局会同区财政局对2019年版实施办法进行了修订，重点解决申请程序繁琐、认定标准不统一等问题。\n\n' +
      '修订后的办法自2026年4月1日起施行，原办法同时废止。',
  },
  { kind: 'figure', value: '1000', unit: '元/人·月', caption: '2026年城乡低保标准' },
  {
    kind: 'chart',
    chartType: 'bar',
    title: '城乡低保和特困供养人数',
    unit: '人',
    description: '2025年城乡低保1350人，比2024年增加150人；特困供养320人，比2024年增加20人。',
    dataText: '项目\t2024年\t2025年\n城乡低保\t1200\t1350\n特困供养\t300\t320',
  },
  { kind: 'heading', text: '二、主要变化' },
  {
    kind: 'text',
    text:
      '（一）放宽认定条件：家庭人均收入低于当地低保标准、且财产状况符合规定的，可以申请低保；' +
      '重病、重残人员可以单独申请（简称“单人户”）。（二）简化办理程序：申请人可以通过“一网通办”平台' +
      '在线申请，也可以到户籍所在地或者居住地的乡镇人民政府（街道办事处）窗口申请，审核确认时限由30个工作日缩短为20个工作日。',
  },
  {
    kind: 'chart',
    chartType: 'line',
    title: '低保标准的变化',
    unit: '元',
    description: '城乡低保标准从2022年的每人每月800元逐年提高到2026年的1000元。',
    dataText: '年份\t低保标准\n2022年\t800\n2023年\t850\n2024年\t900\n2025年\t950\n2026年\t1000',
  },
];

/** Submits a graphic interpretation of `policyDocumentId` as `editor` of `org`; returns its document id. */
export async function submitInterpretation(
  app: TestApp,
  fixture: Fixture,
  options: { org: string; editor: string; policyDocumentId: string; title?: string; blocks?: GraphicBlockInput[] },
): Promise<{ documentId: string; editionId: string }> {
  const { document, edition } = await submitGraphicInterpretation({
    uow: app.uow,
    stores: app.stores,
    clock: app.clock,
    sanitiser: app.sanitiser,
    files: app.files,
    sniff: app.sniff,
    maxUploadBytes: app.config.maxUploadBytes,
    charts: app.charts,
    actor: fixture.staff(options.editor),
    orgId: fixture.orgs.get(options.org)!.id,
    documentId: null,
    input: {
      title: options.title ?? '一图读懂《测试区城乡最低生活保障实施办法》',
      policyDocumentIds: [options.policyDocumentId],
      blocks: options.blocks ?? TYPICAL_BLOCKS,
    },
  });
  return { documentId: document.id, editionId: edition.id };
}

/**
 * What the interpretation suites start from, on 2026-03-02 10:00 China time: an editor and a
 * reviewer of 民政 (civ) and an editor of another unit (edu), a published normative policy of civ, the
 * server, and civ's editor signed in.
 */
export async function startPolicySite(
  dialect: DialectCase,
  options: { env?: Record<string, string> } = {},
): Promise<{ app: TestApp; fixture: Fixture; policy: Edition; server: FastifyInstance; editor: CookieJar }> {
  const app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z', ...options });
  const fixture = await seedFixture(app, [
    { role: 'editor', org: 'civ' },
    { role: 'reviewer', org: 'civ' },
    { role: 'editor', org: 'edu' },
  ]);
  const policy = await publishedDocument(app, fixture, {
    org: 'civ',
    editor: 'civ.editor',
    reviewer: 'civ.reviewer',
    content: {
      title: '测试区城乡最低生活保障实施办法',
      genre: '办法',
      isNormative: true,
      docNumber: '测民发〔2026〕3号',
    },
  });
  const server = await createTestServer(app);
  return { app, fixture, policy, server, editor: await signedIn(server, 'civ.editor') };
}
