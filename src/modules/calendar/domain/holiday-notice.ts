import { isIsoDate } from '../../../platform/clock.ts';
import { CALENDAR_TEXT } from '../strings.ts';
import type { FieldIssue } from '../../../platform/errors.ts';

/**
 * A year's holiday arrangement as the State Council's annual notice (国务院办公厅关于某年部分节假日
 * 安排的通知) gives it: the days off, and the weekend days worked instead (调休).
 */
export type CalendarDay = { date: string; isOffDay: boolean; name: string };

/** Days grouped by the year they belong to; a year present here becomes covered. */
export type HolidayNotice = Map<number, CalendarDay[]>;

export type ParseResult = { ok: true; notice: HolidayNotice } | { ok: false; issues: FieldIssue[] };

/**
 * Reads a notice from JSON: either `[{ "date": "2027-01-01", "isOffDay": true, "name": "元旦" }]`
 * or the chinese-days layout `{ "holidays": { date: "…,元旦,1" }, "workdays": { date: "…" } }`.
 */
export function parseNoticeJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ field: 'file', message: CALENDAR_TEXT.notJson }] };
  }
  const days: CalendarDay[] = [];
  const issues: FieldIssue[] = [];
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      const record = (item ?? {}) as { date?: unknown; isOffDay?: unknown; name?: unknown };
      if (typeof record.date !== 'string' || !isIsoDate(record.date) || typeof record.isOffDay !== 'boolean') {
        issues.push({ field: `第${i + 1}项`, message: CALENDAR_TEXT.jsonItemShape });
        return;
      }
      days.push({
        date: record.date,
        isOffDay: record.isOffDay,
        name: typeof record.name === 'string' ? record.name : '',
      });
    });
  } else if (value && typeof value === 'object' && ('holidays' in value || 'workdays' in value)) {
    const layout = value as { holidays?: Record<string, string>; workdays?: Record<string, string> };
    for (const [isOffDay, group] of [
      [true, layout.holidays ?? {}],
      [false, layout.workdays ?? {}],
    ] as const) {
      for (const [date, label] of Object.entries(group)) {
        if (!isIsoDate(date)) {
          issues.push({ field: date, message: CALENDAR_TEXT.dateShape });
          continue;
        }
        days.push({ date, isOffDay, name: String(label).split(',')[1] ?? '' });
      }
    }
  } else {
    issues.push({ field: 'file', message: CALENDAR_TEXT.jsonShape });
  }
  return finish(days, issues);
}

/** The longest run of days one event may cover (the longest holiday, 春节, is 8 or 9 days). */
export const MAX_EVENT_DAYS = 31;
/** Most days one file may set: every notice since 2004 together holds about 1,000. */
export const MAX_NOTICE_DAYS = 5_000;

/**
 * Reads a notice from an iCalendar file: each all-day event is a run of days off when its summary
 * or description says 休, or of make-up working days when it says 班 (as the published holiday
 * calendars write them, e.g. "SUMMARY:春节(休)").
 */
export function parseNoticeIcs(text: string): ParseResult {
  // Folded lines (RFC 5545 §3.1) continue with a leading space.
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const days: CalendarDay[] = [];
  const issues: FieldIssue[] = [];
  let event: { start?: string; end?: string; summary?: string; description?: string; line: number } | undefined;
  lines.forEach((line, index) => {
    if (line === 'BEGIN:VEVENT') event = { line: index + 1 };
    else if (line === 'END:VEVENT' && event) {
      const label = `${event.summary ?? ''}${event.description ?? ''}`;
      const kind = label.includes('班') ? false : label.includes('休') ? true : undefined;
      if (!event.start || kind === undefined) {
        issues.push({ field: `第${event.line}行`, message: CALENDAR_TEXT.eventIncomplete });
      } else {
        const name = (event.summary ?? '').replace(/[（(].*?[)）]/g, '').trim();
        const end = event.end ?? nextDay(event.start);
        const run: CalendarDay[] = [];
        for (let day = event.start; day < end && run.length <= MAX_EVENT_DAYS; day = nextDay(day)) {
          run.push({ date: day, isOffDay: kind, name });
        }
        // No holiday or make-up run is longer than a few weeks; a longer one is a mistake in the file.
        if (run.length > MAX_EVENT_DAYS) {
          issues.push({ field: `第${event.line}行`, message: CALENDAR_TEXT.eventTooLong(MAX_EVENT_DAYS) });
        } else days.push(...run);
      }
      event = undefined;
    } else if (event) {
      const match = /^(DTSTART|DTEND|SUMMARY|DESCRIPTION)(;[^:]*)?:(.*)$/.exec(line);
      if (!match) return;
      const [, key, , raw] = match;
      if (key === 'SUMMARY') event.summary = raw;
      else if (key === 'DESCRIPTION') event.description = raw;
      else {
        const date = /^(\d{4})(\d{2})(\d{2})/.exec(raw ?? '');
        const iso = date ? `${date[1]}-${date[2]}-${date[3]}` : '';
        if (!isIsoDate(iso)) issues.push({ field: `第${index + 1}行`, message: CALENDAR_TEXT.unknownDate(raw ?? '') });
        else if (key === 'DTSTART') event.start = iso;
        else event.end = iso;
      }
    }
  });
  return finish(days, issues);
}

function finish(days: CalendarDay[], issues: FieldIssue[]): ParseResult {
  if (days.length > MAX_NOTICE_DAYS) {
    return { ok: false, issues: [{ field: 'file', message: CALENDAR_TEXT.tooManyDays(MAX_NOTICE_DAYS) }] };
  }
  const seen = new Map<string, boolean>();
  for (const day of days) {
    if (seen.has(day.date) && seen.get(day.date) !== day.isOffDay) {
      issues.push({ field: day.date, message: CALENDAR_TEXT.dayBothWays });
    }
    seen.set(day.date, day.isOffDay);
  }
  if (issues.length === 0 && days.length === 0) issues.push({ field: 'file', message: CALENDAR_TEXT.noDays });
  if (issues.length > 0) return { ok: false, issues };
  const notice: HolidayNotice = new Map();
  for (const day of days) {
    const year = Number(day.date.slice(0, 4));
    const list = notice.get(year) ?? [];
    if (!list.some((d) => d.date === day.date)) list.push(day);
    notice.set(year, list);
  }
  for (const list of notice.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return { ok: true, notice };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * True when a notice's days for `year` are that year's whole arrangement rather than a make-up day
 * spilling over from a neighbouring year's notice: every annual notice starts with 元旦, and 1 January
 * is a statutory day off (全国年节及纪念日放假办法 Art. 2).
 */
export function isWholeYear(year: number, days: CalendarDay[]): boolean {
  return days.some((day) => day.date === `${year}-01-01` && day.isOffDay);
}
