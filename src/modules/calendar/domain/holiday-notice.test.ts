import { describe, expect, it } from 'vitest';
import { MAX_EVENT_DAYS, MAX_NOTICE_DAYS, parseNoticeIcs, parseNoticeJson } from './holiday-notice.ts';

const ics = (start: string, end: string, summary = '春节(休)') =>
  `BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:${start}\nDTEND;VALUE=DATE:${end}\nSUMMARY:${summary}\nEND:VEVENT\nEND:VCALENDAR\n`;

describe('parseNoticeIcs', () => {
  it('reads the days of a holiday run', () => {
    const result = parseNoticeIcs(ics('20270206', '20270215'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.notice.get(2027)?.map((d) => d.date)).toHaveLength(9);
  });

  it.each([
    { start: '20270101', end: '20270201', days: 31, ok: true },
    { start: '20270101', end: '20270202', days: 32, ok: false },
    { start: '19000101', end: '21000101', days: 73_049, ok: false },
    { start: '00010101', end: '99991231', days: 3_652_058, ok: false },
  ])('accepts an event of $days days: $ok', ({ start, end, ok }) => {
    const result = parseNoticeIcs(ics(start, end));
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.issues[0]?.message).toContain(`${MAX_EVENT_DAYS}天`);
  });
});

describe('parseNoticeJson', () => {
  it('refuses a file that sets more days than every notice together', () => {
    const days = Array.from({ length: MAX_NOTICE_DAYS + 1 }, (_, i) => ({
      date: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      isOffDay: true,
    }));
    const result = parseNoticeJson(JSON.stringify(days));
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'file', message: `一个文件最多设置${MAX_NOTICE_DAYS}天。` }],
    });
  });
});
