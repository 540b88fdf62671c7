import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../platform/errors.ts';
import { CALENDAR_2025_2026 } from '../../../platform/working-days.fixture.ts';
import { replyDeadline } from './clock.ts';
import { applyAction, availableActions, clockFactsOf, type HandlingAction } from './handling.ts';
import type { FoiRequest, RequestState } from './request.ts';
import { REGISTERED } from './request.fixture.ts';

const AT = new Date('2026-10-09T02:00:00Z');
const inState = (state: RequestState, more: Partial<FoiRequest> = {}): FoiRequest => ({
  ...REGISTERED,
  state,
  ...more,
});
const step = (request: FoiRequest, action: HandlingAction, today = '2026-10-09') =>
  applyAction(request, action, { calendar: CALENDAR_2025_2026, today, at: AT });
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isDomainError(error)
      ? `${error.code}:${error.message}${error.fields.map((f) => ` ${f.field}`).join('')}`
      : 'other';
  }
  return undefined;
};

describe('handling a request (foi-law.md §4)', () => {
  it('consults a third party across 国庆: the clock stops, then runs again (条例 Art. 32, 33 ¶3)', () => {
    const consulting = step(
      REGISTERED,
      { kind: 'consult', reason: 'third_party', party: '示范区某公司（演示）', sentOn: '2026-09-22' },
      '2026-09-22',
    );
    expect(consulting.request.state).toBe('third_party_consult');
    expect(consulting.event).toEqual({
      kind: 'third_party_consulted',
      on: '2026-09-22',
      note: '被征求意见方应在 2026-10-20 前提出意见（15个工作日）。',
    });
    const resumed = step(consulting.request, {
      kind: 'consultation_answered',
      on: '2026-10-09',
      summary: '不同意公开',
    });
    expect(resumed.request.state).toBe('processing');
    expect(resumed.request.pauses[0]?.summary).toBe('不同意公开');
    expect(resumed.event.note).toBe('');
    // Paused 09-23, 09-24, 09-28, 09-29, 09-30, 10-08, 10-09: seven working days after 2026-10-22.
    expect(replyDeadline(clockFactsOf(resumed.request), CALENDAR_2025_2026, '2026-10-09').dueOn).toBe('2026-11-02');
  });

  it('extends once by at most 20 working days, refuses a second (条例 Art. 33 ¶2)', () => {
    const extended = step(REGISTERED, {
      kind: 'extend',
      workingDays: 20,
      approvedBy: '公开办负责人',
      on: '2026-10-09',
    });
    expect(extended.event.note).toBe('延长20个工作日，答复期限延至 2026-11-19。');
    expect(availableActions(extended.request)).not.toContain('extend');
    expect(
      codeOf(() => step(extended.request, { kind: 'extend', workingDays: 5, approvedBy: '负责人', on: '2026-10-09' })),
    ).toMatch(/^invalid_transition:每件申请只能延长答复期限一次/);
  });

  it.each([
    {
      label: 'an extension of 21 working days',
      action: { kind: 'extend', workingDays: 21, approvedBy: '负责人', on: '2026-10-09' },
      today: '2026-10-09',
      code: /^validation_failed:.* workingDays$/,
    },
    {
      label: 'an extension after the due date has passed',
      action: { kind: 'extend', workingDays: 5, approvedBy: '负责人', on: '2026-10-23' },
      today: '2026-10-23',
      code: /^invalid_transition:答复期限 2026-10-22 已届满/,
    },
    {
      label: 'a correction notice on the 8th working day (条例 Art. 30)',
      action: { kind: 'request_correction', sentOn: '2026-09-30', items: '请写明文件名称', dueOn: '2026-10-30' },
      today: '2026-09-30',
      code: /^invalid_transition:.*最迟为 2026-09-29/,
    },
    {
      label: 'a step dated tomorrow',
      action: { kind: 'withdraw', on: '2026-10-10' },
      today: '2026-10-09',
      code: /^validation_failed:.* on$/,
    },
    {
      label: 'a step dated before receipt',
      action: { kind: 'withdraw', on: '2026-09-17' },
      today: '2026-10-09',
      code: /^validation_failed:.* on$/,
    },
    {
      label: 'a partial disclosure without its withheld parts (条例 Art. 37)',
      action: { kind: 'reply', on: '2026-10-09', outcome: '3.2', reason: '部分涉及个人隐私', withheld: [] },
      today: '2026-10-09',
      code: /^validation_failed:.* withheld$/,
    },
    {
      label: 'a withheld part without a reason',
      action: {
        kind: 'reply',
        on: '2026-10-09',
        outcome: '3.2',
        reason: '部分涉及个人隐私',
        withheld: [{ part: '第3页', reason: '' }],
      },
      today: '2026-10-09',
      code: /^validation_failed:.* withheld$/,
    },
    {
      label: 'a refusal without reasons',
      action: { kind: 'reply', on: '2026-10-09', outcome: '3.3.4', reason: '', withheld: [] },
      today: '2026-10-09',
      code: /^validation_failed:.* reason$/,
    },
    {
      label: 'replying 逾期不补正 directly (it comes from the clock)',
      action: { kind: 'reply', on: '2026-10-09', outcome: '3.6.1', reason: '逾期未补正', withheld: [] },
      today: '2026-10-09',
      code: /^validation_failed:.* outcome$/,
    },
  ] as { label: string; action: HandlingAction; today: string; code: RegExp }[])(
    'refuses $label',
    ({ action, today, code }) => {
      expect(codeOf(() => step(REGISTERED, action, today))).toMatch(code);
    },
  );

  it('restarts the period from the corrected application, and closes one never corrected (条例 Art. 30)', () => {
    const notice = step(
      REGISTERED,
      { kind: 'request_correction', sentOn: '2026-09-21', items: '请写明所需文件的名称或文号', dueOn: '2026-10-16' },
      '2026-09-21',
    );
    expect(notice.request.state).toBe('awaiting_correction');
    expect(availableActions(notice.request)).toEqual(['receive_correction', 'close_uncorrected', 'withdraw']);
    const corrected = step(notice.request, { kind: 'receive_correction', on: '2026-10-09' });
    expect(corrected.request.correctedOn).toBe('2026-10-09');
    expect(replyDeadline(clockFactsOf(corrected.request), CALENDAR_2025_2026, '2026-10-09').dueOn).toBe('2026-11-05');
    expect(availableActions(corrected.request)).not.toContain('request_correction');

    expect(codeOf(() => step(notice.request, { kind: 'close_uncorrected', on: '2026-10-16' }, '2026-10-16'))).toMatch(
      /^invalid_transition:补正期限 2026-10-16 尚未届满/,
    );
    const closed = step(notice.request, { kind: 'close_uncorrected', on: '2026-10-19' }, '2026-10-19');
    expect(closed.request.state).toBe('closed_abandoned');
    expect(closed.request.reply?.outcome).toBe('3.6.1');
  });

  it('replies with one outcome; a partial disclosure keeps each withheld part with its reason', () => {
    const replied = step(inState('processing'), {
      kind: 'reply',
      on: '2026-10-09',
      outcome: '3.2',
      reason: '所申请信息部分涉及第三方商业秘密',
      withheld: [
        { part: '附件2 投标报价明细', reason: '涉及商业秘密，第三方不同意公开（条例第十五条）' },
        { part: '', reason: '' },
      ],
    });
    expect(replied.request.state).toBe('replied');
    expect(replied.request.reply).toEqual({
      outcome: '3.2',
      repliedOn: '2026-10-09',
      reason: '所申请信息部分涉及第三方商业秘密',
      withheld: [{ part: '附件2 投标报价明细', reason: '涉及商业秘密，第三方不同意公开（条例第十五条）' }],
      letter: null,
    });
    // A reply is served before it is filed (foi-law.md §4 row 18).
    expect(availableActions(replied.request)).toEqual(['deliver']);
  });

  it('names the agency that holds the information when this one does not (条例 Art. 36 (5)), and only then', () => {
    const referred = step(inState('processing'), {
      kind: 'reply',
      on: '2026-10-09',
      outcome: '3.4.1',
      reason: '经检索，本机关未制作或获取该信息。',
      withheld: [],
      referral: '示范区住房和城乡建设局（联系电话 0000-00000000，演示）',
    });
    expect(referred.request.reply?.referral).toBe('示范区住房和城乡建设局（联系电话 0000-00000000，演示）');
    expect(
      codeOf(() =>
        step(inState('processing'), {
          kind: 'reply',
          on: '2026-10-09',
          outcome: '3.1',
          reason: '',
          withheld: [],
          referral: '某局',
        }),
      ),
    ).toMatch(/^validation_failed:.* referral$/);
  });

  it.each([
    { state: 'submitted', action: { kind: 'reply', on: '2026-10-09', outcome: '3.1', reason: '', withheld: [] } },
    { state: 'replied', action: { kind: 'withdraw', on: '2026-10-09' } },
    {
      state: 'third_party_consult',
      action: { kind: 'reply', on: '2026-10-09', outcome: '3.1', reason: '', withheld: [] },
    },
    { state: 'processing', action: { kind: 'consultation_answered', on: '2026-10-09', summary: '' } },
    { state: 'processing', action: { kind: 'archive', on: '2026-10-09' } },
    { state: 'archived', action: { kind: 'archive', on: '2026-10-09' } },
  ] as { state: RequestState; action: HandlingAction }[])('refuses $action.kind from $state', ({ state, action }) => {
    expect(codeOf(() => step(inState(state), action))).toMatch(/^invalid_transition:/);
  });

  it('charges a fee with the clock stopped from the notice to payment, and closes an unpaid one after its date (条例 Art. 42)', () => {
    const notice = step(
      REGISTERED,
      { kind: 'fee_notice', on: '2026-09-22', method: 'page', quantity: 100, alreadyCounted: 0, dueOn: '2026-10-23' },
      '2026-09-22',
    );
    expect(notice.request.state).toBe('fee_pending');
    expect(notice.request.fee).toMatchObject({
      amountYuan: 700,
      noticeOn: '2026-09-22',
      dueOn: '2026-10-23',
      paidOn: null,
    });
    expect(notice.event.note).toBe('信息处理费 700 元，请于 2026-10-23 前缴纳。');
    const paid = step(notice.request, { kind: 'fee_paid', on: '2026-10-09' });
    expect(paid.request.state).toBe('processing');
    // The same seven working days as a consultation over the same dates: due 2026-11-02.
    expect(replyDeadline(clockFactsOf(paid.request), CALENDAR_2025_2026, '2026-10-09').dueOn).toBe('2026-11-02');
    expect(codeOf(() => step(notice.request, { kind: 'close_fee_unpaid', on: '2026-10-23' }, '2026-10-23'))).toMatch(
      /^invalid_transition:缴费期限 2026-10-23 尚未届满/,
    );
    const unpaid = step(notice.request, { kind: 'close_fee_unpaid', on: '2026-10-26' }, '2026-10-26');
    expect(unpaid.request.state).toBe('closed_fee_unpaid');
    expect(unpaid.request.reply?.outcome).toBe('3.6.2');
    expect(
      codeOf(() =>
        step(
          REGISTERED,
          {
            kind: 'fee_notice',
            on: '2026-09-22',
            method: 'page',
            quantity: 30,
            alreadyCounted: 0,
            dueOn: '2026-10-23',
          },
          '2026-09-22',
        ),
      ),
    ).toMatch(/^validation_failed:.* quantity$/);
  });

  it('asks for reasons of a clearly excessive request, then replies 不予处理 or goes on (条例 Art. 35)', () => {
    const asked = step(
      REGISTERED,
      { kind: 'ask_reasons', on: '2026-09-22', note: '一个月内就同类事项提出200件申请' },
      '2026-09-22',
    );
    expect(asked.request.state).toBe('excessive_review');
    expect(availableActions(asked.request)).toEqual(['reply', 'withdraw', 'resume']);
    const refused = step(asked.request, {
      kind: 'reply',
      on: '2026-10-09',
      outcome: '3.5.4',
      reason: '申请人未说明合理理由',
      withheld: [],
    });
    expect(refused.request.reply?.outcome).toBe('3.5.4');
    expect(step(asked.request, { kind: 'resume', on: '2026-10-09' }).request.state).toBe('processing');
  });
});

describe('serving the reply (送达) before filing the case (foi-law.md §4 rows 16, 18)', () => {
  const REPLIED = step(inState('processing'), {
    kind: 'reply',
    on: '2026-10-09',
    outcome: '3.1',
    reason: '',
    withheld: [],
  }).request;
  const deliver = (method: 'pickup' | 'post' | 'email' | 'online', proof: string, proofFiles = 0, on = '2026-10-12') =>
    ({ kind: 'deliver', on, method, proof, proofFiles }) as const;

  it.each([
    { method: 'post', proof: 'EMS1234567890CN', files: 0, note: '邮寄，邮件单号 EMS1234567890CN' },
    { method: 'email', proof: '<20261012.1@mail.example.cn>', files: 0, note: '电子邮件' },
    { method: 'email', proof: '', files: 1, note: '电子邮件' },
    { method: 'pickup', proof: '张示范', files: 0, note: '自行领取' },
    { method: 'pickup', proof: '', files: 1, note: '自行领取' },
    { method: 'online', proof: '', files: 0, note: '网上获取' },
  ] as const)(
    'records delivery by $method with proof "$proof" and $files file(s)',
    ({ method, proof, files, note }) => {
      const served = step(REPLIED, deliver(method, proof, files), '2026-10-12');
      expect(served.request.state).toBe('replied');
      expect(served.request.service).toEqual({ method, on: '2026-10-12', proof });
      expect(served.event).toEqual({ kind: 'delivered', on: '2026-10-12', note });
      expect(availableActions(served.request)).toEqual(['archive']);
      expect(step(served.request, { kind: 'archive', on: '2026-10-12' }, '2026-10-12').request.state).toBe('archived');
    },
  );

  it.each([
    { label: 'post without a postal number', action: deliver('post', ''), expected: /^validation_failed:.* proof$/ },
    {
      label: 'post with a two-character number',
      action: deliver('post', 'EM'),
      expected: /^validation_failed:.* proof$/,
    },
    { label: 'e-mail without any record', action: deliver('email', ' '), expected: /^validation_failed:.* proof$/ },
    { label: 'pickup without a signature', action: deliver('pickup', ''), expected: /^validation_failed:.* proof$/ },
    {
      label: 'a day before the reply',
      action: deliver('post', 'EMS1234567890CN', 0, '2026-10-08'),
      expected: /^validation_failed:.* on$/,
    },
    {
      label: 'a day after today',
      action: deliver('post', 'EMS1234567890CN', 0, '2026-10-13'),
      expected: /^validation_failed:.* on$/,
    },
  ])('refuses delivery by $label', ({ action, expected }) => {
    expect(codeOf(() => step(REPLIED, action, '2026-10-12'))).toMatch(expected);
  });

  it('refuses filing a reply not yet served, a second delivery, and delivery before a reply', () => {
    expect(codeOf(() => step(REPLIED, { kind: 'archive', on: '2026-10-12' }, '2026-10-12'))).toMatch(
      /^invalid_transition:答复尚未登记送达/,
    );
    const served = step(REPLIED, deliver('online', ''), '2026-10-12').request;
    expect(codeOf(() => step(served, deliver('post', 'EMS1234567890CN'), '2026-10-12'))).toMatch(
      /^invalid_transition:该答复已登记送达/,
    );
    for (const state of ['processing', 'withdrawn', 'archived', 'not_handled'] as const) {
      expect(codeOf(() => step(inState(state), deliver('online', ''), '2026-10-12'))).toMatch(/^invalid_transition:/);
    }
    // A request closed without a reply letter is filed as before.
    expect(step(inState('withdrawn'), { kind: 'archive', on: '2026-10-12' }, '2026-10-12').request.state).toBe(
      'archived',
    );
  });

  it('takes released files with a reply that discloses, and refuses them with any other outcome', () => {
    const released = step(inState('processing'), {
      kind: 'reply',
      on: '2026-10-09',
      outcome: '3.1',
      reason: '',
      withheld: [],
      releasedFiles: 2,
    });
    expect(released.request.state).toBe('replied');
    expect(
      codeOf(() =>
        step(inState('processing'), {
          kind: 'reply',
          on: '2026-10-09',
          outcome: '3.4.1',
          reason: '经检索，本机关未制作或获取该信息。',
          withheld: [],
          releasedFiles: 1,
        }),
      ),
    ).toMatch(/^validation_failed:.* releasedFiles$/);
  });
});
