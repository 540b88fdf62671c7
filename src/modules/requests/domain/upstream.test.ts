import { describe, expect, it } from 'vitest';
import { REGISTERED } from './request.fixture.ts';
import type { FoiRequest, RequestEvent } from './request.ts';
import { checkUpstreamId, nextAttemptAfter, upstreamStatusOf } from './upstream.ts';

const FORWARDED = { ...REGISTERED, channel: 'provincial', upstreamId: 'SQ-2026-000001' } as const satisfies FoiRequest;
const RECEIVED: RequestEvent = {
  requestId: 'r1',
  seq: 2,
  kind: 'received',
  at: '2026-09-18T02:00:00.000Z',
  on: '2026-09-18',
  by: '测试区教育局',
  note: '',
};

describe('upstream references', () => {
  it.each([
    { value: 'SQ-2026-000001', field: undefined },
    { value: 'a', field: undefined },
    { value: 'gd.sqpt:2026_01', field: undefined },
    { value: 'x'.repeat(64), field: undefined },
    { value: '', field: 'upstreamId' },
    { value: 'x'.repeat(65), field: 'upstreamId' },
    { value: 'SQ 2026', field: 'upstreamId' },
    { value: '申请001', field: 'upstreamId' },
    { value: '../1', field: 'upstreamId' },
  ])('$value: $field', ({ value, field }) => {
    expect(checkUpstreamId(value)?.field).toBe(field);
  });
});

describe('statuses for the provincial platform', () => {
  it('reports a receipt with the receipt date and the running deadline', () => {
    expect(upstreamStatusOf(FORWARDED, RECEIVED)).toEqual({
      upstreamId: 'SQ-2026-000001',
      trackingCode: 'YS-23456-23456',
      seq: 2,
      event: 'received',
      eventLabel: '受理机关确认收到申请（条例第三十一条）',
      on: '2026-09-18',
      at: '2026-09-18T02:00:00.000Z',
      state: 'registered',
      stateLabel: '已登记',
      closed: false,
      receivedOn: '2026-09-18',
      dueOn: '2026-10-22',
      outcome: null,
      note: '',
    });
  });

  it('reports a reply with its outcome row, and a corrected application by its new receipt date', () => {
    const replied: FoiRequest & { upstreamId: string } = {
      ...FORWARDED,
      state: 'replied',
      correctedOn: '2026-09-25',
      dueOn: null,
      reply: { outcome: '3.3.1', repliedOn: '2026-10-09', reason: '属于国家秘密', withheld: [], letter: null },
    };
    const status = upstreamStatusOf(replied, { ...RECEIVED, seq: 5, kind: 'replied', on: '2026-10-09' });
    expect(status).toMatchObject({
      seq: 5,
      event: 'replied',
      state: 'replied',
      closed: true,
      receivedOn: '2026-09-25',
      dueOn: null,
      outcome: { code: '3.3.1', group: '不予公开', label: '属于国家秘密' },
    });
  });
});

describe('retries', () => {
  const failedAt = new Date('2026-09-18T02:00:00Z');
  it.each([
    { attempts: 1, next: '2026-09-18T02:00:30.000Z' },
    { attempts: 2, next: '2026-09-18T02:01:00.000Z' },
    { attempts: 3, next: '2026-09-18T02:02:00.000Z' },
    { attempts: 10, next: '2026-09-18T06:16:00.000Z' },
    { attempts: 11, next: '2026-09-18T08:00:00.000Z' },
    { attempts: 500, next: '2026-09-18T08:00:00.000Z' },
  ])('after failure $attempts: next at $next', ({ attempts, next }) => {
    expect(nextAttemptAfter(failedAt, attempts).toISOString()).toBe(next);
  });
});
