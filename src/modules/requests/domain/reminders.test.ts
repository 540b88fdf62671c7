import { describe, expect, it } from 'vitest';
import { CALENDAR_2025_2026 } from '../../../platform/working-days.fixture.ts';
import type { FoiRequest } from './request.ts';
import { REGISTERED } from './request.fixture.ts';
import { remindersDue } from './reminders.ts';

/** REGISTERED: received Friday 2026-09-18, due Thursday 2026-10-22 across 国庆 (条例 Art. 33). */
const PROCESSING: FoiRequest = { ...REGISTERED, state: 'processing' };
const CONSULTING: FoiRequest = {
  ...REGISTERED,
  state: 'third_party_consult',
  pauses: [{ reason: 'third_party', from: '2026-09-22', until: null, party: '示范区某公司（演示）' }],
};

describe('deadline reminders (条例 Art. 32, 33)', () => {
  it.each([
    { case: 'six working days before due: nothing yet', request: PROCESSING, today: '2026-10-14', expected: [] },
    {
      case: 'five working days before due: due soon',
      request: PROCESSING,
      today: '2026-10-15',
      expected: [{ kind: 'due_soon', dueOn: '2026-10-22', workingDaysLeft: 5, party: null }],
    },
    {
      case: 'on the due date itself: still due soon, not overdue',
      request: PROCESSING,
      today: '2026-10-22',
      expected: [{ kind: 'due_soon', dueOn: '2026-10-22', workingDaysLeft: 0, party: null }],
    },
    {
      case: 'the working day after: overdue',
      request: PROCESSING,
      today: '2026-10-23',
      expected: [{ kind: 'overdue', dueOn: '2026-10-22', workingDaysLeft: -1, party: null }],
    },
    {
      case: 'an extension of 10 working days moves the date (Art. 33 ¶2)',
      request: {
        ...PROCESSING,
        extension: { workingDays: 10, approvedBy: '示范区局长（演示）', approvedOn: '2026-10-12' },
      },
      today: '2026-10-23',
      expected: [],
    },
    {
      case: 'a closed request: no reminder',
      request: { ...PROCESSING, state: 'replied' as const, closedOn: '2026-10-20' },
      today: '2026-10-23',
      expected: [],
    },
    {
      case: 'awaiting correction: the period has not begun again (Art. 30)',
      request: { ...PROCESSING, state: 'awaiting_correction' as const },
      today: '2026-10-23',
      expected: [],
    },
    {
      case: 'consulting, day 15 of the third party: no reminder, the clock stands still',
      request: CONSULTING,
      today: '2026-10-20',
      expected: [],
    },
    {
      case: 'consulting, the 15 working days have run out across 国庆 (Art. 32)',
      request: CONSULTING,
      today: '2026-10-21',
      expected: [
        { kind: 'consultation_due', dueOn: '2026-10-20', workingDaysLeft: null, party: '示范区某公司（演示）' },
      ],
    },
  ])('$case', ({ request, today, expected }) => {
    expect(remindersDue(request, CALENDAR_2025_2026, today, 5)).toEqual(expected);
  });

  it('the number of working days before due is configurable', () => {
    expect(remindersDue(PROCESSING, CALENDAR_2025_2026, '2026-10-14', 6).map((r) => r.kind)).toEqual(['due_soon']);
    expect(remindersDue(PROCESSING, CALENDAR_2025_2026, '2026-10-15', 3)).toEqual([]);
  });
});
