/**
 * Working days (工作日) in mainland China: Monday to Friday, except the statutory holidays the State
 * Council announces each year, plus the weekend days it turns into make-up working days (调休).
 * Every legal clock in the product (catalog time limits, 条例 Art. 33 reply deadlines, message
 * replies) counts in these days.
 *
 * Counting follows 民法典 Art. 201: the day of the event is not counted; counting starts the next
 * day. Because only working days are counted, a deadline always ends on a working day, which is
 * what Art. 203 asks when a period would end on a holiday.
 *
 * A year without holiday data is never silently counted as plain Monday–Friday: every result says
 * which uncovered years it passed through, and callers show that as a warning.
 */

/** The holiday notice data for the years the calendar covers. */
export type WorkingCalendar = {
  /** Years whose State Council notice has been loaded. */
  coveredYears: ReadonlySet<number>;
  /** Statutory holidays and the days off around them (YYYY-MM-DD). */
  offDays: ReadonlySet<string>;
  /** Weekend days made into working days (调休上班, YYYY-MM-DD). */
  workDays: ReadonlySet<string>;
};

/** A date with the years it was computed through without holiday data. */
export type CountedDate = { date: string; uncoveredYears: number[] };
export type CountedDays = { days: number; uncoveredYears: number[] };

const DAY_MS = 86_400_000;

/** True when the calendar has holiday data for the year of `date`. */
export function isCovered(calendar: WorkingCalendar, date: string): boolean {
  return calendar.coveredYears.has(Number(date.slice(0, 4)));
}

/**
 * Whether `date` is a working day. In a covered year the notice decides; in an uncovered year the
 * answer is Monday–Friday and the caller must flag it.
 */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (calendar.workDays.has(date)) return true;
  if (calendar.offDays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `n` working days after `date` (民法典 Art. 201: `date` itself is not counted).
 * `n` = 0 returns `date` unchanged.
 * @throws RangeError for a negative or fractional `n`, or a malformed date.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: string, n: number): CountedDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let time = parseDate(date);
  const uncovered = new Set<number>();
  let left = n;
  while (left > 0) {
    time += DAY_MS;
    const day = formatDate(time);
    if (!isCovered(calendar, day)) uncovered.add(Number(day.slice(0, 4)));
    if (isWorkingDay(calendar, day)) left--;
  }
  return { date: formatDate(time), uncoveredYears: [...uncovered].sort() };
}

/**
 * How many working days lie after `from` up to and including `to` (0 when `to` is not after
 * `from`): the number that, added to `from`, reaches `to` or the last working day before it.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): CountedDays {
  const end = parseDate(to);
  const uncovered = new Set<number>();
  let days = 0;
  for (let time = parseDate(from) + DAY_MS; time <= end; time += DAY_MS) {
    const day = formatDate(time);
    if (!isCovered(calendar, day)) uncovered.add(Number(day.slice(0, 4)));
    if (isWorkingDay(calendar, day)) days++;
  }
  return { days, uncoveredYears: [...uncovered].sort() };
}

/** Working-day arithmetic for many dates at once (see `workingDayIndex`). */
export type WorkingDayIndex = {
  addWorkingDays(date: string, n: number): CountedDate;
  workingDaysBetween(from: string, to: string): CountedDays;
};

/**
 * `addWorkingDays` and `workingDaysBetween` for many dates between `first` and `last`: the same
 * answers, from one pass over the range that counts its working days cumulatively, so that each
 * question then costs a lookup instead of a walk day by day (a year's statistics ask tens of thousands).
 * A date or a result outside the range is computed day by day as those functions do.
 * @throws RangeError for a malformed `first` or `last`.
 */
export function workingDayIndex(calendar: WorkingCalendar, first: string, last: string): WorkingDayIndex {
  const start = parseDate(first);
  const span = Math.max(0, Math.round((parseDate(last) - start) / DAY_MS)) + 1;
  /** Working days from `first` up to and including the day at each offset. */
  const cumulative = new Int32Array(span);
  /** The offsets of the working days, in order. */
  const working: number[] = [];
  for (let offset = 0; offset < span; offset++) {
    if (isWorkingDay(calendar, formatDate(start + offset * DAY_MS))) working.push(offset);
    cumulative[offset] = working.length;
  }
  // Many questions share their dates: each date is parsed once.
  const offsets = new Map<string, number>();
  const offsetOf = (date: string): number | undefined => {
    let offset = offsets.get(date);
    if (offset === undefined) {
      offset = Math.round((parseDate(date) - start) / DAY_MS);
      offsets.set(date, offset);
    }
    return offset >= 0 && offset < span ? offset : undefined;
  };
  const dates = new Map<number, string>();
  const dateAt = (offset: number): string => {
    let date = dates.get(offset);
    if (date === undefined) dates.set(offset, (date = formatDate(start + offset * DAY_MS)));
    return date;
  };
  // The years of the days after `from` up to and including `to` that have no holiday data.
  const uncoveredAfter = (from: number, to: number): number[] => {
    const years: number[] = [];
    if (to <= from) return years;
    for (let year = new Date(from + DAY_MS).getUTCFullYear(); year <= new Date(to).getUTCFullYear(); year++) {
      if (!calendar.coveredYears.has(year)) years.push(year);
    }
    return years;
  };
  return {
    workingDaysBetween(from, to) {
      const i = offsetOf(from);
      const j = offsetOf(to);
      if (i === undefined || j === undefined) return workingDaysBetween(calendar, from, to);
      if (j <= i) return { days: 0, uncoveredYears: [] };
      return {
        days: cumulative[j]! - cumulative[i]!,
        uncoveredYears: uncoveredAfter(start + i * DAY_MS, start + j * DAY_MS),
      };
    },
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
      const i = offsetOf(date);
      if (i === undefined) return addWorkingDays(calendar, date, n);
      if (n === 0) return { date, uncoveredYears: [] };
      // The working days up to `date` are the first cumulative[i]; the n-th after it comes next but n - 1.
      const offset = working[cumulative[i]! + n - 1];
      if (offset === undefined) return addWorkingDays(calendar, date, n);
      return { date: dateAt(offset), uncoveredYears: uncoveredAfter(start + i * DAY_MS, start + offset * DAY_MS) };
    },
  };
}

/** A calendar built from lists of days (for tests and imports). */
export function calendarOf(data: { years: number[]; offDays?: string[]; workDays?: string[] }): WorkingCalendar {
  return {
    coveredYears: new Set(data.years),
    offDays: new Set(data.offDays ?? []),
    workDays: new Set(data.workDays ?? []),
  };
}

/** The warning to show when a deadline passes through years without holiday data. */
export function uncoveredWarning(years: number[]): string | undefined {
  if (years.length === 0) return undefined;
  return `${years.join('、')}年的法定节假日安排尚未导入，期限暂按周一至周五计算，请系统管理员导入国务院办公厅节假日通知后复核。`;
}

function parseDate(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time) || formatDate(time) !== date) throw new RangeError(`not a real date: ${date}`);
  return time;
}

function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
