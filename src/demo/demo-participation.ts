import type { Actor, StaffActor } from '../modules/access/index.ts';
import {
  saveDecision,
  completeConsultation,
  disposeComments,
  moderateComment,
  publishConsultation,
  reviseDraft,
  saveDraft,
  submitComment,
  type Consultation,
  type ConsultationComment,
  type Disposition,
} from '../modules/participation/index.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

/**
 * Keys the demo comments' sender hashes. The addresses are documentation ones (RFC 5737), so the
 * hashes match no real visitor whatever the key; a fixed key keeps the demo reproducible.
 */
const DEMO_SENDER_SECRET = 'shifanqu-demo-participation';

/** A resident's comment of the demo: who (an invented demo name, or none), on which paragraph, when. */
type DemoComment = {
  /** Days from the seeding day (negative: before it). */
  day: number;
  /** The paragraph of the version current on that day, or null for the whole draft. */
  paragraph: number | null;
  name: string;
  body: string;
  /** Hidden by the officer with this reason the next day. */
  hiddenReason?: string;
  /** The disposition the officer gave, with its reason and its group of like comments. */
  disposition?: { result: Disposition; reason: string; group?: string };
};

/** One consultation of the demo, dated relative to the seeding day so its phase is right at any time. */
type DemoConsultation = {
  orgCode: string;
  title: string;
  summary: string;
  major: boolean;
  /** First and last day comments are taken, relative to the seeding day. */
  opensDay: number;
  closesDay: number;
  draftedDay: number;
  /** When it was published; none for a draft. */
  publishedDay: number | null;
  paragraphs: string[];
  revision?: { day: number; paragraphs: string[]; note: string };
  comments: DemoComment[];
  /** The day the officer gave the dispositions (those listed in `comments`). */
  disposedDay?: number;
  completion?: { day: number; reportSummary: string; finalDocument: { orgCode: string; query: string } };
};

const ELDERLY_CARE: DemoConsultation = {
  orgCode: 'sfq-mzj',
  title: '示范区居家养老服务补贴实施办法（征求意见稿）',
  summary:
    '为落实居家养老服务政策，减轻经济困难老年人的照护负担，区民政局起草了本办法，现向社会公开征求意见。（示范区演示数据）',
  major: true,
  opensDay: -100,
  closesDay: -71,
  draftedDay: -104,
  publishedDay: -102,
  paragraphs: [
    '第一条 为规范本区居家养老服务补贴工作，保障经济困难老年人的基本照护需求，结合本区实际，制定本办法。',
    '第二条 本办法适用于具有本区户籍、在本区居住、年满80周岁的经济困难老年人。',
    '第三条 居家养老服务补贴标准为每人每月200元，以服务券形式发放，用于购买助餐、助洁、助浴等上门服务。',
    '第四条 申请人向户籍所在地街道办事处或镇人民政府提出申请，提交身份证明、收入证明和居住证明。',
    '第五条 服务券仅限在区民政局公布的定点服务机构使用，不得兑换现金。',
    '第六条 本办法自发布之日起施行。',
  ],
  revision: {
    day: -86,
    paragraphs: [
      '第一条 为规范本区居家养老服务补贴工作，保障经济困难老年人的基本照护需求，结合本区实际，制定本办法。',
      '第二条 本办法适用于具有本区户籍、在本区居住、年满80周岁的经济困难老年人；年满70周岁的独居、失能经济困难老年人参照执行。',
      '第三条 居家养老服务补贴标准为每人每月200元，以服务券形式发放，用于购买助餐、助洁、助浴等上门服务。',
      '第四条 申请人可以通过“示范区政务服务网”在线申请，也可以向户籍所在地街道办事处或镇人民政府提出申请；能够通过部门间共享获取的材料，不再要求申请人提交。',
      '第五条 服务券仅限在区民政局公布的定点服务机构使用，不得兑换现金。',
      '第六条 区民政局每年对定点服务机构的服务质量进行考核，并向社会公布考核结果。',
      '第七条 本办法自发布之日起施行。',
    ],
    note: '根据前期意见，扩大参照执行的对象范围，增加在线申请和定点服务机构考核的规定。',
  },
  comments: [
    {
      day: -97,
      paragraph: 2,
      name: '示范居民甲',
      body: '建议把70岁以上的独居老人也纳入补贴范围，他们更需要上门服务。',
      disposition: {
        result: 'partly',
        reason: '已将年满70周岁的独居、失能经济困难老年人纳入参照执行范围；其他70周岁以上老年人暂不纳入。',
        group: '补贴对象范围',
      },
    },
    {
      day: -95,
      paragraph: 2,
      name: '',
      body: '希望不要只看年龄，失能老人不论多少岁都应该享受补贴。',
      disposition: {
        result: 'partly',
        reason: '已将年满70周岁的独居、失能经济困难老年人纳入参照执行范围；其他70周岁以上老年人暂不纳入。',
        group: '补贴对象范围',
      },
    },
    {
      day: -93,
      paragraph: 4,
      name: '示范居民乙',
      body: '申请要跑街道好几趟，建议可以在网上申请，收入证明能不能由部门之间直接核对。',
      disposition: { result: 'adopted', reason: '第四条已增加在线申请，并明确共享获取的材料不再要求提交。' },
    },
    {
      day: -91,
      paragraph: null,
      name: '示范居民丙',
      body: '上门护理找我们家政公司，价格优惠，电话见店招。',
      hiddenReason: '含广告内容',
    },
    {
      day: -84,
      paragraph: 3,
      name: '示范居民丁',
      body: '每月200元偏低，建议提高到每月300元。',
      disposition: {
        result: 'rejected',
        reason: '补贴标准经区财政测算确定，本轮暂不调整，今后将根据财力状况适时调整。',
        group: '补贴标准',
      },
    },
    {
      day: -80,
      paragraph: 3,
      name: '',
      body: '建议补贴标准每年随物价水平调整。',
      disposition: {
        result: 'rejected',
        reason: '补贴标准经区财政测算确定，本轮暂不调整，今后将根据财力状况适时调整。',
        group: '补贴标准',
      },
    },
    {
      day: -77,
      paragraph: 5,
      name: '示范居民戊',
      body: '服务券能不能用来购买轮椅、助行器等康复辅具？',
      disposition: {
        result: 'rejected',
        reason: '康复辅具适配另有专门的补贴政策，本办法的服务券用于购买上门服务。',
      },
    },
    {
      day: -74,
      paragraph: 6,
      name: '示范居民己',
      body: '考核结果公布后，考核不合格的服务机构要及时退出定点名单。',
      disposition: { result: 'adopted', reason: '' },
    },
  ],
  disposedDay: -66,
  completion: {
    day: -62,
    reportSummary:
      '征求意见期间共收到意见8条，其中1条含广告内容未予公开。公开的7条意见中，采纳2条，部分采纳2条，未采纳3条。感谢社会各界的关心和支持。（示范区演示数据）',
    finalDocument: { orgCode: 'sfq-mzj', query: '养老服务' },
  },
};

const PARKING: DemoConsultation = {
  orgCode: 'sfq-zrj',
  title: '示范区南湖片区公共停车设施布局规划（征求意见稿）',
  summary: '为缓解南湖片区停车难问题，区自然资源和规划局编制了本规划，现公开征求意见。（示范区演示数据）',
  major: false,
  opensDay: -40,
  closesDay: -11,
  draftedDay: -43,
  publishedDay: -42,
  paragraphs: [
    '一、规划范围为南湖街道辖区，规划期限至2030年。',
    '二、新建公共停车场5处，新增停车泊位约1200个，优先利用边角地和闲置地块。',
    '三、鼓励机关、企事业单位内部停车场在夜间和节假日向社会开放。',
    '四、在学校、医院周边设置临时停车和接送车位，实行限时停放。',
    '五、新建停车场同步配建不少于20%的充电车位。',
  ],
  comments: [
    {
      day: -38,
      paragraph: 2,
      name: '示范居民庚',
      body: '南桥社区附近老旧小区最缺车位，建议优先在那里建停车场。',
      disposition: { result: 'adopted', reason: '已将南桥社区周边地块列为首批建设点位。' },
    },
    {
      day: -33,
      paragraph: 3,
      name: '',
      body: '单位停车场夜间开放后，安全和收费谁来管理？建议写清楚。',
      disposition: { result: 'partly', reason: '管理责任将在配套的开放共享实施细则中明确，本规划不作具体规定。' },
    },
    {
      day: -27,
      paragraph: 4,
      name: '示范居民辛',
      body: '学校周边接送车位建议只在上下学时段开放，其余时间作为公共车位。',
    },
    { day: -21, paragraph: 5, name: '', body: '充电车位比例20%偏低，建议提高到30%。' },
    { day: -16, paragraph: null, name: '示范居民壬', body: '希望规划实施后能在网上公布每个停车场的空余泊位。' },
    { day: -13, paragraph: 2, name: '示范居民癸', body: '建议停车场建设时保留现有的行道树。' },
  ],
  disposedDay: -4,
};

const AFTER_SCHOOL: DemoConsultation = {
  orgCode: 'sfq-jyj',
  title: '示范区中小学课后服务实施办法（征求意见稿）',
  summary:
    '为规范课后服务、减轻家长接送负担，区教育局起草了本办法。本办法涉及面广，按重大行政决策程序征求意见，期限30日。（示范区演示数据）',
  major: true,
  opensDay: -12,
  closesDay: 18,
  draftedDay: -16,
  publishedDay: -14,
  paragraphs: [
    '第一条 为规范本区中小学课后服务，减轻家长负担，促进学生全面发展，制定本办法。',
    '第二条 课后服务每周一至周五开展，每天服务结束时间不早于当地正常下班时间。',
    '第三条 课后服务以学生自主学习、文体活动和兴趣小组为主，不得讲授新课。',
    '第四条 学生自愿参加课后服务，由家长提出申请，学校不得强制或者变相强制。',
    '第五条 课后服务所需经费由财政补助和服务性收费共同承担，收费标准另行公布。',
    '第六条 本办法自发布之日起施行。',
  ],
  revision: {
    day: -4,
    paragraphs: [
      '第一条 为规范本区中小学课后服务，减轻家长负担，促进学生全面发展，制定本办法。',
      '第二条 课后服务每周一至周五开展，每天服务结束时间不早于当地正常下班时间；有特殊需要的学生，学校应当提供延时托管服务。',
      '第三条 课后服务以学生自主学习、文体活动和兴趣小组为主，不得讲授新课。',
      '第四条 学生自愿参加课后服务，由家长提出申请，学校不得强制或者变相强制。',
      '第五条 课后服务所需经费由财政补助和服务性收费共同承担，收费标准另行公布；经济困难家庭学生免收服务性收费。',
      '第六条 本办法自发布之日起施行。',
    ],
    note: '根据前期意见，增加延时托管服务和经济困难家庭学生免费的规定。',
  },
  comments: [
    {
      day: -11,
      paragraph: 2,
      name: '示范家长甲',
      body: '双职工家庭下班晚，希望学校能提供延时托管到晚上6点半。',
    },
    {
      day: -10,
      paragraph: 5,
      name: '',
      body: '建议对低保家庭的孩子免收课后服务费用。',
    },
    {
      day: -9,
      paragraph: null,
      name: '示范家长乙',
      body: '总体支持，希望课后服务多安排体育活动。',
    },
    {
      day: -7,
      paragraph: 3,
      name: '示范家长丙',
      body: '周末和假期有偿补课班，报名请加微信。',
      hiddenReason: '含广告内容',
    },
    {
      day: -3,
      paragraph: 4,
      name: '示范家长丁',
      body: '建议学校每学期开学前公布课后服务的内容和老师安排，方便家长选择。',
    },
    {
      day: -2,
      paragraph: 2,
      name: '',
      body: '延时托管的老师是否有额外补助？建议在办法中写明。',
    },
    {
      day: -1,
      paragraph: null,
      name: '示范家长戊',
      body: '建议在办法中写明课后服务的安全管理责任。',
    },
  ],
};

const WASTE_SORTING: DemoConsultation = {
  orgCode: 'sfq-cgj',
  title: '示范区生活垃圾分类管理办法（征求意见稿）',
  summary: '为推进生活垃圾分类，区城市管理局起草了本办法，将于近期公开征求意见。（示范区演示数据）',
  major: true,
  opensDay: 5,
  closesDay: 35,
  draftedDay: -6,
  publishedDay: -1,
  paragraphs: [
    '第一条 为推进生活垃圾减量化、资源化、无害化，改善人居环境，制定本办法。',
    '第二条 本区生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。',
    '第三条 居民应当按照分类标准将生活垃圾投放至相应的收集容器。',
    '第四条 物业服务企业是所管理区域的分类投放管理责任人。',
    '第五条 本办法自发布之日起施行。',
  ],
  comments: [],
};

const LIFT_SUBSIDY: DemoConsultation = {
  orgCode: 'sfq-zjj',
  title: '示范区既有住宅加装电梯补贴办法（草稿）',
  summary: '区住房和城乡建设局正在起草，尚未发布。（示范区演示数据）',
  major: false,
  opensDay: 10,
  closesDay: 39,
  draftedDay: -2,
  publishedDay: null,
  paragraphs: [
    '第一条 为支持既有住宅加装电梯，方便居民出行，制定本办法。',
    '第二条 本区城镇既有住宅加装电梯的，每台给予一次性补贴。',
    '第三条 补贴标准和申请程序另行制定。',
  ],
  comments: [],
};

/**
 * Consultations on drafts (意见征集) in every phase, made through the participation module's use
 * cases by the district's interaction officer and invented residents (示范居民甲, …): a completed
 * one with every comment disposed, some in groups, and its adoption report linking a demo document;
 * one closed and awaiting dispositions (two given); one open, on its second version, with comments
 * on paragraphs and on the whole draft, one hidden; one published that opens in a few days; and a
 * draft. Every instant is a day before or after the seeding day, so the phases hold at any hour.
 */
export async function seedDemoParticipation(scene: DemoScene): Promise<void> {
  const officer = scene.actors.get('district.hudong')!;
  let resident = 0;
  for (const spec of [ELDERLY_CARE, PARKING, AFTER_SCHOOL, WASTE_SORTING, LIFT_SUBSIDY]) {
    resident = await seedConsultation(scene, officer, spec, resident);
  }
  await seedDecisionDirectory(scene, officer);
}

/**
 * The year's directory of major decisions (重大行政决策事项目录): each consultation's decision with the
 * methods used, and two items without one — decided, and still planned.
 */
async function seedDecisionDirectory(scene: DemoScene, officer: StaffActor): Promise<void> {
  scene.clock.set(`${shiftDate(scene.today, -1)}T03:00:00Z`);
  const { items } = await scene.stores.consultations.list({ orgIds: null, publicOnly: false, limit: 50, offset: 0 });
  const year = scene.today.slice(0, 4);
  const entries: { orgCode: string; title: string; methods: string[]; status: string; consultation?: string }[] = [
    {
      orgCode: 'sfq-mzj',
      title: '示范区居家养老服务补贴办法',
      methods: ['consultation', 'hearing', 'risk', 'legal'],
      status: 'review',
      consultation: ELDERLY_CARE.title,
    },
    {
      orgCode: 'sfq-zrj',
      title: '示范区中心城区停车设施专项规划',
      methods: ['consultation', 'expert', 'survey'],
      status: 'participation',
      consultation: PARKING.title,
    },
    {
      orgCode: 'sfq-jyj',
      title: '示范区中小学课后服务实施办法',
      methods: ['consultation', 'symposium'],
      status: 'participation',
      consultation: AFTER_SCHOOL.title,
    },
    {
      orgCode: 'sfq-cgj',
      title: '示范区生活垃圾分类管理办法',
      methods: ['consultation', 'visit'],
      status: 'planned',
      consultation: WASTE_SORTING.title,
    },
    {
      orgCode: 'sfq-zjj',
      title: '示范区既有住宅加装电梯补贴办法',
      methods: ['consultation', 'hearing'],
      status: 'planned',
      consultation: LIFT_SUBSIDY.title,
    },
    {
      orgCode: 'sfq-mzj',
      title: '示范区社区食堂建设运营扶持政策',
      methods: ['symposium', 'survey', 'legal'],
      status: 'decided',
    },
  ];
  for (const entry of entries) {
    const consultation = entry.consultation ? items.find((c) => c.title === entry.consultation) : undefined;
    await saveDecision({
      uow: scene.workflow.uow,
      clock: scene.clock,
      actor: officer,
      decisionId: null,
      input: {
        orgId: scene.orgs.get(entry.orgCode)!.id,
        year,
        title: entry.title,
        summary: '（示范区演示数据）',
        basis: '《重大行政决策程序暂行条例》',
        methods: entry.methods,
        status: entry.status,
        plannedTime: `${year}年第四季度`,
        consultationId: consultation?.id ?? '',
        decidedOn: entry.status === 'decided' ? shiftDate(scene.today, -30) : '',
        resultLink: entry.status === 'decided' ? `/xxgk/fdzdgknr?org=${entry.orgCode}` : '',
        withdrawnReason: '',
      },
    });
  }
}

/** Seeds one consultation; returns the number of residents' addresses used so far. */
async function seedConsultation(
  scene: DemoScene,
  officer: StaffActor,
  spec: DemoConsultation,
  firstResident: number,
): Promise<number> {
  const { clock } = scene;
  const base = { uow: scene.workflow.uow, clock, actor: officer };
  // Office hours on a day other than the seeding day, China time (UTC+8).
  const at = (day: number, hour = 2, minute = 0) =>
    `${shiftDate(scene.today, day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;

  clock.set(at(spec.draftedDay));
  let consultation: Consultation = await saveDraft({
    ...base,
    consultationId: null,
    input: {
      orgId: scene.orgs.get(spec.orgCode)!.id,
      title: spec.title,
      summary: spec.summary,
      major: spec.major,
      shortReason: '',
      opensOn: shiftDate(scene.today, spec.opensDay),
      closesOn: shiftDate(scene.today, spec.closesDay),
      text: spec.paragraphs.join('\n'),
    },
  });
  if (spec.publishedDay === null) return firstResident;
  clock.set(at(spec.publishedDay, 1));
  consultation = await publishConsultation({ ...base, consultationId: consultation.id });

  // Comments and the revision in date order, so each comment is on the version current that day.
  const events = [
    ...spec.comments.map((comment) => ({ day: comment.day, comment })),
    ...(spec.revision ? [{ day: spec.revision.day, comment: undefined }] : []),
  ].sort((a, b) => a.day - b.day);
  let resident = firstResident;
  const made: { spec: DemoComment; comment: ConsultationComment }[] = [];
  for (const event of events) {
    if (!event.comment) {
      clock.set(at(event.day, 7));
      await reviseDraft({
        ...base,
        consultationId: consultation.id,
        input: { text: spec.revision!.paragraphs.join('\n'), note: spec.revision!.note },
      });
      continue;
    }
    resident++;
    clock.set(at(event.day, 3 + (resident % 6), (resident * 7) % 60));
    // A documentation address (RFC 5737, TEST-NET-1) per resident: the limits per address apply.
    const actor: Actor = { kind: 'public', ip: `192.0.2.${resident}` };
    const comment = await submitComment({
      uow: scene.workflow.uow,
      clock,
      actor,
      secret: DEMO_SENDER_SECRET,
      consultationId: consultation.id,
      input: { body: event.comment.body, name: event.comment.name, paragraph: event.comment.paragraph },
    });
    made.push({ spec: event.comment, comment });
    if (event.comment.hiddenReason) {
      clock.set(at(event.day + 1, 1));
      await moderateComment({
        ...base,
        consultationId: consultation.id,
        input: { commentId: comment.id, hide: true, reason: event.comment.hiddenReason },
      });
    }
  }

  const dispositions = made.filter((entry) => entry.spec.disposition);
  if (spec.disposedDay !== undefined && dispositions.length > 0) {
    clock.set(at(spec.disposedDay, 6));
    await disposeComments({
      ...base,
      consultationId: consultation.id,
      input: dispositions.map(({ spec: comment, comment: { id } }) => ({
        commentId: id,
        disposition: comment.disposition!.result,
        reason: comment.disposition!.reason,
        group: comment.disposition!.group ?? '',
      })),
    });
  }

  if (spec.completion) {
    const { day, reportSummary, finalDocument } = spec.completion;
    clock.set(at(day, 7));
    await completeConsultation({
      ...base,
      consultationId: consultation.id,
      input: { finalLink: await finalLinkOf(scene, finalDocument, shiftDate(scene.today, day)), reportSummary },
    });
  }
  return resident;
}

/**
 * The final document's address: the unit's newest public document on the subject published by the
 * completion day, else its column; the demo's documents are random, so one may not exist.
 */
async function finalLinkOf(scene: DemoScene, target: { orgCode: string; query: string }, by: string): Promise<string> {
  const found = await scene.stores.documents.findEditions(
    { kind: 'public' },
    { orgSubtreeOf: scene.orgs.get(target.orgCode)!.id, query: target.query, publishedTo: by },
    { offset: 0, limit: 1 },
  );
  const document = found.items[0]?.document;
  return document ? `/xxgk/doc/${document.id}` : `/xxgk/fdzdgknr?org=${target.orgCode}`;
}
