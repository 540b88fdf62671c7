import type { Actor } from '../modules/access/index.ts';
import {
  changeMeeting,
  recordAttendance,
  registerForMeeting,
  saveMeeting,
  selectParticipants,
  type ContactCipher,
  type Meeting,
} from '../modules/participation/index.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

/** Keys the demo registrations' hashes; the addresses are documentation ones (RFC 5737). */
const DEMO_HEARING_SECRET = 'shifanqu-demo-hearings';

type DemoRegistrant = { name: string; stakeholder: string; view: string; statement: string };

const ELDERLY_REGISTRANTS: DemoRegistrant[] = [
  { name: '林晓梅', stakeholder: 'affected', view: 'support', statement: '高龄老人补贴应按失能等级分档（示范）。' },
  { name: '周建国', stakeholder: 'public', view: 'support', statement: '建议补贴可用于社区助餐（示范）。' },
  { name: '吴秀兰', stakeholder: 'affected', view: 'oppose', statement: '按户籍发放不公平，应覆盖常住老人（示范）。' },
  { name: '郑海涛', stakeholder: 'enterprise', view: 'other', statement: '服务机构结算周期宜缩短（示范）。' },
  { name: '冯丽娟', stakeholder: 'expert', view: 'support', statement: '建议建立补贴评估复核机制（示范）。' },
  { name: '陈志远', stakeholder: 'public', view: 'oppose', statement: '补贴标准偏低，难以覆盖护理费用（示范）。' },
  { name: '何雪', stakeholder: 'affected', view: 'support', statement: '希望简化申领材料（示范）。' },
  { name: '许文博', stakeholder: 'other', view: 'other', statement: '建议公布资金使用情况（示范）。' },
];

const LIFT_REGISTRANTS: DemoRegistrant[] = [
  { name: '马俊', stakeholder: 'affected', view: 'support', statement: '老旧小区急需加装电梯（示范）。' },
  { name: '邓淑芬', stakeholder: 'affected', view: 'oppose', statement: '一层住户的采光和噪声损失应予补偿（示范）。' },
  { name: '韩磊', stakeholder: 'enterprise', view: 'other', statement: '建议明确后期维保费用分摊（示范）。' },
  { name: '曹颖', stakeholder: 'public', view: 'support', statement: '补贴应向有高龄老人的楼栋倾斜（示范）。' },
];

/**
 * Hearings and meetings of the demo's major decisions (听证会、座谈会): a hearing on the elderly-care
 * subsidies held with its participants drawn, attendance recorded and the minutes published; an
 * announced hearing on lift subsidies with registrations coming in; and a cancelled symposium on
 * after-school services. Invented residents at documentation addresses; every instant is a day
 * before or after the seeding day, so the states hold at any hour.
 */
export async function seedDemoHearings(scene: DemoScene, cipher: ContactCipher): Promise<void> {
  const officer = scene.actors.get('district.hudong')!;
  const year = scene.thisYear;
  const decisions = await scene.stores.decisions.ofYear(year, null);
  const decisionOf = (title: string) => decisions.find((d) => d.title === title);
  const resumeAt = scene.clock.now();
  let resident = 0;
  const at = (day: number, hour = 2, minute = 0) =>
    `${shiftDate(scene.today, day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
  const base = { uow: scene.workflow.uow, clock: scene.clock, actor: officer };
  const plan = async (
    decisionTitle: string,
    input: Parameters<typeof saveMeeting>[0]['input'],
    day: number,
  ): Promise<Meeting | undefined> => {
    const decision = decisionOf(decisionTitle);
    if (!decision) return undefined;
    scene.clock.set(at(day));
    const meeting = await saveMeeting({ ...base, decisionId: decision.id, meetingId: null, input });
    scene.clock.set(at(day, 3));
    await changeMeeting({ ...base, meetingId: meeting.id, action: { type: 'announce' } });
    return meeting;
  };
  const registerAll = async (meeting: Meeting, people: DemoRegistrant[], firstDay: number) => {
    for (const [index, person] of people.entries()) {
      resident++;
      const actor: Actor = { kind: 'public', ip: `192.0.2.${200 + resident}` };
      scene.clock.set(at(firstDay + index, 1 + (index % 6), (index * 17) % 60));
      await registerForMeeting({
        uow: scene.workflow.uow,
        clock: scene.clock,
        actor,
        cipher,
        secret: DEMO_HEARING_SECRET,
        meetingId: meeting.id,
        input: { ...person, contact: `1390000${String(1000 + resident).slice(-4)}` },
      });
    }
  };

  const day = (offset: number) => shiftDate(scene.today, offset);
  const held = await plan(
    '示范区居家养老服务补贴办法',
    {
      kind: 'hearing',
      title: '示范区居家养老服务补贴办法听证会',
      matter: '居家养老服务补贴的对象、标准和申领程序（示范区演示数据）。',
      place: '示范区政务服务中心三楼第一会议室',
      startsAt: `${day(-10)}T09:30`,
      registrationOpensOn: day(-40),
      registrationClosesOn: day(-20),
      seats: '5',
      selectionMethod: 'random',
      selectionRule:
        '年满18周岁的本区常住居民、相关企业和专家均可报名。报名截止后按支持、反对和其他意见分组，以公开的随机种子抽选，各组轮流分配名额，保证各方都有代表参加。',
      materials: '《示范区居家养老服务补贴办法（征求意见稿）》及起草说明。',
      materialsLink: '/hdjl/zjyj/',
    },
    -40,
  );
  if (held) {
    await registerAll(held, ELDERLY_REGISTRANTS, -35);
    scene.clock.set(at(-19));
    await changeMeeting({ ...base, meetingId: held.id, action: { type: 'close' } });
    await selectParticipants({ ...base, meetingId: held.id, choice: { how: 'draw' }, seed: 'shifanqu-demo-draw-2026' });
    const chosen = (await scene.stores.meetings.registrations(held.id)).filter((r) => r.status === 'selected');
    scene.clock.set(at(-10, 6));
    await recordAttendance({
      ...base,
      meetingId: held.id,
      attendance: new Map(chosen.map((r, i) => [r.id, i === chosen.length - 1 ? 'absent' : 'attended'])),
    });
    scene.clock.set(at(-9));
    await changeMeeting({
      ...base,
      meetingId: held.id,
      action: {
        type: 'minutes',
        viewsSummary:
          '多数听证参加人支持按失能等级分档补贴；有参加人认为补贴应覆盖常住老人、标准偏低；服务机构建议缩短结算周期。（示范）',
        minutes: [
          '一、民政局介绍了决策草案、依据和有关情况。',
          '二、听证参加人依次陈述意见，并就补贴对象和标准进行了询问和辩论。',
          '三、民政局对补贴资金来源和发放程序作了解释说明。',
          '四、听证参加人确认了听证会记录并签字。（示范区演示数据）',
        ].join('\n'),
      },
    });
  }
  const open = await plan(
    '示范区既有住宅加装电梯补贴办法',
    {
      kind: 'hearing',
      title: '示范区既有住宅加装电梯补贴办法听证会',
      matter: '既有住宅加装电梯的补贴标准、申请条件和低层住户权益保障（示范区演示数据）。',
      place: '示范区住房和城乡建设局二楼会议室',
      startsAt: `${day(25)}T14:30`,
      registrationOpensOn: day(-3),
      registrationClosesOn: day(14),
      seats: '9',
      selectionMethod: 'random',
      selectionRule: '报名截止后按支持、反对和其他意见分组随机抽选，低层住户和高层住户均有代表。',
      materials: '《示范区既有住宅加装电梯补贴办法（征求意见稿）》及起草说明。',
      materialsLink: '',
    },
    -3,
  );
  if (open) await registerAll(open, LIFT_REGISTRANTS, -2);
  const cancelled = await plan(
    '示范区中小学课后服务实施办法',
    {
      kind: 'symposium',
      title: '示范区中小学课后服务家长座谈会',
      matter: '课后服务的时间安排、收费和内容（示范区演示数据）。',
      place: '示范区教育局一楼报告厅',
      startsAt: `${day(10)}T15:00`,
      registrationOpensOn: day(-5),
      registrationClosesOn: day(7),
      seats: '20',
      selectionMethod: 'order',
      selectionRule: '按报名顺序确定，每所学校不超过2名家长代表。',
      materials: '',
      materialsLink: '',
    },
    -5,
  );
  if (cancelled) {
    scene.clock.set(at(-2));
    await changeMeeting({
      ...base,
      meetingId: cancelled.id,
      action: { type: 'cancel', reason: '报告厅改造，座谈会改期另行公告。（示范）' },
    });
  }
  scene.clock.set(resumeAt);
}
