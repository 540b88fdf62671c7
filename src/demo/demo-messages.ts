import type { Actor, StaffActor } from '../modules/access/index.ts';
import {
  acceptMessage,
  answerMessage,
  declineMessage,
  rateAnswer,
  submitMessage,
  transferMessage,
  type ContactCipher,
  type MessageKind,
  type Rating,
} from '../modules/participation/index.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

/**
 * Keys the demo messages' sender hashes and query passwords. The addresses are documentation ones
 * (RFC 5737), so the hashes match no real visitor whatever the key; a fixed key keeps the demo
 * reproducible. The demo residents never look their messages up on the site, so the query
 * passwords need not match the application's key.
 */
const DEMO_MESSAGE_SECRET = 'shifanqu-demo-messages';

/** What happens to a demo message after it is written; days are relative to the seeding day. */
type DemoOutcome =
  | { state: 'received' }
  | { state: 'accepted'; acceptedDay: number }
  | { state: 'transferred'; day: number; toOrgCode: string; reason: string }
  | { state: 'declined'; day: number; reason: string }
  | {
      state: 'answered';
      acceptedDay?: number;
      day: number;
      answer: string;
      /** The officer leaves it checked; it is public only when the resident also agreed. */
      publish: boolean;
      rating?: { day: number; rating: Rating; comment?: string };
    };

/** One resident's message of the demo: an invented demo name, a fictional number, a day. */
type DemoMessage = {
  orgCode: string;
  kind: MessageKind;
  /** Days from the seeding day (negative: before it). */
  day: number;
  title: string;
  body: string;
  name: string;
  consent: boolean;
  outcome: DemoOutcome;
};

const NOTE = '（示范区演示数据）';

const MESSAGES: DemoMessage[] = [
  {
    orgCode: 'sfq-rsj',
    kind: 'consult',
    day: -58,
    title: '灵活就业人员如何在示范区缴纳社会保险？',
    body: `本人从事网约配送工作，没有固定单位，想了解在示范区以灵活就业人员身份缴纳养老保险和医疗保险需要办理哪些手续，可以在网上办理吗？${NOTE}`,
    name: '示范居民子',
    consent: true,
    outcome: {
      state: 'answered',
      acceptedDay: -57,
      day: -55,
      answer: `您好！具有本区户籍或持有本区居住证的灵活就业人员，可以通过“示范区政务服务网”或区政务服务中心人社窗口办理参保登记，携带身份证即可，无需单位证明。缴费基数可在规定范围内自行选择，按月或按年缴纳。感谢您的留言。${NOTE}`,
      publish: true,
      rating: { day: -54, rating: 'satisfied' },
    },
  },
  {
    orgCode: 'sfq-cgj',
    kind: 'suggest',
    day: -44,
    title: '建议在南桥社区增设一处垃圾分类投放点',
    body: `南桥社区3号楼附近只有一处垃圾分类投放点，早晚投放时间经常排队，建议在社区东门再增设一处，并延长晚间投放时间。${NOTE}`,
    name: '示范居民丑',
    consent: true,
    outcome: {
      state: 'answered',
      acceptedDay: -43,
      day: -38,
      answer: `您好！经现场查看，南桥社区东门具备设置条件，我局已会同南湖街道在东门增设投放点一处，晚间投放时间延长至21:00。延长时间段的督导人员正在落实中。感谢您的建议。${NOTE}`,
      publish: true,
      rating: { day: -35, rating: 'fair', comment: `投放点已经设好了，希望督导人员尽快到位。${NOTE}` },
    },
  },
  {
    orgCode: 'sfq-zjj',
    kind: 'complain',
    day: -30,
    title: '反映南湖路某工地夜间施工噪声扰民',
    body: `南湖路某在建工地近一周每晚22点以后仍在施工，噪声很大，影响周边居民休息，请有关部门核查。${NOTE}`,
    name: '示范居民寅',
    consent: true,
    outcome: {
      state: 'answered',
      day: -29,
      answer: `您好！接到留言后，我局当晚派员到现场核查，该工地未办理夜间施工许可，已责令立即停止夜间施工并限期整改，今后将加强巡查。如再发现类似情况，请拨打0000-00000000（演示）反映。${NOTE}`,
      publish: true,
    },
  },
  {
    orgCode: 'sfq-mzj',
    kind: 'help',
    day: -16,
    title: '独居老人如何申请社区助餐服务？',
    body: `我母亲今年82岁，一个人住在东城街道，行动不便，做饭困难。请问怎样申请社区助餐服务，能否送餐上门？${NOTE}`,
    name: '示范居民卯',
    consent: true,
    outcome: {
      state: 'answered',
      acceptedDay: -15,
      day: -12,
      answer: `您好！年满80周岁的独居老年人可以向所在社区居委会申请助餐服务，社区助餐点可提供送餐上门，经济困难老年人可按规定享受助餐补贴。我局已请东城街道联系您家中了解情况。${NOTE}`,
      publish: true,
      rating: { day: -10, rating: 'satisfied', comment: `社区已经上门登记了，谢谢！${NOTE}` },
    },
  },
  {
    orgCode: 'sfq-jyj',
    kind: 'consult',
    day: -9,
    title: '小学新生入学需要准备哪些材料？',
    body: `孩子明年上小学，户籍在示范区，房产证还在办理中，请问入学登记需要准备哪些材料？${NOTE}`,
    name: '示范居民辰',
    consent: true,
    outcome: {
      state: 'answered',
      day: -7,
      answer: `您好！入学登记需提供户口簿和居住证明。房产证尚在办理的，可以提供购房合同和不动产登记受理凭证。具体以每年公布的义务教育招生入学工作方案为准。${NOTE}`,
      publish: true,
    },
  },
  {
    orgCode: 'sfq-wjj',
    kind: 'consult',
    day: -20,
    title: '关于本人体检报告的查询',
    body: `本人上月在区人民医院做了入职体检，报告一直没有拿到，请帮忙查询。${NOTE}`,
    name: '示范居民巳',
    consent: false,
    outcome: {
      state: 'answered',
      acceptedDay: -19,
      day: -17,
      answer: `您好！经核实，您的体检报告已经出具，可以凭身份证到区人民医院体检中心领取，也可以在医院公众号上查询电子报告。${NOTE}`,
      // The resident did not agree, so it stays unpublished however the box is left.
      publish: true,
    },
  },
  {
    orgCode: 'sfq-jyj',
    kind: 'suggest',
    day: -2,
    title: '建议学校放学时段增派交通协管员',
    body: `第一实验小学放学时门口道路拥堵，接送车辆和学生混行，存在安全隐患，建议放学时段增派交通协管员。${NOTE}`,
    name: '示范居民午',
    consent: true,
    outcome: { state: 'accepted', acceptedDay: -1 },
  },
  {
    orgCode: 'sfq-mzj',
    kind: 'consult',
    day: -4,
    title: '老年人优待证在哪里办理？',
    body: `我父亲今年刚满65岁，请问老年人优待证在哪里办理，需要带什么材料？${NOTE}`,
    name: '示范居民未',
    consent: true,
    outcome: { state: 'received' },
  },
  {
    orgCode: 'sfq-cgj',
    kind: 'complain',
    day: -24,
    title: '反映西城街道某路口长期占道经营',
    body: `西城街道某路口每天傍晚有多个摊位占用人行道经营，行人只能走机动车道，存在安全隐患。${NOTE}`,
    name: '示范居民申',
    consent: true,
    // Left unanswered well past its limit: the back office shows it overdue.
    outcome: { state: 'received' },
  },
  {
    orgCode: 'sfq-zjj',
    kind: 'help',
    day: -5,
    title: '小区自来水水压偏低，高层用水困难',
    body: `我家住北山街道某小区18楼，最近一个月早晚用水高峰时水压很低，热水器经常无法启动，请帮忙解决。${NOTE}`,
    name: '示范居民酉',
    consent: true,
    outcome: {
      state: 'transferred',
      day: -3,
      toOrgCode: 'sfq-water',
      reason: `供水水压问题由区自来水公司负责处理，已转其办理。${NOTE}`,
    },
  },
  {
    orgCode: 'sfq-scj',
    kind: 'suggest',
    day: -11,
    title: '优质装修服务，价格实惠',
    body: `本公司承接各类家庭装修，价格实惠，欢迎来电咨询。${NOTE}`,
    name: '示范居民戌',
    consent: true,
    outcome: { state: 'declined', day: -10, reason: `留言内容为商业广告，与政务无关，不予受理。${NOTE}` },
  },
];

/**
 * Residents' messages (政民互动) in every state, made through the participation module's use cases
 * by invented residents (示范居民子, …) with fictional mobile numbers (13800000001, …) from
 * documentation addresses (RFC 5737), to several units, handled by the district's interaction
 * officer: answered and published (some rated), answered but not published (no consent), accepted
 * and in progress, received and due within days, received and overdue, transferred with a reason,
 * and declined with a reason. Every instant is a day before the seeding day, in office hours, so the
 * states and the deadlines hold at any hour of any seeding day.
 */
export async function seedDemoMessages(scene: DemoScene, cipher: ContactCipher): Promise<void> {
  const officer = scene.actors.get('district.hudong')!;
  let resident = 0;
  for (const spec of MESSAGES) {
    resident++;
    await seedMessage(scene, cipher, officer, spec, resident);
  }
}

async function seedMessage(
  scene: DemoScene,
  cipher: ContactCipher,
  officer: StaffActor,
  spec: DemoMessage,
  resident: number,
): Promise<void> {
  const { clock } = scene;
  const uow = scene.workflow.uow;
  // Office hours on a day other than the seeding day, China time (UTC+8).
  const at = (day: number, hour: number, minute = 0) =>
    `${shiftDate(scene.today, day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
  // A documentation address (RFC 5737, TEST-NET-1) per resident, apart from the comments' ones.
  const actor: Actor = { kind: 'public', ip: `192.0.2.${100 + resident}` };

  clock.set(at(spec.day, 1 + (resident % 5), (resident * 13) % 60));
  const { message, pin } = await submitMessage({
    uow,
    clock,
    actor,
    cipher,
    secret: DEMO_MESSAGE_SECRET,
    input: {
      orgId: scene.orgs.get(spec.orgCode)!.id,
      kind: spec.kind,
      title: spec.title,
      body: spec.body,
      name: spec.name,
      contact: `138000000${String(resident).padStart(2, '0')}`,
      publicConsent: spec.consent,
    },
  });
  const base = { uow, clock, actor: officer, messageId: message.id };
  const outcome = spec.outcome;
  switch (outcome.state) {
    case 'received':
      return;
    case 'accepted':
      clock.set(at(outcome.acceptedDay, 6));
      await acceptMessage(base);
      return;
    case 'transferred':
      clock.set(at(outcome.day, 6));
      await transferMessage({ ...base, toOrgId: scene.orgs.get(outcome.toOrgCode)!.id, reason: outcome.reason });
      return;
    case 'declined':
      clock.set(at(outcome.day, 6));
      await declineMessage({ ...base, reason: outcome.reason });
      return;
    case 'answered':
      if (outcome.acceptedDay !== undefined) {
        clock.set(at(outcome.acceptedDay, 1, 30));
        await acceptMessage(base);
      }
      clock.set(at(outcome.day, 7));
      await answerMessage({ ...base, answer: outcome.answer, publish: outcome.publish });
      if (outcome.rating) {
        clock.set(at(outcome.rating.day, 3));
        await rateAnswer({
          uow,
          clock,
          actor,
          secret: DEMO_MESSAGE_SECRET,
          code: message.trackingCode,
          pin,
          rating: outcome.rating.rating,
          comment: outcome.rating.comment ?? '',
        });
      }
      return;
  }
}
