import type { Stores } from '../adapters/db/stores.ts';
import type { StaffActor } from '../modules/access/index.ts';
import type { Org } from '../modules/orgs/index.ts';
import {
  registerRequest,
  submitApplication,
  takeStep,
  type FieldCipher,
  type FileServices,
  type FoiRequest,
  type IncomingFile,
  type HandlingAction,
  type Outcome,
} from '../modules/requests/index.ts';
import { FixedClock } from '../platform/clock.ts';
import { creditCodeCheckCharacter, idCardCheckCharacter } from '../platform/identifiers.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../platform/working-days.ts';
import { staffPrefix } from './demo-text.ts';
import { makePdf, makePng } from './files.ts';

/**
 * The demo's disclosure requests (示范区, made-up applicants): a whole closed year before this one,
 * so the annual report has real figures, and this year's requests in every state for several units
 * — awaiting receipt, registered, being handled, awaiting a correction, corrected, a third party
 * and an agency consulted, extended, overdue, replied with letters (some with the released files
 * and an application's attachments), served (送达) with proof, withdrawn, abandoned. Every step goes
 * through the product's own use cases, on the day it happened; every file is made up here.
 */
export async function seedDemoRequests(deps: {
  stores: Stores;
  uow: UnitOfWork<Stores>;
  cipher: FieldCipher;
  /** Where the demo's made-up files are kept. */
  files: FileServices;
  orgs: Map<string, Org>;
  actors: Map<string, StaffActor>;
  random: () => number;
  today: string;
}): Promise<number> {
  const calendar = await deps.stores.calendar.load();
  const clock = new FixedClock(`${deps.today}T01:00:00Z`);
  const lastYear = Number(deps.today.slice(0, 4)) - 1;
  const units = ['sfq-jyj', 'sfq-mzj', 'sfq-czj', 'sfq-zjj', 'sfq-dcjd', 'sfq'].filter((code) => deps.orgs.has(code));
  let serial = 0;
  let made = 0;

  /** One request received on `receivedOn` by `unitCode`, then taken through `steps` (day offsets in working days). */
  const request = async (spec: {
    unitCode: string;
    receivedOn: string;
    online?: boolean;
    confirm?: boolean;
    organisation?: boolean;
    /** Files sent with the application (a copy of the identity document, made up). */
    attachments?: IncomingFile[];
    steps?: { after: number; action: (on: string) => HandlingAction; files?: IncomingFile[] }[];
  }): Promise<FoiRequest> => {
    serial++;
    const officer = deps.actors.get(`${staffPrefix(spec.unitCode)}.foi`) ?? deps.actors.get('district.foi')!;
    const agency = deps.orgs.get(spec.unitCode)!;
    const input = applicant(serial, spec.organisation ?? deps.random() < 0.25, agency.shortName, deps.random);
    clock.set(`${spec.receivedOn}T01:30:00Z`);
    const common = {
      uow: deps.uow,
      clock,
      cipher: deps.cipher,
      agencyCode: agency.code,
      input,
      attachments: spec.attachments ? { services: deps.files, files: spec.attachments } : undefined,
    };
    let current: FoiRequest;
    if (spec.online) {
      current = (await submitApplication({ ...common, actor: { kind: 'public' }, channel: 'online' })).request;
      if (spec.confirm === false) return current;
      current = await registerRequest({
        uow: deps.uow,
        clock,
        calendar,
        actor: officer,
        requestId: current.id,
        receivedOn: spec.receivedOn,
      });
    } else {
      const channel = (['in_person', 'post', 'email', 'fax'] as const)[serial % 4]!;
      current = (
        await submitApplication({
          ...common,
          actor: officer,
          channel,
          intake: { receivedOn: spec.receivedOn, calendar },
        })
      ).request;
    }
    for (const step of spec.steps ?? []) {
      const on = addWorkingDays(calendar, spec.receivedOn, step.after).date;
      if (on > deps.today) break;
      clock.set(`${on}T03:00:00Z`);
      const planned = step.action(on);
      const action: HandlingAction =
        planned.kind === 'assign'
          ? { kind: 'assign', assigneeId: officer.userId, assigneeName: officer.displayName }
          : planned;
      current = await takeStep({
        uow: deps.uow,
        clock,
        calendar,
        actor: officer,
        requestId: current.id,
        action,
        files: step.files ? { services: deps.files, incoming: step.files } : undefined,
      });
    }
    made++;
    return current;
  };

  const pickUnit = () => units[Math.floor(deps.random() * units.length)]!;
  const workingDay = (year: number, dayOfYear: number) =>
    addWorkingDays(calendar, new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10), 1).date;

  // Last year: about sixty requests, every one closed, spread over the report's rows.
  for (let i = 0; i < 60; i++) {
    const outcome = LAST_YEAR_OUTCOMES[i % LAST_YEAR_OUTCOMES.length]!;
    const receivedOn = workingDay(lastYear, 5 + Math.floor((i * 340) / 60));
    const consult = outcome === '3.3.4' || (outcome === '3.2' && i % 2 === 0);
    await request({
      unitCode: pickUnit(),
      receivedOn,
      online: i % 3 !== 0,
      steps: [
        { after: 1, action: () => ({ kind: 'assign', assigneeId: '', assigneeName: '' }) },
        ...(consult
          ? [
              { after: 3, action: (on: string) => consultAction(on) },
              {
                after: 12,
                action: (on: string) => ({
                  kind: 'consultation_answered' as const,
                  on,
                  summary: '第三方不同意公开（演示）',
                }),
              },
            ]
          : []),
        ...(outcome === '3.6.3'
          ? [{ after: 5, action: (on: string) => ({ kind: 'withdraw' as const, on }) }]
          : outcome === '3.6.1'
            ? [
                { after: 2, action: (on: string) => correction(on, calendar) },
                { after: 20, action: (on: string) => ({ kind: 'close_uncorrected' as const, on }) },
              ]
            : [
                { after: consult ? 16 : 8 + (i % 9), action: (on: string) => replyAction(on, outcome) },
                // Served two working days later, by post for the odd ones, online or by e-mail for the rest.
                {
                  after: (consult ? 16 : 8 + (i % 9)) + 2,
                  action: (on: string) => deliverAction(on, i % 2 === 1 ? 'post' : 'online', i),
                },
              ]),
      ],
    });
  }

  // This year, up to today: the same units in every state.
  const ago = (workingDays: number) => subtractWorkingDays(calendar, deps.today, workingDays);
  const plans: Parameters<typeof request>[0][] = [
    // Awaiting the agency's confirmation of receipt (条例 Art. 31).
    { unitCode: 'sfq-jyj', receivedOn: ago(0), online: true, confirm: false },
    { unitCode: 'sfq-mzj', receivedOn: ago(1), online: true, confirm: false },
    // Registered, not yet taken on.
    { unitCode: 'sfq-jyj', receivedOn: ago(2), online: true },
    { unitCode: 'sfq-dcjd', receivedOn: ago(3) },
    // Being handled.
    { unitCode: 'sfq-jyj', receivedOn: ago(6), online: true, steps: [assignStep(1)] },
    { unitCode: 'sfq-czj', receivedOn: ago(15), steps: [assignStep(1)] },
    // Due within five working days, and overdue.
    { unitCode: 'sfq-mzj', receivedOn: ago(17), online: true, steps: [assignStep(1)] },
    { unitCode: 'sfq-zjj', receivedOn: ago(24), steps: [assignStep(2)] },
    // Awaiting a correction (条例 Art. 30), and corrected (the period restarted).
    {
      unitCode: 'sfq-jyj',
      receivedOn: ago(4),
      online: true,
      steps: [{ after: 2, action: (on) => correction(on, calendar) }],
    },
    {
      unitCode: 'sfq-dcjd',
      receivedOn: ago(14),
      steps: [
        { after: 3, action: (on) => correction(on, calendar) },
        { after: 8, action: (on) => ({ kind: 'receive_correction', on }) },
        assignStep(9),
      ],
    },
    // A third party consulted (the clock stands still), and another agency.
    {
      unitCode: 'sfq-jyj',
      receivedOn: ago(9),
      online: true,
      steps: [assignStep(1), { after: 4, action: consultAction }],
    },
    {
      unitCode: 'sfq-czj',
      receivedOn: ago(10),
      steps: [
        assignStep(1),
        {
          after: 3,
          action: (on) => ({ kind: 'consult', reason: 'other_agency', party: '示范区审计局（演示）', sentOn: on }),
        },
      ],
    },
    // Extended once (条例 Art. 33 ¶2).
    {
      unitCode: 'sfq-mzj',
      receivedOn: ago(19),
      online: true,
      steps: [
        assignStep(1),
        {
          after: 18,
          action: (on) => ({ kind: 'extend', workingDays: 15, approvedBy: '示范区民政局办公室主任（演示）', on }),
        },
      ],
    },
    // Replied, each with its letter; the first with its released file, served online, the second
    // also served with a scanned postal receipt; the application came with a copy of the ID card.
    {
      unitCode: 'sfq-jyj',
      receivedOn: ago(30),
      online: true,
      attachments: [{ fileName: '居民身份证复印件（演示）.png', content: { bytes: makePng(32, 20, [220, 226, 235]) } }],
      steps: [
        assignStep(1),
        {
          after: 10,
          action: (on) => replyAction(on, '3.1'),
          files: [
            {
              fileName: '示范区2026年义务教育招生计划（演示）.pdf',
              content: { bytes: makePdf('Demo district enrolment plan 2026 (demo)') },
            },
          ],
        },
        { after: 11, action: (on) => deliverAction(on, 'online', 0) },
      ],
    },
    {
      unitCode: 'sfq-jyj',
      receivedOn: ago(40),
      online: true,
      steps: [
        assignStep(1),
        { after: 3, action: consultAction },
        {
          after: 10,
          action: (on) => ({ kind: 'consultation_answered', on, summary: '第三方同意公开除报价外的内容（演示）' }),
        },
        {
          after: 14,
          action: (on) => replyAction(on, '3.2'),
          files: [
            {
              fileName: '示范区某项目招标文件（公开部分，演示）.pdf',
              content: { bytes: makePdf('Tender documents, public part (demo)') },
            },
          ],
        },
        {
          after: 16,
          action: (on) => deliverAction(on, 'post', 1),
          files: [{ fileName: '邮件签收回执（演示）.png', content: { bytes: makePng(40, 24, [240, 236, 220]) } }],
        },
      ],
    },
    {
      unitCode: 'sfq-mzj',
      receivedOn: ago(35),
      steps: [assignStep(1), { after: 12, action: (on) => replyAction(on, '3.4.1') }],
    },
    {
      unitCode: 'sfq-dcjd',
      receivedOn: ago(45),
      online: true,
      steps: [assignStep(1), { after: 5, action: (on) => replyAction(on, '3.5.1') }],
    },
    // Withdrawn, and abandoned without a correction.
    { unitCode: 'sfq-czj', receivedOn: ago(25), steps: [{ after: 4, action: (on) => ({ kind: 'withdraw', on }) }] },
    {
      unitCode: 'sfq-zjj',
      receivedOn: ago(50),
      online: true,
      steps: [
        { after: 2, action: (on) => correction(on, calendar) },
        { after: 20, action: (on) => ({ kind: 'close_uncorrected', on }) },
      ],
    },
  ];
  for (const plan of plans) if (deps.orgs.has(plan.unitCode)) await request(plan);
  return made;
}

/** Last year's outcomes, in the proportions a district sees: mostly disclosed, some of every other row. */
const LAST_YEAR_OUTCOMES: Outcome[] = [
  '3.1',
  '3.1',
  '3.1',
  '3.2',
  '3.1',
  '3.4.1',
  '3.1',
  '3.3.4',
  '3.1',
  '3.5.2',
  '3.2',
  '3.1',
  '3.4.2',
  '3.1',
  '3.3.6',
  '3.1',
  '3.6.3',
  '3.1',
  '3.5.1',
  '3.6.1',
];

const REASONS: Partial<Record<Outcome, string>> = {
  '3.2': '所申请信息中附件2涉及第三方商业秘密，其余部分予以公开（演示）。',
  '3.3.4': '所申请信息涉及第三方商业秘密，第三方不同意公开，且不公开不会对公共利益造成重大影响（演示）。',
  '3.3.6': '所申请信息属于讨论记录、过程稿等过程性信息（演示）。',
  '3.4.1': '经检索，本机关未制作、获取所申请的信息（演示）。',
  '3.4.2': '所申请信息需要对现有数据进行加工、分析后另行制作（演示）。',
  '3.5.1': '所提事项属于投诉举报，已告知通过信访渠道提出（演示）。',
  '3.5.2': '申请人已就同一内容提出申请并获答复（演示）。',
};

function replyAction(on: string, outcome: Outcome): HandlingAction {
  return {
    kind: 'reply',
    on,
    outcome,
    reason: REASONS[outcome] ?? '',
    withheld:
      outcome === '3.2' ? [{ part: '附件2 投标报价明细（演示）', reason: '涉及第三方商业秘密（条例第十五条）' }] : [],
  };
}

/** The reply served (送达) by `method`, with made-up proof: a postal number, an e-mail's record. */
function deliverAction(on: string, method: 'post' | 'online' | 'email', serial: number): HandlingAction {
  const proof =
    method === 'post'
      ? `EA${String(100000000 + serial).slice(-9)}CN（演示）`
      : method === 'email'
        ? `<reply-${serial}@demo.example.cn>`
        : '';
  return { kind: 'deliver', on, method, proof, proofFiles: 0 };
}

function consultAction(on: string): HandlingAction {
  return { kind: 'consult', reason: 'third_party', party: '示范区某建设有限公司（演示）', sentOn: on };
}

function correction(on: string, calendar: WorkingCalendar): HandlingAction {
  return {
    kind: 'request_correction',
    sentOn: on,
    items: '请写明所需信息的名称、文号或形成时间（演示）',
    dueOn: addWorkingDays(calendar, on, 15).date,
  };
}

function assignStep(after: number): { after: number; action: () => HandlingAction } {
  return { after, action: () => ({ kind: 'assign', assigneeId: '', assigneeName: '' }) };
}

/** The working day `n` working days before `date` (`date` itself when n is 0). */
function subtractWorkingDays(calendar: WorkingCalendar, date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0;) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = ['示范', '演示', '样例', '测试'];
const ORGANISATIONS = [
  { kind: 'business', name: '示范区某科技有限公司（演示）' },
  { kind: 'research', name: '示范城市发展研究院（演示）' },
  { kind: 'nonprofit', name: '示范区公益服务中心（演示）' },
  { kind: 'legal_service', name: '示范律师事务所（演示）' },
  { kind: 'other', name: '示范区某业主委员会（演示）' },
] as const;
const TOPICS = ['招生计划', '低保审批情况', '财政预算执行情况', '征收补偿方案', '项目审批结果', '专项资金使用情况'];

/** A made-up applicant with a checksum-valid identity number or credit code (no real person). */
function applicant(serial: number, organisation: boolean, unitName: string, random: () => number) {
  const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
  const base = {
    contactPerson: '',
    phone: `1380000${String(1000 + serial).slice(-4)}`,
    email: serial % 3 === 0 ? `applicant${serial}@example.cn` : '',
    address: '示范区示范路1号（演示）',
    postcode: '999001',
    description: `${unitName}${topic}的相关信息（演示）`,
    documentNumber: '',
    purpose: '',
    form: 'electronic' as const,
    delivery: serial % 3 === 0 ? ('email' as const) : ('online' as const),
  };
  if (organisation) {
    const org = ORGANISATIONS[serial % ORGANISATIONS.length]!;
    return {
      ...base,
      applicantKind: 'legal' as const,
      organisationKind: org.kind,
      name: org.name,
      idType: 'credit_code' as const,
      idNumber: creditCode(serial),
      contactPerson: `${SURNAMES[serial % SURNAMES.length]}联系人（演示）`,
    };
  }
  return {
    ...base,
    applicantKind: 'natural' as const,
    organisationKind: null,
    name: `${SURNAMES[serial % SURNAMES.length]}${GIVEN[serial % GIVEN.length]}（演示）`,
    idType: 'resident_id' as const,
    idNumber: residentId(serial),
  };
}

/** A resident identity number of the made-up area 999999 with its GB 11643 check character. */
function residentId(serial: number): string {
  const body = `999999${1960 + (serial % 40)}0${1 + (serial % 9)}1${serial % 10}${String(serial % 1000).padStart(3, '0')}`;
  return `${body}${idCardCheckCharacter(body)}`;
}

/** A unified social credit code with its GB 32100 check character. */
function creditCode(serial: number): string {
  const body = `9199990000DEMA${String(serial).padStart(3, '0')}`.slice(0, 17);
  return `${body}${creditCodeCheckCharacter(body)}`;
}
