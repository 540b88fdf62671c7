import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import {
  CheckboxField,
  DateField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from '../../../platform/web/fields.tsx';
import { QUESTION_KINDS, SURVEY_LIMITS } from '../domain/survey.ts';
import type { QuestionInput, SurveyInput } from '../domain/survey-form.ts';
import { SURVEY_TEXT } from '../domain/survey-strings.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { adminSurveyPath, ADMIN_SURVEYS_PATH } from './survey-paths.ts';

const A = SURVEY_PAGE_TEXT.admin;
const KIND_CHOICES: Choice[] = QUESTION_KINDS.map((kind) => ({ value: kind, label: SURVEY_TEXT.kinds[kind] }));

/** One question block: every field named `questions.<i>.<field>`, as the use case's issues name them. */
function QuestionBlock(props: { index: number; block: QuestionInput; issues: FieldIssue[]; isNew: boolean }) {
  const { index, block, issues } = props;
  const name = (field: string) => `questions.${index}.${field}`;
  return (
    <fieldset class="form-row wide survey-question-block" id={`questions.${index}`}>
      <legend>{props.isNew ? A.newQuestionLegend(index + 1) : A.questionLegend(index + 1)}</legend>
      <input type="hidden" name={name('id')} value={block.id} />
      <SelectField name={name('kind')} label={A.kind} value={block.kind} options={KIND_CHOICES} issues={issues} />
      <TextField
        name={name('title')}
        label={A.title}
        value={block.title}
        maxlength={SURVEY_LIMITS.questionTitle}
        issues={issues}
        wide
      />
      <CheckboxField name={name('required')} label={A.requiredLabel} checked={block.required} issues={issues} />
      <TextArea name={name('options')} label={A.options} value={block.options} rows={5} issues={issues} wide />
      <TextField
        name={name('minSelections')}
        label={A.minSelections}
        value={block.minSelections}
        inputmode="numeric"
        issues={issues}
      />
      <TextField
        name={name('maxSelections')}
        label={A.maxSelections}
        value={block.maxSelections}
        inputmode="numeric"
        issues={issues}
      />
      <TextField
        name={name('maxLength')}
        label={A.maxLength}
        value={block.maxLength}
        inputmode="numeric"
        issues={issues}
      />
      <TextField name={name('from')} label={A.from} value={block.from} inputmode="numeric" issues={issues} />
      <TextField name={name('to')} label={A.to} value={block.to} inputmode="numeric" issues={issues} />
      <TextField
        name={name('fromLabel')}
        label={A.fromLabel}
        value={block.fromLabel}
        maxlength={SURVEY_LIMITS.scaleLabel}
        issues={issues}
      />
      <TextField
        name={name('toLabel')}
        label={A.toLabel}
        value={block.toLabel}
        maxlength={SURVEY_LIMITS.scaleLabel}
        issues={issues}
      />
      <FieldError issues={issues} field={name('id')} />
      {props.isNew ? null : (
        <CheckboxField name={name('remove')} label={A.removeQuestion} checked={block.remove} issues={issues} />
      )}
    </fieldset>
  );
}

/**
 * A new survey, or one nobody can have answered yet: title, unit, period and limit, then the
 * questions one block each (a few blank blocks at the end add questions, without JavaScript).
 */
export function AdminSurveyForm(props: {
  surveyId: string | null;
  values: SurveyInput;
  issues: FieldIssue[];
  orgChoices: Choice[];
  csrfToken: string;
}) {
  const { values, issues } = props;
  return (
    <section>
      <h1>{props.surveyId === null ? A.create : A.edit}</h1>
      <ErrorSummary issues={issues} />
      <form
        method="post"
        action={props.surveyId === null ? ADMIN_SURVEYS_PATH : adminSurveyPath(props.surveyId)}
        class="form"
      >
        <Csrf token={props.csrfToken} />
        <SelectField
          name="orgId"
          label={A.orgId}
          value={values.orgId}
          options={props.orgChoices}
          issues={issues}
          required
        />
        <TextField
          name="title"
          label={A.surveyTitle}
          value={values.title}
          maxlength={SURVEY_LIMITS.title}
          issues={issues}
          required
          wide
        />
        <TextArea
          name="description"
          label={A.description}
          value={values.description}
          rows={4}
          maxlength={SURVEY_LIMITS.description}
          hint={A.descriptionHint}
          issues={issues}
          wide
        />
        <DateField name="opensAt" label={A.opensAt} value={values.opensAt} withTime issues={issues} required />
        <DateField name="closesAt" label={A.closesAt} value={values.closesAt} withTime issues={issues} required />
        <RadioGroup
          name="limit.kind"
          legend={A.limitKind}
          value={values.limitKind === 'one_per_person' ? 'one_per_person' : 'per_device'}
          options={[
            { value: 'per_device', label: A.limitPerDevice },
            { value: 'one_per_person', label: SURVEY_TEXT.policies.one_per_person },
          ]}
          issues={issues}
          wide
        />
        <TextField
          name="limit.perAddressPerDay"
          label={A.perAddressPerDay}
          value={values.perAddressPerDay}
          inputmode="numeric"
          hint={A.perAddressHint}
          issues={issues}
        />
        <p class="hint wide">{A.questionsHint}</p>
        <FieldError issues={issues} field="questions" />
        {values.questions.map((block, index) => (
          <QuestionBlock index={index} block={block} issues={issues} isNew={block.id === ''} />
        ))}
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {A.save}
          </button>
        </div>
      </form>
    </section>
  );
}
