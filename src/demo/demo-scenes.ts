import type { StaffActor } from '../modules/access/index.ts';
import {
  approveCatalog,
  removeCatalogEntry,
  returnCatalog,
  saveCatalogEntry,
  startCatalogVersion,
  submitCatalog,
} from '../modules/catalog/index.ts';
import {
  createDraft,
  createNewEdition,
  forcePublishEdition,
  publishEdition,
  rejectEdition,
  submitEdition,
  updateDraft,
  withdrawEdition,
  type Edition,
  type EditionContentInput,
} from '../modules/documents/index.ts';
import type { Org } from '../modules/orgs/index.ts';
import type { FixedClock } from '../platform/clock.ts';
import type { RichTextSanitiser } from '../platform/sanitize.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';
import type { Stores } from '../adapters/db/stores.ts';
import { FIELD_REGULATIONS, FIELD_TOPICS, demoBody, type Regulation } from './content.ts';
import { shiftDate } from './demo-text.ts';

/** One demo document to write, submit and publish on `date` (China time). */
export type PublishSpec = {
  publisherCode: string;
  orgCode: string;
  date: string;
  input: Omit<EditionContentInput, 'issuer'> & { issuer?: string };
  attachment?: 'pdf' | 'png' | undefined;
};

/** What the scenes of the demo district share while it is being loaded. */
export type DemoScene = {
  stores: Stores;
  workflow: { uow: UnitOfWork<Stores>; clock: FixedClock; sanitiser: RichTextSanitiser };
  clock: FixedClock;
  orgs: Map<string, Org>;
  actors: Map<string, StaffActor>;
  editorOf: (unitCode: string) => StaffActor;
  reviewerOf: (unitCode: string) => StaffActor;
  /** The district office's administrator, who reviews catalogs. */
  office: StaffActor;
  publishDocument: (spec: PublishSpec) => Promise<Edition>;
  today: string;
  thisYear: number;
  random: () => number;
  regulation: (title: string) => Regulation | undefined;
};

/**
 * The document workflow in every state, so the back office shows each one: a second edition with
 * its change note, a withdrawal, a draft, one awaiting review, one returned, and a force-publication
 * awaiting approval afterwards.
 * @returns how many documents it published besides those through `publishDocument`.
 */
export async function seedWorkflowStates(scene: DemoScene): Promise<number> {
  const { workflow, clock, orgs, actors, editorOf, reviewerOf, publishDocument, today, thisYear, random, regulation } =
    scene;
  // The workflow in every state, so the back office shows each one.
  const recent = shiftDate(today, -3);
  const lastWeek = shiftDate(today, -7);
  const changed = await publishDocument({
    publisherCode: 'sfq-mzj',
    orgCode: 'sfq-mzj',
    date: shiftDate(today, -40),
    attachment: 'pdf',
    input: {
      title: `关于提高${thisYear}年城乡最低生活保障标准的通知`,
      docNumber: `示民〔${thisYear}〕40号`,
      topic: '民政、扶贫、救灾',
      genre: '通知',
      isNormative: true,
      writtenOn: shiftDate(today, -42),
      fieldCode: '20',
      bodyHtml: demoBody({
        random,
        title: '最低生活保障标准',
        unitName: '示范区民政局',
        regulation: regulation('城市居民最低生活保障条例'),
        date: shiftDate(today, -42),
      }),
    },
  });
  clock.set(`${lastWeek}T01:00:00Z`);
  const second = await createNewEdition({ ...workflow, actor: editorOf('sfq-mzj'), documentId: changed.documentId });
  await updateDraft({
    ...workflow,
    actor: editorOf('sfq-mzj'),
    editionId: second.id,
    input: {
      ...second.content,
      docNumber: second.content.docNumber,
      changeNote: '更正第三条中的保障标准执行时间。',
      isMajor: true,
    },
  });
  await submitEdition({ ...workflow, actor: editorOf('sfq-mzj'), editionId: second.id });
  clock.set(`${lastWeek}T03:00:00Z`);
  await publishEdition({ ...workflow, actor: reviewerOf('sfq-mzj'), editionId: second.id });

  const toWithdraw = await publishDocument({
    publisherCode: 'sfq-scj',
    orgCode: 'sfq-scj',
    date: shiftDate(today, -20),
    input: {
      title: `${thisYear}年第二期食品安全监督抽检信息（旧版）`,
      topic: '市场监管、安全生产监管',
      genre: '公告',
      fieldCode: '16',
      writtenOn: shiftDate(today, -21),
      bodyHtml: demoBody({
        random,
        title: '食品安全监督抽检',
        unitName: '示范区市场监督管理局',
        regulation: regulation('国务院关于加强食品等产品安全监督管理的特别规定'),
        date: shiftDate(today, -21),
      }),
    },
  });
  clock.set(`${recent}T02:00:00Z`);
  await withdrawEdition({
    ...workflow,
    actor: reviewerOf('sfq-scj'),
    editionId: toWithdraw.id,
    reason: '抽检结果复检后更正，请以新发布的信息为准。',
  });

  const draftInput = (title: string, fieldCode: string, unitName: string): EditionContentInput => ({
    title,
    issuer: '',
    topic: FIELD_TOPICS[fieldCode]!,
    genre: '通知',
    fieldCode,
    writtenOn: recent,
    bodyHtml: demoBody({
      random,
      title,
      unitName,
      regulation: regulation(FIELD_REGULATIONS[fieldCode]![0]!),
      date: recent,
    }),
  });
  clock.set(`${recent}T03:00:00Z`);
  await createDraft({
    ...workflow,
    actor: editorOf('sfq-jyj'),
    orgId: orgs.get('sfq-jyj')!.id,
    input: draftInput(`关于做好${thisYear + 1}年寒假学生安全教育工作的通知`, '24', '示范区教育局'),
  });
  const waiting = await createDraft({
    ...workflow,
    actor: editorOf('sfq-jyj'),
    orgId: orgs.get('sfq-jyj')!.id,
    input: draftInput(`示范区${thisYear}年秋季学期义务教育学校课后服务收费标准`, '24', '示范区教育局'),
  });
  await submitEdition({ ...workflow, actor: editorOf('sfq-jyj'), editionId: waiting.edition.id });
  const returned = await createDraft({
    ...workflow,
    actor: editorOf('sfq-qsz'),
    orgId: orgs.get('sfq-qsz')!.id,
    input: draftInput(`青石镇${thisYear}年第四季度最低生活保障对象名单公示`, '20', '示范区青石镇人民政府'),
  });
  await submitEdition({ ...workflow, actor: editorOf('sfq-qsz'), editionId: returned.edition.id });
  await rejectEdition({
    ...workflow,
    actor: reviewerOf('sfq-qsz'),
    editionId: returned.edition.id,
    reason: '名单中含有身份证号码，请按规定隐去后再提交。',
  });
  const urgent = await createDraft({
    ...workflow,
    actor: editorOf('sfq-yjj'),
    orgId: orgs.get('sfq-yjj')!.id,
    input: draftInput('关于防范强降雨天气的紧急通知', '05', '示范区应急管理局'),
  });
  await forcePublishEdition({
    ...workflow,
    actor: actors.get('yjj.admin')!,
    editionId: urgent.edition.id,
    reason: '暴雨预警升级，审核人员外出检查，须立即发布。',
  });
  return 2;
}

/**
 * Catalogs in every review state: 青石镇 adjusted its catalog (a second published version, so the
 * public sees what changed), 民政局's adjustment was returned with comments, 白沙镇's awaits review.
 */
export async function seedCatalogReviewStates(scene: DemoScene): Promise<void> {
  const { stores, workflow, clock, orgs, editorOf, office, today } = scene;
  // Catalogs in every review state: 青石镇 adjusted its catalog (a second published version, so the
  // public sees what changed), 民政局's adjustment was returned with comments, 白沙镇's awaits review.
  clock.set(`${shiftDate(today, -30)}T02:00:00Z`);
  const qsz = await startCatalogVersion({ ...workflow, actor: editorOf('sfq-qsz'), orgId: orgs.get('sfq-qsz')!.id });
  const [qszFirst, qszSecond] = await stores.catalogs.entriesOf(qsz.id);
  await saveCatalogEntry({
    ...workflow,
    actor: editorOf('sfq-qsz'),
    versionId: qsz.id,
    entryId: qszFirst!.id,
    content: {
      ...qszFirst!,
      mode: { proactive: true, onRequest: true },
      channels: [...new Set([...qszFirst!.channels, '社区/企事业单位/村公示栏(电子屏)' as const])],
    },
  });
  await removeCatalogEntry({ ...workflow, actor: editorOf('sfq-qsz'), entryId: qszSecond!.id });
  await submitCatalog({ ...workflow, actor: editorOf('sfq-qsz'), versionId: qsz.id });
  await approveCatalog({ ...workflow, actor: office, versionId: qsz.id });

  clock.set(`${shiftDate(today, -5)}T02:00:00Z`);
  const mzj = await startCatalogVersion({ ...workflow, actor: editorOf('sfq-mzj'), orgId: orgs.get('sfq-mzj')!.id });
  const [mzjFirst] = await stores.catalogs.entriesOf(mzj.id);
  await saveCatalogEntry({
    ...workflow,
    actor: editorOf('sfq-mzj'),
    versionId: mzj.id,
    entryId: mzjFirst!.id,
    content: { ...mzjFirst!, timeLimit: { kind: 'timely' } },
  });
  await submitCatalog({ ...workflow, actor: editorOf('sfq-mzj'), versionId: mzj.id });
  await returnCatalog({
    ...workflow,
    actor: office,
    versionId: mzj.id,
    comment: '请按国家标准指引核对公开时限。',
    entryComments: { [mzjFirst!.id]: '政策文件应在形成之日起20个工作日内公开，不宜改为“及时公开”。' },
  });

  const bsz = await startCatalogVersion({ ...workflow, actor: editorOf('sfq-bsz'), orgId: orgs.get('sfq-bsz')!.id });
  const [bszFirst] = await stores.catalogs.entriesOf(bsz.id);
  await saveCatalogEntry({
    ...workflow,
    actor: editorOf('sfq-bsz'),
    versionId: bsz.id,
    content: {
      ...bszFirst!,
      itemL1: '村级事务',
      itemL2: '低保对象公示',
      contentElements: ['村（居）委员会评议结果', '拟保障对象名单（隐去身份证号等个人隐私）'],
      levels: ['township', 'village'],
    },
  });
  await submitCatalog({ ...workflow, actor: editorOf('sfq-bsz'), versionId: bsz.id });
}
