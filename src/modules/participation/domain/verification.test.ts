import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../platform/errors.ts';
import {
  channelOfContact,
  checkResend,
  codeHashOf,
  codeOutcome,
  codeRefusal,
  newVerification,
  personKeyOf,
  verifiedUntil,
  type CodeOutcome,
  type RecentSends,
} from './verification.ts';

const SECRET = 'verification-test-secret-0123456789';
const SENT = new Date('2026-03-02T02:00:00.000Z');
const at = (seconds: number) => new Date(SENT.getTime() + seconds * 1000);
const sent = newVerification({
  id: 'v0000000000000001',
  secret: SECRET,
  channel: 'email',
  personKey: personKeyOf(SECRET, 'zhang@example.cn'),
  addressKey: 'a',
  maskedContact: 'z***@example.cn',
  code: '042917',
  now: SENT,
});

/** The error a function throws, or undefined. */
function thrown(run: () => unknown) {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.code, message: error.message, fields: error.fields };
  }
}

describe('a code sent to a contact', () => {
  it('is kept as a keyed hash bound to its verification, and expires ten minutes after it was sent', () => {
    expect(sent.codeHash).not.toContain('042917');
    expect(sent.codeHash).toBe(codeHashOf(SECRET, sent.id, '042917'));
    expect(codeHashOf(SECRET, 'v0000000000000002', '042917')).not.toBe(sent.codeHash);
    expect(codeHashOf('another-secret', sent.id, '042917')).not.toBe(sent.codeHash);
    expect(sent.expiresAt).toBe('2026-03-02T02:10:00.000Z');
    expect(sent.tries).toBe(0);
  });

  it.each<[string, { tries?: number; verifiedAt?: string | null }, string, number, CodeOutcome]>([
    ['verifies the right code at once', {}, '042917', 0, { kind: 'verified' }],
    ['verifies the right code typed with spaces and full-width digits', {}, '０４2 917', 60, { kind: 'verified' }],
    ['verifies the right code one second before expiry', {}, '042917', 599, { kind: 'verified' }],
    ['refuses the right code at expiry', {}, '042917', 600, { kind: 'expired' }],
    ['counts a first wrong code, four tries left', {}, '123456', 10, { kind: 'wrong', triesLeft: 4 }],
    ['counts a fourth wrong code, one try left', { tries: 3 }, '123456', 10, { kind: 'wrong', triesLeft: 1 }],
    ['burns the code on the fifth wrong try', { tries: 4 }, '123456', 10, { kind: 'burned' }],
    ['verifies the right code on the fifth try', { tries: 4 }, '042917', 10, { kind: 'verified' }],
    ['refuses the right code after five wrong ones', { tries: 5 }, '042917', 10, { kind: 'burned' }],
    ['refuses a code replaced by a newer one', { tries: 1000 }, '042917', 10, { kind: 'burned' }],
    ['refuses a used code even when right', { verifiedAt: at(5).toISOString() }, '042917', 10, { kind: 'used' }],
    ['calls a wrong code after expiry expired, not wrong', {}, '123456', 900, { kind: 'expired' }],
  ])('%s', (_name, state, given, seconds, expected) => {
    expect(codeOutcome({ ...sent, ...state }, given, SECRET, at(seconds))).toEqual(expected);
  });

  it.each(['', '12345', '1234567', 'abcdef', '12345６7'])('refuses %j as no code, counting no try', (given) => {
    expect(thrown(() => codeOutcome(sent, given, SECRET, at(10)))).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'code', message: '请填写收到的6位数字验证码。' }],
    });
  });

  it.each<[Exclude<CodeOutcome, { kind: 'verified' }>, string, string]>([
    [{ kind: 'wrong', triesLeft: 2 }, 'validation_failed', '验证码不对，还可以再试2次。'],
    [{ kind: 'burned' }, 'invalid_transition', '验证码输错次数过多，已失效。请重新获取验证码。'],
    [{ kind: 'expired' }, 'invalid_transition', '验证码已过期，请重新获取验证码。'],
    [{ kind: 'used' }, 'invalid_transition', '这个验证码已经用过，请重新获取验证码。'],
  ])('answers %j with %s in Chinese', (outcome, code, message) => {
    const error = codeRefusal(outcome);
    expect(error.code).toBe(code);
    expect([error.message, ...error.fields.map((f) => f.message)]).toContain(message);
  });
});

describe('the resend limits', () => {
  const NOW = new Date('2026-03-02T02:00:00.000Z');
  const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
  const none: RecentSends = { lastToContactAt: null, toContactLastHour: 0, fromAddressLastHour: 0 };
  it.each<[string, RecentSends, string | undefined]>([
    ['sends a first code', none, undefined],
    [
      'refuses a second code 59 s after the first',
      { ...none, lastToContactAt: ago(59), toContactLastHour: 1 },
      '请1秒后',
    ],
    [
      'refuses a second code 1 s after the first, saying 59 s',
      { ...none, lastToContactAt: ago(1), toContactLastHour: 1 },
      '请59秒后',
    ],
    [
      'sends a second code 60 s after the first',
      { ...none, lastToContactAt: ago(60), toContactLastHour: 1 },
      undefined,
    ],
    ['sends a fifth code within the hour', { ...none, lastToContactAt: ago(600), toContactLastHour: 4 }, undefined],
    [
      'refuses a sixth code to one contact within the hour',
      { ...none, lastToContactAt: ago(600), toContactLastHour: 5 },
      '每小时最多获取5次',
    ],
    ['sends the twentieth code from one address', { ...none, fromAddressLastHour: 19 }, undefined],
    [
      'refuses the twenty-first code from one address',
      { ...none, fromAddressLastHour: 20 },
      '您所在的网络每小时最多获取20次',
    ],
  ])('%s', (_name, recent, refusal) => {
    const error = thrown(() => checkResend(recent, NOW));
    if (refusal === undefined) expect(error).toBeUndefined();
    else {
      expect(error?.code).toBe('rate_limited');
      expect(error?.message).toContain(refusal);
    }
  });
});

describe('the person and the proof', () => {
  it.each([
    ['zhang@example.cn', 'email'],
    ['zhang＠example.cn', 'email'],
    ['138 0013 8000', 'sms'],
    ['+8613800138000', 'sms'],
    ['', 'sms'],
  ] as const)('reads %j as %s', (input, channel) => {
    expect(channelOfContact(input)).toBe(channel);
  });

  it('knows one person by one key whatever device, and never by the contact itself', () => {
    const key = personKeyOf(SECRET, '13800138000');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(personKeyOf(SECRET, '13800138000')).toBe(key);
    expect(personKeyOf(SECRET, '13800138001')).not.toBe(key);
    expect(personKeyOf('another-secret', '13800138000')).not.toBe(key);
  });

  it('holds the proof for 24 hours', () => {
    expect(verifiedUntil(SENT).toISOString()).toBe('2026-03-03T02:00:00.000Z');
  });
});
