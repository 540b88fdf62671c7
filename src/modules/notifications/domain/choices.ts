import type { FieldIssue } from '../../../platform/errors.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';

/**
 * What a subscriber can ask to hear about. A publication concerns its unit and the units above it,
 * its pilot field, its topic, and the audiences and policy tags its editor set.
 */
export const CHOICE_KINDS = ['org', 'field', 'topic', 'audience', 'policy'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

/** A subscriber's choices, or what a message concerns: values per kind. */
export type Choices = Record<ChoiceKind, string[]>;

export const FREQUENCIES = ['immediate', 'daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const CHANNELS = ['email', 'sms', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** At most this many values per kind: a subscriber wanting more wants everything of that kind. */
export const MAX_CHOICES_PER_KIND = 30;

export function noChoices(): Choices {
  return { org: [], field: [], topic: [], audience: [], policy: [] };
}

/** True when no kind has a value. */
export function isEmpty(choices: Choices): boolean {
  return CHOICE_KINDS.every((kind) => choices[kind].length === 0);
}

/**
 * Whether a message concerning `concern` goes to a subscriber with `choices`: for every kind the
 * subscriber chose values of, the message concerns at least one of them; a kind left open accepts
 * anything. So 减税降费 with 企业 means a 减税降费 policy for enterprises, from any unit. The store's
 * query says the same in SQL; the tests hold the two to each other.
 */
export function matches(choices: Choices, concern: Choices): boolean {
  return CHOICE_KINDS.every(
    (kind) => choices[kind].length === 0 || choices[kind].some((value) => concern[kind].includes(value)),
  );
}

/** The vocabulary each kind's values come from. */
export type ChoiceVocabulary = Record<ChoiceKind, readonly string[]>;

/**
 * Checks what a form or the API chose against the vocabulary: values of each kind in the
 * vocabulary's order, repeats dropped; an unknown value or too many are issues, and choosing
 * nothing at all is one unless `allowEverything` (a webhook may take every publication).
 */
export function checkChoices(
  input: Partial<Record<ChoiceKind, readonly string[]>>,
  vocabulary: ChoiceVocabulary,
  options: { allowEverything?: boolean } = {},
): { choices: Choices; issues: FieldIssue[] } {
  const choices = noChoices();
  const issues: FieldIssue[] = [];
  for (const kind of CHOICE_KINDS) {
    const given = [...new Set(input[kind] ?? [])];
    if (given.length > MAX_CHOICES_PER_KIND) {
      issues.push({ field: kind, message: NOTIFICATION_TEXT.tooManyChoices });
      continue;
    }
    if (given.some((value) => !vocabulary[kind].includes(value))) {
      issues.push({ field: kind, message: NOTIFICATION_TEXT.choiceUnknown(NOTIFICATION_TEXT.kinds[kind]) });
    }
    choices[kind] = vocabulary[kind].filter((value) => given.includes(value));
  }
  if (issues.length === 0 && isEmpty(choices) && !options.allowEverything) {
    issues.push({ field: 'choices', message: NOTIFICATION_TEXT.choiceRequired });
  }
  return { choices, issues };
}

/** The choices as lines a person reads (“政策标签：减税降费、惠企”), with the names given for ids. */
export function describeChoices(choices: Choices, nameOf: (kind: ChoiceKind, value: string) => string): string[] {
  const lines = CHOICE_KINDS.filter((kind) => choices[kind].length > 0).map((kind) =>
    NOTIFICATION_TEXT.summaryLine(
      NOTIFICATION_TEXT.kinds[kind],
      choices[kind].map((value) => nameOf(kind, value)).join('、'),
    ),
  );
  return lines.length > 0 ? lines : [NOTIFICATION_TEXT.everything];
}
