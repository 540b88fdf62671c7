import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import { CheckboxGroup, SelectField, TextArea, TextField, type Choice } from '../../../platform/web/fields.tsx';
import { BUNDLE_LIMITS } from '../domain/bundle.ts';
import { AUDIENCES, LIFE_EVENTS } from '../domain/vocabulary.ts';
import { BUNDLE_GUIDE_ROWS, many, one, type FormValues } from '../http/forms.ts';
import { SERVICE_TEXT } from '../strings.ts';

const E = SERVICE_TEXT.elements;
const A = SERVICE_TEXT.admin;
const B = SERVICE_TEXT.bundle;

/**
 * The 一件事 form: its unit, name, what it is, whom it serves and its event, its published guides in
 * the order they are done, its own flow and promised time limit. The materials list is merged from
 * the guides, never typed.
 */
export function BundleForm(props: {
  documentId: string | null;
  csrfToken: string;
  values: FormValues;
  issues: FieldIssue[];
  orgChoices: Choice[];
  guideChoices: Choice[];
}) {
  const { values, issues } = props;
  const v = (name: string) => one(values, name);
  const guideOptions = [{ value: '', label: '不选' }, ...props.guideChoices];
  return (
    <section>
      <h1>{props.documentId ? A.editBundle : A.newBundle}</h1>
      <ErrorSummary issues={issues} />
      <form
        method="post"
        action={props.documentId ? `/admin/services/bundles/${props.documentId}` : '/admin/services/bundles'}
        class="form"
      >
        <Csrf token={props.csrfToken} />
        <SelectField
          name="orgId"
          label={A.orgLabel}
          value={v('orgId')}
          options={props.orgChoices}
          issues={issues}
          required
        />
        <TextField
          name="name"
          label="名称"
          value={v('name')}
          maxlength={BUNDLE_LIMITS.name}
          issues={issues}
          required
          wide
        />
        <TextArea
          name="summary"
          label={B.summary}
          value={v('summary')}
          rows={3}
          maxlength={BUNDLE_LIMITS.summary}
          issues={issues}
          required
          wide
        />
        <CheckboxGroup
          name="audiences"
          legend={E.audiences}
          values={many(values, 'audiences')}
          options={AUDIENCES.map((a) => ({ value: a, label: SERVICE_TEXT.audiences[a] }))}
          issues={issues}
        />
        <SelectField
          name="event"
          label={E.events}
          value={v('event')}
          options={[{ value: '', label: '请选择' }, ...LIFE_EVENTS.map((e) => ({ value: e, label: e }))]}
          issues={issues}
          required
        />
        <fieldset class="form-section wide">
          <legend>{B.guidesLegend}</legend>
          <FieldError issues={issues} field="guides" />
          {Array.from({ length: BUNDLE_GUIDE_ROWS }, (_, i) => (
            <SelectField
              name={`guides.${i}`}
              label={B.guidePlace(i + 1)}
              value={v(`guides.${i}`)}
              options={guideOptions}
              issues={issues}
              wide
            />
          ))}
        </fieldset>
        <TextArea
          name="steps"
          label={B.flow}
          hint={B.stepsHint}
          value={v('steps')}
          rows={5}
          issues={issues}
          required
          wide
        />
        <TextField
          name="promisedDays"
          label={`${B.promised}（工作日）`}
          value={v('promisedDays')}
          inputmode="numeric"
          maxlength={3}
          issues={issues}
          required
        />
        {props.documentId ? (
          <TextField
            name="changeNote"
            label={A.changeNote}
            value={v('changeNote')}
            maxlength={500}
            issues={issues}
            wide
          />
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {A.submit}
          </button>
          <a href="/admin/services" class="button">
            {A.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}
