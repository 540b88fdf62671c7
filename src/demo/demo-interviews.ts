import type { Actor } from '../modules/access/index.ts';
import {
  addInterviewMedia,
  addTranscriptEntry,
  advanceInterview,
  moderateQuestion,
  saveInterview,
  submitQuestion,
  type InterviewQuestion,
} from '../modules/participation/index.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

/** Keys the demo questions' sender hashes; the addresses are documentation ones (RFC 5737). */
const DEMO_INTERVIEW_SECRET = 'shifanqu-demo-interviews';

type DemoQuestion = { name: string; body: string; show: boolean | string };

/**
 * Online interviews of the demo (在线访谈), by the district's interaction officer with invented
 * guests named by role and invented residents: one ended with its transcript, an answered question
 * and a photo (a small drawing served from public/); one live now with questions being answered;
 * one announced for next week with questions pending and shown; one cancelled with its reason.
 * Every instant is a day before or after the seeding day, so the states hold at any hour.
 */
export async function seedDemoInterviews(scene: DemoScene): Promise<void> {
  const officer = scene.actors.get('district.hudong')!;
  const resumeAt = scene.clock.now();
  const at = (day: number, hour: number, minute = 0) =>
    `${shiftDate(scene.today, day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
  const base = { uow: scene.workflow.uow, clock: scene.clock, actor: officer };
  let resident = 0;
  const plan = async (
    orgCode: string,
    title: string,
    summary: string,
    day: number,
    guests: { name: string; title: string }[],
  ) => {
    scene.clock.set(at(Math.min(day, 0) - 10, 1));
    const interview = await saveInterview({
      ...base,
      interviewId: null,
      input: {
        orgId: scene.orgs.get(orgCode)!.id,
        title,
        summary,
        startsAt: at(day, 1, 30),
        endsAt: at(day, 3),
        guests,
      },
    });
    scene.clock.set(at(Math.min(day, 0) - 7, 1));
    await advanceInterview({ ...base, interviewId: interview.id, move: 'publish' });
    return interview.id;
  };
  const ask = async (interviewId: string, day: number, questions: DemoQuestion[]) => {
    const asked: InterviewQuestion[] = [];
    for (const [n, q] of questions.entries()) {
      resident += 1;
      scene.clock.set(at(day, 2, n * 7));
      const actor: Actor = { kind: 'public', ip: `198.51.100.${resident}` };
      const question = await submitQuestion({
        uow: scene.workflow.uow,
        clock: scene.clock,
        actor,
        secret: DEMO_INTERVIEW_SECRET,
        interviewId,
        input: { body: q.body, name: q.name },
      });
      if (q.show !== false) {
        scene.clock.set(at(day, 3, n * 7));
        await moderateQuestion({
          ...base,
          interviewId,
          input: { questionId: question.id, show: q.show === true, reason: q.show === true ? '' : q.show },
        });
      }
      asked.push(question);
    }
    return asked;
  };
  const say = async (
    interviewId: string,
    day: number,
    minute: number,
    speaker: string,
    body: string,
    questionId = '',
  ) => {
    scene.clock.set(at(day, 1, 30 + minute));
    await addTranscriptEntry({ ...base, interviewId, input: { speaker, body, questionId } });
  };

  // Ended: the elderly-care subsidies explained two weeks ago.
  const ended = await plan(
    'sfq-mzj',
    '解读示范区居家养老服务补贴政策',
    '示范区民政局负责人介绍居家养老服务补贴的对象、标准和申领流程，并回答网友提问（示范）。',
    -14,
    [
      { name: '赵示范', title: '示范区民政局局长' },
      { name: '钱样例', title: '示范区民政局养老服务科科长' },
    ],
  );
  const endedQuestions = await ask(ended, -16, [
    { name: '老周', body: '八十岁以上的老人申请补贴需要哪些材料？（示范）', show: true },
    { name: '', body: '补贴可以用于社区助餐吗？（示范）', show: true },
    { name: '路人', body: '这里卖保健品，欢迎联系（示范）', show: '广告内容' },
  ]);
  scene.clock.set(at(-14, 1, 29));
  await advanceInterview({ ...base, interviewId: ended, move: 'go_live' });
  await say(ended, -14, 0, 'host', '各位网友好，欢迎来到示范区在线访谈（示范）。');
  await say(ended, -14, 5, 'guest:0', '居家养老服务补贴面向本区常住的高龄、失能老人，今年起标准有所提高（示范）。');
  await say(ended, -14, 12, 'question', '', endedQuestions[0]!.id);
  await say(ended, -14, 14, 'guest:1', '只需身份证和户口簿或居住证，社区可代办（示范）。', endedQuestions[0]!.id);
  await say(ended, -14, 20, 'question', '', endedQuestions[1]!.id);
  await say(ended, -14, 22, 'guest:0', '可以，补贴可在定点社区食堂使用（示范）。', endedQuestions[1]!.id);
  scene.clock.set(at(-14, 3, 5));
  await advanceInterview({ ...base, interviewId: ended, move: 'end' });
  scene.clock.set(at(-13, 2));
  await addInterviewMedia({
    ...base,
    interviewId: ended,
    input: {
      url: '/static/demo-interview.svg',
      alt: '访谈现场：三位嘉宾坐在“示范区在线访谈”背景板前的桌边',
      caption: '访谈现场（示意图）',
    },
  });

  // Live now: after-school services, started this morning.
  const live = await plan(
    'sfq-jyj',
    '示范区中小学课后服务怎么安排',
    '示范区教育局负责人谈课后服务的时间、内容和收费（示范）。',
    0,
    [{ name: '孙示范', title: '示范区教育局副局长' }],
  );
  const liveQuestions = await ask(live, -2, [
    { name: '家长小李', body: '课后服务最晚到几点？（示范）', show: true },
    { name: '', body: '假期有没有托管服务？（示范）', show: true },
    { name: '王女士', body: '可以自愿参加吗？（示范）', show: false },
  ]);
  scene.clock.set(at(0, 1, 29));
  await advanceInterview({ ...base, interviewId: live, move: 'go_live' });
  await say(live, 0, 0, 'host', '今天的访谈正在进行，欢迎网友提问（示范）。');
  await say(live, 0, 3, 'question', '', liveQuestions[0]!.id);
  await say(live, 0, 5, 'guest:0', '一般到下午六点，确有需要的可延长（示范）。', liveQuestions[0]!.id);

  // Announced for next week: parking, questions coming in.
  const scheduled = await plan(
    'sfq-zrj',
    '示范区中心城区停车难怎么解',
    '示范区自然资源局负责人介绍停车设施专项规划，欢迎网友提前提问（示范）。',
    7,
    [
      { name: '李样例', title: '示范区自然资源局局长' },
      { name: '周示范', title: '示范区交通管理部门负责人' },
    ],
  );
  await ask(scheduled, -1, [
    { name: '车主老陈', body: '老旧小区能不能增设停车位？（示范）', show: true },
    { name: '', body: '夜间路边停车能否放宽？（示范）', show: false },
  ]);

  // Cancelled, with its reason.
  const cancelled = await plan('sfq-cgj', '生活垃圾分类进社区', '示范区城管局负责人介绍垃圾分类新规（示范）。', 3, [
    { name: '吴样例', title: '示范区城市管理局副局长' },
  ]);
  scene.clock.set(at(-1, 4));
  await advanceInterview({ ...base, interviewId: cancelled, move: 'cancel', reason: '嘉宾临时公务，另行安排（示范）' });
  scene.clock.set(resumeAt.toISOString());
}
