import type { Actor, StaffActor } from '../modules/access/index.ts';
import {
  closeSurvey,
  personKeyOf,
  publishSurvey,
  saveSurvey,
  submitSurveyAnswers,
  type QuestionInput,
  type SurveyRecord,
} from '../modules/participation/index.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

/**
 * Keys the demo answers' device and address hashes. The devices are named `demo-device-N` and the
 * addresses are documentation ones (RFC 5737, TEST-NET-2), so the hashes match no real visitor.
 */
const DEMO_SURVEY_SECRET = 'shifanqu-demo-surveys';

const NOTE = '（示范区演示数据）';

/** A question of a demo survey, as the survey form takes it. */
type DemoQuestion =
  | { kind: 'single'; title: string; options: string[] }
  | { kind: 'multiple'; title: string; options: string[]; min?: number; max?: number }
  | { kind: 'scale'; title: string; fromLabel: string; toLabel: string }
  | { kind: 'text'; title: string };

/** One survey of the demo, dated relative to the seeding day so its phase is right at any time. */
type DemoSurvey = {
  orgCode: string;
  title: string;
  description: string;
  draftedDay: number;
  /** When it was published; none for a draft. */
  publishedDay: number | null;
  opensDay: number;
  closesDay: number;
  questions: DemoQuestion[];
  /** How many residents answer, one a day in turn from the opening day, until the day before the seeding day. */
  sheets: number;
  /** Closed by the officer before its end, on this day. */
  closedEarlyDay?: number;
  /** Answered once per verified person (每人限答一次): the residents verified invented e-mail addresses. */
  isOnePerPerson?: boolean;
};

const TEXTS = [
  '希望增加周末和晚间的办理时段。',
  '窗口工作人员态度很好，材料一次就讲清楚了。',
  '网上办理的页面在手机上字太小，老年人看不清。',
  '建议在社区设置自助打印终端。',
  '排队叫号系统偶尔失灵，希望尽快维修。',
];

const SERVICE_SATISFACTION: DemoSurvey = {
  orgCode: 'sfq-bgs',
  title: '示范区政务服务满意度调查',
  description: `为了解群众和企业对区政务服务中心的评价，改进窗口服务，区政府办公室开展本次调查，结果将在本栏目公布。${NOTE}`,
  draftedDay: -45,
  publishedDay: -44,
  opensDay: -42,
  closesDay: -12,
  questions: [
    {
      kind: 'single',
      title: '您最近一次办事是通过哪种方式？',
      options: ['到政务服务中心窗口', '网上办理', '手机办理'],
    },
    {
      kind: 'multiple',
      title: '您认为最需要改进的是哪些方面？（最多选两项）',
      options: ['等候时间', '办事指南的清楚程度', '网上办理的便利程度', '工作人员的服务态度'],
      min: 1,
      max: 2,
    },
    { kind: 'scale', title: '您对政务服务的总体满意程度', fromLabel: '很不满意', toLabel: '很满意' },
    { kind: 'text', title: '您还有什么意见和建议？' },
  ],
  sheets: 36,
};

const CLINIC_EXPERIENCE: DemoSurvey = {
  orgCode: 'sfq-wjj',
  title: '示范区社区卫生服务中心就诊体验调查',
  description: `区卫生健康局想了解居民在社区卫生服务中心就诊的体验，以便调整门诊时间和家庭医生签约服务。${NOTE}`,
  draftedDay: -9,
  publishedDay: -8,
  opensDay: -7,
  closesDay: 21,
  questions: [
    { kind: 'single', title: '您是否已与家庭医生签约？', options: ['已签约', '未签约', '不了解家庭医生签约'] },
    {
      kind: 'multiple',
      title: '您希望社区卫生服务中心增加哪些服务？',
      options: ['周末门诊', '上门随访', '慢性病长处方', '中医理疗'],
      min: 1,
      max: 4,
    },
    { kind: 'scale', title: '您对就诊等候时间的满意程度', fromLabel: '很不满意', toLabel: '很满意' },
  ],
  sheets: 6,
};

const VOLUNTEER_INTENT: DemoSurvey = {
  orgCode: 'sfq-mzj',
  title: '示范区社区志愿服务意向调查',
  description: `区民政局了解居民参加社区志愿服务的意向，每人限答一次，答卷前须验证电子邮箱或手机号码。${NOTE}`,
  draftedDay: -6,
  publishedDay: -5,
  opensDay: -4,
  closesDay: 25,
  questions: [
    { kind: 'single', title: '您是否愿意参加社区志愿服务？', options: ['愿意', '视时间而定', '暂不考虑'] },
    {
      kind: 'multiple',
      title: '您愿意参加哪些志愿服务？',
      options: ['助老助残', '环境整治', '文明劝导', '应急救援'],
      min: 1,
      max: 4,
    },
  ],
  sheets: 3,
  isOnePerPerson: true,
};

const AFTER_SCHOOL_NEEDS: DemoSurvey = {
  orgCode: 'sfq-jyj',
  title: '示范区中小学暑期托管服务需求调查',
  description: `区教育局拟开展暑期托管服务，请家长填写需求，调查将于近日开始。${NOTE}`,
  draftedDay: -3,
  publishedDay: -2,
  opensDay: 4,
  closesDay: 25,
  questions: [
    { kind: 'single', title: '孩子所在学段', options: ['小学一至三年级', '小学四至六年级', '初中'] },
    { kind: 'single', title: '您是否需要暑期托管服务？', options: ['需要', '不需要', '视费用而定'] },
    { kind: 'text', title: '您希望托管期间安排哪些活动？' },
  ],
  sheets: 0,
};

const NIGHT_MARKET: DemoSurvey = {
  orgCode: 'sfq-cgj',
  title: '示范区夜间经济街区管理意见调查',
  description: `区城市管理局正在起草夜间经济街区的管理方案，调查问卷尚在编写中。${NOTE}`,
  draftedDay: -1,
  publishedDay: null,
  opensDay: 7,
  closesDay: 30,
  questions: [
    { kind: 'single', title: '您是否去过本区的夜间经济街区？', options: ['经常去', '偶尔去', '没去过'] },
    { kind: 'scale', title: '您对街区夜间噪声的感受', fromLabel: '影响很大', toLabel: '没有影响' },
  ],
  sheets: 0,
};

const PARKING_PILOT: DemoSurvey = {
  orgCode: 'sfq-cgj',
  title: '示范区老旧小区错时停车试点意见调查',
  description: `区城市管理局就错时停车试点征集居民意见；试点方案已确定，调查提前结束，结果保留公布。${NOTE}`,
  draftedDay: -30,
  publishedDay: -29,
  opensDay: -28,
  closesDay: 10,
  closedEarlyDay: -15,
  questions: [
    { kind: 'single', title: '您是否支持在本小区开展错时停车试点？', options: ['支持', '不支持', '无所谓'] },
    { kind: 'scale', title: '您所在小区夜间停车的难易程度', fromLabel: '很难', toLabel: '很容易' },
  ],
  sheets: 9,
};

/**
 * Online surveys (网络调查) in every phase, made through the participation module's use cases by the
 * district's interaction officer and invented residents answering from documentation addresses: one
 * closed at its end with results, one closed early with results, one open with answers coming in,
 * one open to verified people only (每人限答一次), one published that opens in a few days, and a draft. Every instant is a day before or after the
 * seeding day, in office hours, so the phases hold at any hour of any seeding day.
 */
export async function seedDemoSurveys(scene: DemoScene): Promise<void> {
  const officer = scene.actors.get('district.hudong')!;
  let resident = 0;
  for (const spec of [
    SERVICE_SATISFACTION,
    PARKING_PILOT,
    CLINIC_EXPERIENCE,
    VOLUNTEER_INTENT,
    AFTER_SCHOOL_NEEDS,
    NIGHT_MARKET,
  ]) {
    resident = await seedSurvey(scene, officer, spec, resident);
  }
}

async function seedSurvey(scene: DemoScene, officer: StaffActor, spec: DemoSurvey, firstResident: number) {
  const { clock } = scene;
  const uow = scene.workflow.uow;
  // Office hours on a day other than the seeding day, China time (UTC+8).
  const at = (day: number, hour: number, minute = 0) =>
    `${shiftDate(scene.today, day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
  const local = (day: number, time: string) => `${shiftDate(scene.today, day)}T${time}`;

  clock.set(at(spec.draftedDay, 2));
  let survey: SurveyRecord = await saveSurvey({
    uow,
    clock,
    actor: officer,
    surveyId: null,
    input: {
      orgId: scene.orgs.get(spec.orgCode)!.id,
      title: spec.title,
      description: spec.description,
      opensAt: local(spec.opensDay, '09:00'),
      closesAt: local(spec.closesDay, '18:00'),
      perAddressPerDay: '',
      limitKind: spec.isOnePerPerson ? 'one_per_person' : 'per_device',
      questions: spec.questions.map(questionInput),
    },
  });
  if (spec.publishedDay === null) return firstResident;
  clock.set(at(spec.publishedDay, 3));
  survey = await publishSurvey({ uow, clock, actor: officer, surveyId: survey.id });

  let resident = firstResident;
  const lastDay = Math.min(spec.closedEarlyDay ?? spec.closesDay, 0) - 1;
  for (let sheet = 0; sheet < spec.sheets; sheet++) {
    resident++;
    const day = Math.min(spec.opensDay + (sheet % Math.max(1, lastDay - spec.opensDay + 1)), lastDay);
    clock.set(at(day, 2 + (sheet % 7), (sheet * 17) % 60));
    // A documentation address (RFC 5737, TEST-NET-2) and a device of its own per resident.
    const actor: Actor = { kind: 'public', ip: `198.51.100.${resident % 250}` };
    await submitSurveyAnswers({
      uow,
      clock,
      actor,
      secret: DEMO_SURVEY_SECRET,
      surveyId: survey.id,
      deviceId: `demo-device-${resident}`,
      // An invented resident who verified an invented address (.example, RFC 2606).
      personKey: spec.isOnePerPerson ? personKeyOf(DEMO_SURVEY_SECRET, `jumin${resident}@shifanqu.example`) : null,
      posted: sheetOf(survey, sheet),
    });
  }
  if (spec.closedEarlyDay !== undefined) {
    clock.set(at(spec.closedEarlyDay, 8));
    await closeSurvey({ uow, clock, actor: officer, surveyId: survey.id });
  }
  return resident;
}

function questionInput(question: DemoQuestion): QuestionInput {
  return {
    id: '',
    kind: question.kind,
    title: question.title,
    required: question.kind !== 'text',
    remove: false,
    options: question.kind === 'single' || question.kind === 'multiple' ? question.options.join('\n') : '',
    minSelections: question.kind === 'multiple' ? String(question.min ?? '') : '',
    maxSelections: question.kind === 'multiple' ? String(question.max ?? '') : '',
    maxLength: '',
    from: '1',
    to: '5',
    fromLabel: question.kind === 'scale' ? question.fromLabel : '',
    toLabel: question.kind === 'scale' ? question.toLabel : '',
  };
}

/**
 * The `sheet`th resident's answers: spread over the options by fixed strides, so the results have a
 * shape (a favourite, a long tail) and the same every run.
 */
function sheetOf(survey: SurveyRecord, sheet: number): Record<string, string | string[]> {
  const posted: Record<string, string | string[]> = {};
  survey.questions.forEach((question, index) => {
    const pick = (count: number) => [0, 0, 1, 0, 2, 1, 0, 3][(sheet * (index + 3)) % 8]! % count;
    switch (question.kind) {
      case 'single':
        posted[question.id] = String(pick(question.options.length));
        break;
      case 'multiple': {
        const first = pick(question.options.length);
        const second = (first + 1 + (sheet % 2)) % question.options.length;
        const picked = sheet % 3 === 0 || question.maxSelections < 2 ? [first] : [first, second];
        posted[question.id] = picked.map(String);
        break;
      }
      case 'scale':
        posted[question.id] = String(Math.min(question.to, Math.max(question.from, question.to - pick(3))));
        break;
      case 'text':
        if (sheet % 4 === 0) posted[question.id] = TEXTS[(sheet / 4) % TEXTS.length]!;
        break;
    }
  });
  return posted;
}
