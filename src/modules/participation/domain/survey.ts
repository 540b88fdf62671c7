import { chinaDateTime } from '../../../platform/clock.ts';
import { DomainError, assertNoFieldIssues, type ErrorCode, type FieldIssue } from '../../../platform/errors.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import { SURVEY_TEXT } from './survey-strings.ts';

/**
 * An online survey (网络调查) a government unit puts to the public: a few questions, open between two
 * instants, answered once per verified person or once per device. Its questions are fixed once the
 * survey can be answered, so every stored answer answers the same questions and the tally is exact.
 *
 * Stored state is what staff decided (`draft`, `published`, `closed` early); whether a published
 * survey is open is the clock's business (`surveyPhase`), so it opens and closes to the second with
 * no job.
 */
export type SurveyState = 'draft' | 'published' | 'closed';
export type SurveyPhase = 'draft' | 'upcoming' | 'open' | 'closed';

export const QUESTION_KINDS = ['single', 'multiple', 'text', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

type QuestionBase = {
  /** Stable within its survey; the answer's form field is `answers.<id>` (`answerField`). */
  id: string;
  title: string;
  /** false: the question may be left unanswered. */
  required: boolean;
};

/** One choice among the options (单选题); the form posts the chosen option's position from 0. */
export type SingleQuestion = QuestionBase & { kind: 'single'; options: string[] };

/** Several choices (多选题), at least `minSelections` and at most `maxSelections` when answered. */
export type MultipleQuestion = QuestionBase & {
  kind: 'multiple';
  options: string[];
  minSelections: number;
  maxSelections: number;
};

/** Free text (填空题), at most `maxLength` characters (`DEFAULT_TEXT_LENGTH` unless staff set another). */
export type TextQuestion = QuestionBase & { kind: 'text'; maxLength: number };

/** A rating from `from` to `to` (量表题, e.g. 1..5), with what the two ends mean. */
export type ScaleQuestion = QuestionBase & {
  kind: 'scale';
  from: number;
  to: number;
  fromLabel: string;
  toLabel: string;
};

export type SurveyQuestion = SingleQuestion | MultipleQuestion | TextQuestion | ScaleQuestion;

/**
 * How often one may answer. `one_per_person`: once per verified person, known by a hash of the
 * e-mail address or mobile number they verified. `per_device`: once per device cookie, and at most
 * `perAddressPerDay` answers per network address per day (China time), for a household or office
 * behind one address (`DEFAULT_ANSWERS_PER_ADDRESS_PER_DAY` unless staff set another).
 */
export type LimitPolicy = { kind: 'one_per_person' } | { kind: 'per_device'; perAddressPerDay: number };

/** What staff write and edit: everything of a survey but its identity and state. */
export type SurveyDefinition = {
  title: string;
  /** Shown above the questions: who asks, why, and how the answers are used. */
  description: string;
  /** ISO-8601 instants as `Date.toISOString()` writes them; open from `opensAt` until before `closesAt`. */
  opensAt: string;
  closesAt: string;
  limit: LimitPolicy;
  questions: SurveyQuestion[];
};

/** A survey of one unit. */
export type Survey = SurveyDefinition & { id: string; orgId: string; state: SurveyState };

export const DEFAULT_TEXT_LENGTH = 500;
export const DEFAULT_ANSWERS_PER_ADDRESS_PER_DAY = 20;

/** Bounds of a survey, so that the form stays answerable on a phone and the work per answer stays bounded. */
export const SURVEY_LIMITS = {
  title: 100,
  description: 2000,
  questions: 50,
  questionTitle: 200,
  options: 30,
  optionLabel: 100,
  textLength: 5000,
  /** 0..10 is the widest scale in common use (the net promoter scale). */
  scalePoints: 11,
  scaleLabel: 20,
  perAddressPerDay: 1000,
} as const;

/** A question's id: letters, digits, `_` and `-`, starting with a letter or digit (so never `__proto__`). */
const QUESTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** A position or a scale point as a form posts it: plain decimal digits, no sign, no leading zero. */
const SMALL_WHOLE_NUMBER = /^(0|[1-9]\d{0,2})$/;
/** Control characters other than tab and line feed: invisible, and PostgreSQL refuses U+0000 in text. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const D = SURVEY_TEXT.definition;
const A = SURVEY_TEXT.answer;

/**
 * Every problem that keeps a survey from being published, each tied to its form field: `title`,
 * `description`, `opensAt`, `closesAt`, `limit.perAddressPerDay`, `questions`, and per question
 * `questions.<i>.<field>` and `questions.<i>.options.<j>` (numbered from 0, as the form sends them).
 * An empty list means the definition may be published.
 */
export function checkSurveyDefinition(survey: SurveyDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const title = survey.title.trim();
  if (!hasVisibleCharacters(title)) issues.push({ field: 'title', message: D.titleRequired });
  else if (title.length > SURVEY_LIMITS.title) {
    issues.push({ field: 'title', message: D.titleTooLong(SURVEY_LIMITS.title) });
  }
  if (survey.description.trim().length > SURVEY_LIMITS.description) {
    issues.push({ field: 'description', message: D.descriptionTooLong(SURVEY_LIMITS.description) });
  }

  const opens = instantOf(survey.opensAt);
  const closes = instantOf(survey.closesAt);
  if (opens === undefined) issues.push({ field: 'opensAt', message: D.opensAtInvalid });
  if (closes === undefined) issues.push({ field: 'closesAt', message: D.closesAtInvalid });
  if (opens !== undefined && closes !== undefined && closes <= opens) {
    issues.push({ field: 'closesAt', message: D.closesBeforeOpens });
  }

  if (
    survey.limit.kind === 'per_device' &&
    !isWholeNumberIn(survey.limit.perAddressPerDay, 1, SURVEY_LIMITS.perAddressPerDay)
  ) {
    issues.push({ field: 'limit.perAddressPerDay', message: D.perAddressPerDay(SURVEY_LIMITS.perAddressPerDay) });
  }

  if (survey.questions.length === 0) {
    issues.push({ field: 'questions', message: D.noQuestions });
  } else if (survey.questions.length > SURVEY_LIMITS.questions) {
    // Each question's own problems would only bury this one.
    issues.push({ field: 'questions', message: D.tooManyQuestions(SURVEY_LIMITS.questions) });
  } else {
    const ids = new Set<string>();
    survey.questions.forEach((question, index) => {
      const at = (field: string) => `questions.${index}.${field}`;
      const n = index + 1;
      if (!QUESTION_ID.test(question.id)) issues.push({ field: at('id'), message: D.questionIdInvalid(n) });
      else if (ids.has(question.id)) issues.push({ field: at('id'), message: D.questionIdDuplicate(n) });
      ids.add(question.id);
      const questionTitle = question.title.trim();
      if (!hasVisibleCharacters(questionTitle)) {
        issues.push({ field: at('title'), message: D.questionTitleRequired(n) });
      } else if (questionTitle.length > SURVEY_LIMITS.questionTitle) {
        issues.push({ field: at('title'), message: D.questionTitleTooLong(n, SURVEY_LIMITS.questionTitle) });
      }
      issues.push(...checkQuestion(question, n, at));
    });
  }
  return issues;
}

/** What one question of kind `question.kind` must hold beyond its id and title. */
function checkQuestion(question: SurveyQuestion, n: number, at: (field: string) => string): FieldIssue[] {
  switch (question.kind) {
    case 'single':
      return checkOptions(question.options, n, at);
    case 'multiple': {
      const issues = checkOptions(question.options, n, at);
      const { minSelections: min, maxSelections: max } = question;
      const minValid = isWholeNumberIn(min, 1, SURVEY_LIMITS.options);
      const maxValid = isWholeNumberIn(max, 1, SURVEY_LIMITS.options);
      if (!minValid) issues.push({ field: at('minSelections'), message: D.minSelectionsInvalid(n) });
      if (!maxValid) issues.push({ field: at('maxSelections'), message: D.maxSelectionsInvalid(n) });
      if (minValid && maxValid && min > max) issues.push({ field: at('minSelections'), message: D.minOverMax(n) });
      if (maxValid && max > question.options.length) {
        issues.push({ field: at('maxSelections'), message: D.maxOverOptions(n, question.options.length) });
      }
      return issues;
    }
    case 'text':
      return isWholeNumberIn(question.maxLength, 1, SURVEY_LIMITS.textLength)
        ? []
        : [{ field: at('maxLength'), message: D.textLengthInvalid(n, SURVEY_LIMITS.textLength) }];
    case 'scale': {
      const issues: FieldIssue[] = [];
      const fromValid = Number.isSafeInteger(question.from) && question.from >= 0;
      if (!fromValid) issues.push({ field: at('from'), message: D.scaleBoundsInvalid(n) });
      if (!Number.isSafeInteger(question.to) || (fromValid && question.to <= question.from)) {
        issues.push({ field: at('to'), message: D.scaleBoundsInvalid(n) });
      } else if (fromValid && question.to - question.from + 1 > SURVEY_LIMITS.scalePoints) {
        issues.push({ field: at('to'), message: D.scaleTooWide(n, SURVEY_LIMITS.scalePoints) });
      }
      // Without the ends' meaning nobody knows whether 1 is best or worst.
      for (const field of ['fromLabel', 'toLabel'] as const) {
        const label = question[field].trim();
        if (!hasVisibleCharacters(label)) issues.push({ field: at(field), message: D.scaleLabelRequired(n) });
        else if (label.length > SURVEY_LIMITS.scaleLabel) {
          issues.push({ field: at(field), message: D.scaleLabelTooLong(n, SURVEY_LIMITS.scaleLabel) });
        }
      }
      return issues;
    }
    default: {
      const unknown: never = question;
      throw new Error(`unknown question kind ${String((unknown as { kind: unknown }).kind)}`);
    }
  }
}

/** A choice question's options: 2 to 30, none blank, none repeated (compared as read: NFKC, spaces folded). */
function checkOptions(options: readonly string[], n: number, at: (field: string) => string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (options.length < 2) issues.push({ field: at('options'), message: D.tooFewOptions(n) });
  if (options.length > SURVEY_LIMITS.options) {
    issues.push({ field: at('options'), message: D.tooManyOptions(n, SURVEY_LIMITS.options) });
    return issues;
  }
  const seen = new Set<string>();
  options.forEach((option, index) => {
    const field = at(`options.${index}`);
    const label = option.trim();
    if (!hasVisibleCharacters(label)) {
      issues.push({ field, message: D.optionRequired(n, index + 1) });
      return;
    }
    if (label.length > SURVEY_LIMITS.optionLabel) {
      issues.push({ field, message: D.optionTooLong(n, SURVEY_LIMITS.optionLabel) });
    }
    const key = label.normalize('NFKC').replace(/\s+/g, ' ');
    if (seen.has(key)) issues.push({ field, message: D.optionDuplicate(n, label) });
    seen.add(key);
  });
  return issues;
}

/**
 * What publishing a survey at `now` requires: a definition without problems, and an end still to
 * come (a survey published already over could take no answer).
 */
export function checkSurveyPublication(survey: SurveyDefinition, now: Date): FieldIssue[] {
  const issues = checkSurveyDefinition(survey);
  const closes = instantOf(survey.closesAt);
  if (closes !== undefined && closes <= now.getTime() && !issues.some((issue) => issue.field === 'closesAt')) {
    issues.push({ field: 'closesAt', message: D.closesInPast });
  }
  return issues;
}

/** Where a survey stands at `now`: opening is inclusive, closing exclusive. */
export function surveyPhase(survey: Pick<Survey, 'state' | 'opensAt' | 'closesAt'>, now: Date): SurveyPhase {
  switch (survey.state) {
    case 'draft':
      return 'draft';
    case 'closed':
      return 'closed';
    case 'published': {
      const t = now.getTime();
      // An unreadable instant compares false both times: such a survey reads as closed, never open.
      if (t < Date.parse(survey.opensAt)) return 'upcoming';
      if (t < Date.parse(survey.closesAt)) return 'open';
      return 'closed';
    }
    default: {
      const unknown: never = survey.state;
      throw new Error(`unknown survey state ${String(unknown)}`);
    }
  }
}

/** True when the survey takes answers at `now` (it is published, and `now` is in its period). */
export function acceptsAnswers(survey: Pick<Survey, 'state' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return surveyPhase(survey, now) === 'open';
}

/**
 * Refuses an answer to a survey that is not open, saying when it opens or when it closed.
 * @throws DomainError `invalid_transition` when the survey is a draft, not yet open, or closed.
 */
export function assertAcceptsAnswers(survey: Pick<Survey, 'state' | 'opensAt' | 'closesAt'>, now: Date): void {
  const phase = surveyPhase(survey, now);
  switch (phase) {
    case 'open':
      return;
    case 'draft':
      throw new DomainError('invalid_transition', { message: SURVEY_TEXT.notOpenYet, details: { phase } });
    case 'upcoming':
      throw new DomainError('invalid_transition', {
        message: SURVEY_TEXT.opensLater(chinaDateTime(survey.opensAt)),
        details: { phase },
      });
    case 'closed':
      throw new DomainError('invalid_transition', {
        message: Number.isNaN(Date.parse(survey.closesAt))
          ? SURVEY_TEXT.closedUndated
          : SURVEY_TEXT.closed(chinaDateTime(survey.closesAt)),
        details: { phase },
      });
    default: {
      const unknown: never = phase;
      throw new Error(`unknown survey phase ${String(unknown)}`);
    }
  }
}

export type SurveyAction = 'edit' | 'publish' | 'close';

/**
 * What staff may do in each phase: a draft is edited and published; a published survey may still be
 * edited until it opens (nobody can have answered), and closed early; once open its questions are
 * fixed, because answers already given answer them.
 */
export function allowedSurveyActions(phase: SurveyPhase): SurveyAction[] {
  switch (phase) {
    case 'draft':
      return ['edit', 'publish'];
    case 'upcoming':
      return ['edit', 'close'];
    case 'open':
      return ['close'];
    case 'closed':
      return [];
    default: {
      const unknown: never = phase;
      throw new Error(`unknown survey phase ${String(unknown)}`);
    }
  }
}

/**
 * Refuses an action the survey's phase does not allow.
 * @throws DomainError `invalid_transition`, naming the phase.
 */
export function requireSurveyAction(
  survey: Pick<Survey, 'state' | 'opensAt' | 'closesAt'>,
  now: Date,
  action: SurveyAction,
): void {
  const phase = surveyPhase(survey, now);
  if (!allowedSurveyActions(phase).includes(action)) {
    throw new DomainError('invalid_transition', {
      message: SURVEY_TEXT.actionNotAllowed(SURVEY_TEXT.phases[phase]),
      details: { phase, action },
    });
  }
}

/**
 * The survey published at `now`.
 * @throws DomainError `invalid_transition` unless it is a draft, `validation_failed` with the fields
 *   of `checkSurveyPublication` when it cannot be published.
 */
export function publishSurvey(survey: Survey, now: Date): Survey {
  requireSurveyAction(survey, now, 'publish');
  assertNoFieldIssues(checkSurveyPublication(survey, now));
  return { ...survey, state: 'published' };
}

/**
 * The survey closed early at `now`: its end becomes `now`, so the page says when it really ended.
 * @throws DomainError `invalid_transition` unless it is published and not yet closed.
 */
export function closeSurvey(survey: Survey, now: Date): Survey {
  requireSurveyAction(survey, now, 'close');
  const closesAt = Date.parse(survey.closesAt) > now.getTime() ? now.toISOString() : survey.closesAt;
  return { ...survey, state: 'closed', closesAt };
}

/** One question's answer, normalised; an optional question left blank has none. */
export type SurveyAnswer =
  | { questionId: string; kind: 'single'; option: number }
  /** Positions in ascending order, each once. */
  | { questionId: string; kind: 'multiple'; options: number[] }
  | { questionId: string; kind: 'text'; text: string }
  | { questionId: string; kind: 'scale'; value: number };

/**
 * What a form or the API posted: question id → the value (a string, or strings for a multiple choice
 * or a repeated field). Typed `unknown` because it is whatever the sender chose to send.
 */
export type PostedAnswers = Readonly<Record<string, unknown>>;

export type AnswersCheck = { ok: true; answers: SurveyAnswer[] } | { ok: false; issues: FieldIssue[] };

/** The form field of a question's answer, where its issue is shown. */
export function answerField(questionId: string): string {
  return `answers.${questionId}`;
}

/**
 * Reads posted answers against the survey's questions. Returns every question's answer, normalised
 * and in question order, or one issue per question at fault (field `answers.<id>`). Never throws.
 *
 * - Only the survey's own question ids are read, and only as own properties, so other fields (the
 *   CSRF token) and prototype keys (`__proto__`, `constructor`) are never taken for answers.
 * - Choices and scale points are the positions and numbers the form offers, written plainly
 *   ("0", "3"); anything else is refused, never guessed.
 * - A single value that arrives as several (a repeated field) is refused, not cut down to one; a
 *   multiple choice posted as one string (one box ticked) is that one choice; the same option twice
 *   is refused.
 * - Text is cleaned (invisible and control characters removed, CRLF as LF, trimmed) and then
 *   measured in UTF-16 units, which is how a textarea's `maxlength` counts, so the form and the
 *   server agree. Text over the limit is refused, never cut.
 * - A blank answer is no answer: an issue when the question is required, left out otherwise.
 */
export function parseAnswers(survey: Pick<SurveyDefinition, 'questions'>, posted: PostedAnswers): AnswersCheck {
  const answers: SurveyAnswer[] = [];
  const issues: FieldIssue[] = [];
  survey.questions.forEach((question, index) => {
    const result = readAnswer(question, index + 1, postedValues(posted, question.id));
    if (typeof result === 'string') issues.push({ field: answerField(question.id), message: result });
    else if (result !== null) answers.push(result);
    else if (question.required) issues.push({ field: answerField(question.id), message: A.required(index + 1) });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}

/**
 * `parseAnswers` for a use case: the answers, or the issues thrown.
 * @throws DomainError `validation_failed` with one field issue per question at fault.
 */
export function requireAnswers(survey: Pick<SurveyDefinition, 'questions'>, posted: PostedAnswers): SurveyAnswer[] {
  const check = parseAnswers(survey, posted);
  if (!check.ok) throw new DomainError('validation_failed', { fields: check.issues });
  return check.answers;
}

/** The strings posted for a question (none when absent), or undefined when it is not strings at all. */
function postedValues(posted: PostedAnswers, questionId: string): string[] | undefined {
  if (!Object.hasOwn(posted, questionId)) return [];
  const value = posted[questionId];
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value;
  return undefined;
}

/** One question's answer, null when there is none, or the message of what is wrong with it. */
function readAnswer(question: SurveyQuestion, n: number, values: string[] | undefined): SurveyAnswer | null | string {
  if (values === undefined) return A.malformed(n);
  if (question.kind === 'text') {
    if (values.length > 1) return A.oneText(n);
    const text = cleanText(values[0] ?? '');
    if (!hasVisibleCharacters(text)) return null;
    if (text.length > question.maxLength) return A.textTooLong(n, question.maxLength, text.length);
    return { questionId: question.id, kind: 'text', text };
  }
  // A hidden empty field (sent so that "nothing ticked" still arrives) is not a choice.
  const given = values.map((value) => value.trim()).filter((value) => value !== '');
  if (given.length === 0) return null;
  switch (question.kind) {
    case 'single': {
      if (given.length > 1) return A.chooseOne(n);
      const option = smallWholeNumber(given[0]!);
      if (option === undefined || option >= question.options.length) return A.notOffered(n);
      return { questionId: question.id, kind: 'single', option };
    }
    case 'multiple': {
      const options = given.map(smallWholeNumber);
      if (options.some((option) => option === undefined || option >= question.options.length)) return A.notOffered(n);
      const chosen = [...new Set(options as number[])].sort((a, b) => a - b);
      if (chosen.length !== given.length) return A.repeated(n);
      const { minSelections: min, maxSelections: max } = question;
      if (chosen.length < min || chosen.length > max) {
        if (min === max) return A.chooseExactly(n, min);
        return chosen.length < min ? A.tooFew(n, min) : A.tooMany(n, max);
      }
      return { questionId: question.id, kind: 'multiple', options: chosen };
    }
    case 'scale': {
      if (given.length > 1) return A.chooseOne(n);
      const value = smallWholeNumber(given[0]!);
      if (value === undefined || value < question.from || value > question.to) {
        return A.outOfScale(n, question.from, question.to);
      }
      return { questionId: question.id, kind: 'scale', value };
    }
    default: {
      const unknown: never = question;
      throw new Error(`unknown question kind ${String((unknown as { kind: unknown }).kind)}`);
    }
  }
}

function cleanText(value: string): string {
  return stripInvisibleControls(value).replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

function smallWholeNumber(value: string): number | undefined {
  return SMALL_WHOLE_NUMBER.test(value) ? Number(value) : undefined;
}

/** How many chose one option, in the question's option order. */
export type OptionCount = { option: number; label: string; count: number };

/**
 * One question's results. `respondents` is how many answered it (for a multiple choice, people, not
 * ticks: the counts may add up to more).
 */
export type QuestionTally =
  | { questionId: string; kind: 'single'; respondents: number; counts: OptionCount[] }
  | { questionId: string; kind: 'multiple'; respondents: number; counts: OptionCount[] }
  | {
      questionId: string;
      kind: 'scale';
      respondents: number;
      counts: { point: number; count: number }[];
      /** The mean point to one decimal (half up), null when nobody answered. */
      mean: number | null;
    }
  /** Only how many wrote something: the texts are read, not counted. */
  | { questionId: string; kind: 'text'; respondents: number };

/**
 * A survey's results: `respondents` is the number of answer sheets; `unmatched` counts answers that
 * fit no question of the survey (none, for sheets `parseAnswers` produced) and were not counted.
 */
export type SurveyTally = { respondents: number; questions: QuestionTally[]; unmatched: number };

/**
 * Counts the answer sheets, question by question, in question order: each option or point with its
 * count (zeros included), so the chart and the table beside it show the same numbers as a count over
 * the stored answers.
 */
export function tallySurvey(
  survey: Pick<SurveyDefinition, 'questions'>,
  sheets: readonly (readonly SurveyAnswer[])[],
): SurveyTally {
  const tallies = new Map<string, { question: SurveyQuestion; counts: number[]; respondents: number; sum: number }>();
  for (const question of survey.questions) {
    const slots =
      question.kind === 'single' || question.kind === 'multiple'
        ? question.options.length
        : question.kind === 'scale'
          ? question.to - question.from + 1
          : 0;
    tallies.set(question.id, { question, counts: new Array<number>(slots).fill(0), respondents: 0, sum: 0 });
  }
  let unmatched = 0;
  for (const sheet of sheets) {
    for (const answer of sheet) {
      const tally = tallies.get(answer.questionId);
      const slots = tally && slotsOf(tally.question, answer);
      if (!tally || !slots) {
        unmatched += 1;
        continue;
      }
      tally.respondents += 1;
      for (const slot of slots) tally.counts[slot]! += 1;
      if (answer.kind === 'scale') tally.sum += answer.value;
    }
  }
  const questions = [...tallies.values()].map(({ question, counts, respondents, sum }): QuestionTally => {
    const questionId = question.id;
    switch (question.kind) {
      case 'single':
      case 'multiple':
        return {
          questionId,
          kind: question.kind,
          respondents,
          counts: question.options.map((label, option) => ({ option, label, count: counts[option]! })),
        };
      case 'scale':
        return {
          questionId,
          kind: 'scale',
          respondents,
          counts: counts.map((count, slot) => ({ point: question.from + slot, count })),
          // Half up from the whole sum: 23 points by 20 people is 1.2, where (1.15).toFixed(1) says 1.1.
          mean: respondents === 0 ? null : Math.round((sum * 10) / respondents) / 10,
        };
      case 'text':
        return { questionId, kind: 'text', respondents };
      default: {
        const unknown: never = question;
        throw new Error(`unknown question kind ${String((unknown as { kind: unknown }).kind)}`);
      }
    }
  });
  return { respondents: sheets.length, questions, unmatched };
}

/** The counters an answer adds one to, or undefined when it does not fit the question. */
function slotsOf(question: SurveyQuestion, answer: SurveyAnswer): number[] | undefined {
  const isPosition = (value: number, size: number) => Number.isInteger(value) && value >= 0 && value < size;
  if (question.kind === 'single' && answer.kind === 'single') {
    return isPosition(answer.option, question.options.length) ? [answer.option] : undefined;
  }
  if (question.kind === 'multiple' && answer.kind === 'multiple') {
    const fits =
      answer.options.every((option) => isPosition(option, question.options.length)) &&
      new Set(answer.options).size === answer.options.length;
    return fits ? answer.options : undefined;
  }
  if (question.kind === 'scale' && answer.kind === 'scale') {
    const slot = answer.value - question.from;
    return isPosition(slot, question.to - question.from + 1) ? [slot] : undefined;
  }
  if (question.kind === 'text' && answer.kind === 'text') return [];
  return undefined;
}

/**
 * What was recorded before a new answer arrives. `byPerson`: answers under the respondent's verified
 * person hash, null when they have verified no e-mail address or mobile number; `byDevice`: answers
 * from this device's cookie (0 for a device without one yet); `fromAddressToday`: answers from this
 * network address since midnight, China time. A policy reads only its own counts.
 */
export type PriorAnswers = { byPerson: number | null; byDevice: number; fromAddressToday: number };

/** Whether a new answer is taken; when not, the error code and message to refuse it with. */
export type AnswerAdmission =
  | { accepted: true }
  | { accepted: false; code: Extract<ErrorCode, 'forbidden' | 'conflict' | 'rate_limited'>; message: string };

/**
 * Applies the survey's limit policy to what was recorded before. A refusal carries the code to throw
 * with: `forbidden` (not verified), `conflict` (this person or device has answered), `rate_limited`
 * (this address's answers for today are used up).
 */
export function duplicateAnswerCheck(policy: LimitPolicy, prior: PriorAnswers): AnswerAdmission {
  switch (policy.kind) {
    case 'one_per_person':
      if (prior.byPerson === null) return { accepted: false, code: 'forbidden', message: SURVEY_TEXT.notVerified };
      if (prior.byPerson > 0) return { accepted: false, code: 'conflict', message: SURVEY_TEXT.alreadyAnswered };
      return { accepted: true };
    case 'per_device':
      if (prior.byDevice > 0) return { accepted: false, code: 'conflict', message: SURVEY_TEXT.deviceAnswered };
      if (prior.fromAddressToday >= policy.perAddressPerDay) {
        return {
          accepted: false,
          code: 'rate_limited',
          message: SURVEY_TEXT.addressLimit(policy.perAddressPerDay),
        };
      }
      return { accepted: true };
    default: {
      const unknown: never = policy;
      throw new Error(`unknown limit policy ${String((unknown as { kind: unknown }).kind)}`);
    }
  }
}

/** An instant written as `Date.toISOString()` writes it, in milliseconds; undefined for anything else. */
function instantOf(value: string): number | undefined {
  const time = Date.parse(value);
  // Date.parse rolls 2026-02-30 over into March: only the canonical spelling reads back the same.
  return Number.isNaN(time) || new Date(time).toISOString() !== value ? undefined : time;
}

function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}
