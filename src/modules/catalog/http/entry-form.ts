import type { FieldIssue } from '../../../platform/errors.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { field, fieldList } from '../../../platform/http/forms.ts';
import { DISCLOSURE_LEVELS, type DisclosureLevel } from '../../../reference/disclosure-levels.ts';
import { formatLegalBasis, parseLegalBasis, splitItems } from '../domain/cell-text.ts';
import {
  CHANNELS,
  FIVE_OPEN,
  type Channel,
  type EntryContent,
  type FiveOpen,
  type TimeLimit,
} from '../domain/entry.ts';

/** The entry form's values as typed, so a refused save shows exactly what was entered. */
export type EntryFormValues = {
  fieldCode: string;
  itemL1: string;
  itemL2: string;
  contentElements: string;
  legalBasis: string;
  timeLimitKind: 'working_days' | 'realtime' | 'timely' | 'custom';
  timeLimitDays: string;
  timeLimitText: string;
  publisher: string;
  channels: string[];
  otherChannels: string;
  audience: string[];
  mode: string[];
  levels: string[];
  fiveOpen: string[];
  retention: string;
};

export function formValuesOfEntry(entry: EntryContent): EntryFormValues {
  return {
    fieldCode: entry.fieldCode,
    itemL1: entry.itemL1,
    itemL2: entry.itemL2,
    contentElements: entry.contentElements.join('\n'),
    legalBasis: formatLegalBasis(entry.legalBasis),
    timeLimitKind: entry.timeLimit.kind,
    timeLimitDays: entry.timeLimit.kind === 'working_days' ? String(entry.timeLimit.days) : '20',
    timeLimitText: entry.timeLimit.kind === 'custom' ? entry.timeLimit.text : '',
    publisher: entry.publisher,
    channels: entry.channels,
    otherChannels: entry.otherChannels.join('、'),
    audience: [entry.audience.public ? 'public' : '', entry.audience.specificGroup ? 'specific' : ''].filter(Boolean),
    mode: [entry.mode.proactive ? 'proactive' : '', entry.mode.onRequest ? 'onRequest' : ''].filter(Boolean),
    levels: entry.levels,
    fiveOpen: entry.fiveOpen,
    retention: entry.retention ?? '',
  };
}

export const EMPTY_ENTRY_FORM: EntryFormValues = {
  fieldCode: '',
  itemL1: '',
  itemL2: '',
  contentElements: '',
  legalBasis: '',
  timeLimitKind: 'working_days',
  timeLimitDays: '20',
  timeLimitText: '',
  publisher: '',
  channels: ['政府网站'],
  otherChannels: '',
  audience: ['public'],
  mode: ['proactive'],
  levels: [],
  fiveOpen: [],
  retention: '',
};

/** Reads the posted form. */
export function entryFormValues(fields: Record<string, string | string[]>): EntryFormValues {
  const list = (name: string) => fieldList(fields, name);
  const kind = field(fields, 'timeLimitKind');
  return {
    fieldCode: field(fields, 'fieldCode'),
    itemL1: field(fields, 'itemL1'),
    itemL2: field(fields, 'itemL2'),
    contentElements: field(fields, 'contentElements'),
    legalBasis: field(fields, 'legalBasis'),
    timeLimitKind: kind === 'realtime' || kind === 'timely' || kind === 'custom' ? kind : 'working_days',
    timeLimitDays: field(fields, 'timeLimitDays'),
    timeLimitText: field(fields, 'timeLimitText'),
    publisher: field(fields, 'publisher'),
    channels: list('channels'),
    otherChannels: field(fields, 'otherChannels'),
    audience: list('audience'),
    mode: list('mode'),
    levels: list('levels'),
    fiveOpen: list('fiveOpen'),
    retention: field(fields, 'retention'),
  };
}

/**
 * Turns the form into entry content. Problems the domain cannot see (a legal-basis line it cannot
 * read, a number of days that is not a number) are returned here; the rest is `validateEntry`'s.
 */
export function entryContentFromForm(values: EntryFormValues): { content: EntryContent; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const basis = parseLegalBasis(values.legalBasis);
  if (!basis.ok) issues.push({ field: 'legalBasis', message: basis.message });
  let timeLimit: TimeLimit;
  switch (values.timeLimitKind) {
    case 'working_days': {
      const days = Number(values.timeLimitDays);
      if (!/^\d+$/.test(values.timeLimitDays.trim()))
        issues.push({ field: 'timeLimit', message: CATALOG_TEXT.timeLimitWhole });
      timeLimit = { kind: 'working_days', days };
      break;
    }
    case 'custom':
      timeLimit = { kind: 'custom', text: values.timeLimitText.trim() };
      break;
    case 'realtime':
    case 'timely':
      timeLimit = { kind: values.timeLimitKind };
      break;
    default: {
      const unreachable: never = values.timeLimitKind;
      return unreachable;
    }
  }
  const others = values.otherChannels
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const channels = CHANNELS.filter(
    (c): c is Channel => values.channels.includes(c) || (c === '其他' && others.length > 0),
  );
  return {
    content: {
      fieldCode: values.fieldCode,
      itemL1: values.itemL1.trim(),
      itemL2: values.itemL2.trim(),
      contentElements: splitItems(values.contentElements),
      legalBasis: basis.ok ? basis.value : [],
      timeLimit,
      publisher: values.publisher.trim(),
      channels,
      otherChannels: others,
      audience: { public: values.audience.includes('public'), specificGroup: values.audience.includes('specific') },
      mode: { proactive: values.mode.includes('proactive'), onRequest: values.mode.includes('onRequest') },
      levels: DISCLOSURE_LEVELS.filter((l): l is DisclosureLevel => values.levels.includes(l)),
      fiveOpen: FIVE_OPEN.filter((t): t is FiveOpen => values.fiveOpen.includes(t)),
      retention: values.retention.trim() || null,
    },
    issues,
  };
}
