import { chinaDateTime, parseChinaDateTime } from '../../../platform/clock.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import {
  DEFAULT_ANSWERS_PER_ADDRESS_PER_DAY,
  DEFAULT_TEXT_LENGTH,
  QUESTION_KINDS,
  type QuestionKind,
  type SurveyDefinition,
  type SurveyQuestion,
} from './survey.ts';
import { SURVEY_TEXT } from './survey-strings.ts';

/**
 * One question block of the back office's survey form, as typed: every field a string (the options
 * one per line), so a refused form shows exactly what was typed.
 */
export type QuestionInput = {
  /** The question's id; empty for a block added now. */
  id: string;
  kind: string;
  title: string;
  required: boolean;
  /** Ticked "删除此题": the block is left out. */
  remove: boolean;
  options: string;
  minSelections: string;
  maxSelections: string;
  maxLength: string;
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
};

/** The survey form as typed; the times are China time as a datetime-local field sends them. */
export type SurveyInput = {
  orgId: string;
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  perAddressPerDay: string;
  /** `one_per_person` for a survey answered once per verified person; anything else is per device. */
  limitKind?: string | undefined;
  /** The question blocks in form order, blank ones included. */
  questions: QuestionInput[];
};

/** A blank question block, as the form offers for adding a question. */
export const BLANK_QUESTION: QuestionInput = {
  id: '',
  kind: 'single',
  title: '',
  required: true,
  remove: false,
  options: '',
  minSelections: '',
  maxSelections: '',
  maxLength: '',
  from: '1',
  to: '5',
  fromLabel: '',
  toLabel: '',
};

/**
 * The survey the form describes. Blank blocks and blocks marked for removal are left out; `blocks`
 * gives, for each question of the definition, the form block it came from, so that `onFormBlocks`
 * puts each issue beside the block's own field. `issues` are what cannot even be read (an unknown
 * question kind); everything else is the definition check's business.
 */
export function readSurveyInput(
  input: SurveyInput,
  newQuestionId: () => string,
): { definition: SurveyDefinition; blocks: number[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const questions: SurveyQuestion[] = [];
  const blocks: number[] = [];
  input.questions.forEach((block, index) => {
    if (block.remove || isBlank(block)) return;
    if (!(QUESTION_KINDS as readonly string[]).includes(block.kind)) {
      issues.push({ field: `questions.${index}.kind`, message: SURVEY_TEXT.form.kindInvalid(index + 1) });
      return;
    }
    questions.push(questionOf(block, block.kind as QuestionKind, block.id.trim() || newQuestionId()));
    blocks.push(index);
  });
  return {
    definition: {
      title: input.title.trim(),
      description: input.description.trim(),
      opensAt: instantOf(input.opensAt),
      closesAt: instantOf(input.closesAt),
      limit:
        input.limitKind === 'one_per_person'
          ? { kind: 'one_per_person' }
          : {
              kind: 'per_device',
              perAddressPerDay: wholeNumber(input.perAddressPerDay, DEFAULT_ANSWERS_PER_ADDRESS_PER_DAY),
            },
      questions,
    },
    blocks,
    issues,
  };
}

/**
 * The definition check's issues as the form names its fields: `questions.<i>` becomes the form block
 * the question came from, and an option's issue (`…options.<j>`) goes to the block's one options box.
 */
export function onFormBlocks(issues: readonly FieldIssue[], blocks: readonly number[]): FieldIssue[] {
  return issues.map((issue) => {
    const match = /^questions\.(\d+)\.([A-Za-z]+)/.exec(issue.field);
    if (!match) return issue;
    const block = blocks[Number(match[1])];
    return block === undefined ? issue : { ...issue, field: `questions.${block}.${match[2]}` };
  });
}

/** A stored survey as the form shows it for editing. */
export function surveyInputOf(survey: SurveyDefinition & { orgId: string }): SurveyInput {
  return {
    orgId: survey.orgId,
    title: survey.title,
    description: survey.description,
    opensAt: localOf(survey.opensAt),
    closesAt: localOf(survey.closesAt),
    perAddressPerDay: survey.limit.kind === 'per_device' ? String(survey.limit.perAddressPerDay) : '',
    limitKind: survey.limit.kind,
    questions: survey.questions.map((question): QuestionInput => {
      const block: QuestionInput = {
        ...BLANK_QUESTION,
        id: question.id,
        kind: question.kind,
        title: question.title,
        required: question.required,
        from: '',
        to: '',
      };
      switch (question.kind) {
        case 'single':
          return { ...block, options: question.options.join('\n') };
        case 'multiple':
          return {
            ...block,
            options: question.options.join('\n'),
            minSelections: String(question.minSelections),
            maxSelections: String(question.maxSelections),
          };
        case 'text':
          return { ...block, maxLength: String(question.maxLength) };
        case 'scale':
          return {
            ...block,
            from: String(question.from),
            to: String(question.to),
            fromLabel: question.fromLabel,
            toLabel: question.toLabel,
          };
        default: {
          const unknown: never = question;
          throw new Error(`unknown question kind ${String((unknown as { kind: unknown }).kind)}`);
        }
      }
    }),
  };
}

function questionOf(block: QuestionInput, kind: QuestionKind, id: string): SurveyQuestion {
  const base = { id, title: block.title.trim(), required: block.required };
  const options = block.options
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  switch (kind) {
    case 'single':
      return { ...base, kind, options };
    case 'multiple':
      return {
        ...base,
        kind,
        options,
        minSelections: wholeNumber(block.minSelections, 1),
        maxSelections: wholeNumber(block.maxSelections, options.length),
      };
    case 'text':
      return { ...base, kind, maxLength: wholeNumber(block.maxLength, DEFAULT_TEXT_LENGTH) };
    case 'scale':
      return {
        ...base,
        kind,
        from: wholeNumber(block.from, 1),
        to: wholeNumber(block.to, 5),
        fromLabel: block.fromLabel.trim(),
        toLabel: block.toLabel.trim(),
      };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown question kind ${String(unknown)}`);
    }
  }
}

function isBlank(block: QuestionInput): boolean {
  return [block.title, block.options, block.fromLabel, block.toLabel].every((text) => text.trim() === '');
}

/** A whole number as typed; `fallback` when left empty, NaN (refused by the check) when not a number. */
function wholeNumber(text: string, fallback: number): number {
  const trimmed = text.trim();
  if (trimmed === '') return fallback;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** "2026-03-02T10:00" in China time as an instant (`toISOString`), or '' (refused by the check). */
function instantOf(local: string): string {
  return parseChinaDateTime(local)?.toISOString() ?? '';
}

function localOf(instant: string): string {
  return Number.isNaN(Date.parse(instant)) ? '' : chinaDateTime(instant).replace(' ', 'T');
}
