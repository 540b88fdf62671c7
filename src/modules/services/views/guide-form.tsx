import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import {
  CheckboxField,
  CheckboxGroup,
  DateField,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from '../../../platform/web/fields.tsx';
import { GUIDE_LIMITS } from '../domain/guide.ts';
import { AUDIENCES, ITEM_TYPES, LIFE_EVENTS, MATERIAL_FORMS } from '../domain/vocabulary.ts';
import { FAQ_ROWS, MATERIAL_ROWS, many, one, STEP_ROWS, type FormValues } from '../http/forms.ts';
import { SERVICE_TEXT } from '../strings.ts';

const E = SERVICE_TEXT.elements;
const A = SERVICE_TEXT.admin;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The service guide form, without JavaScript: the unit and where the guide is filed, then every
 * element of the guide, the lists as fixed rows (blank rows are ignored). Errors show beside their
 * fields and everything typed is kept; it goes to the unit's reviewers like any document.
 */
export function GuideForm(props: {
  documentId: string | null;
  csrfToken: string;
  values: FormValues;
  issues: FieldIssue[];
  orgChoices: Choice[];
  topicChoices: Choice[];
  catalogGroups: { label: string; options: Choice[] }[];
}) {
  const { values, issues } = props;
  const v = (name: string) => one(values, name);
  return (
    <section>
      <h1>{props.documentId ? A.editGuide : A.newGuide}</h1>
      <ErrorSummary issues={issues} />
      <form
        method="post"
        action={props.documentId ? `/admin/services/guides/${props.documentId}` : '/admin/services/guides'}
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
          label={E.name}
          value={v('name')}
          maxlength={GUIDE_LIMITS.name}
          issues={issues}
          required
          wide
        />
        <SelectField
          name="itemType"
          label={E.itemType}
          value={v('itemType')}
          options={[{ value: '', label: '请选择' }, ...ITEM_TYPES.map((t) => ({ value: t, label: t }))]}
          issues={issues}
          required
        />
        <SelectField name="topic" label="主题分类" value={v('topic')} options={props.topicChoices} issues={issues} />
        <CheckboxGroup
          name="audiences"
          legend={E.audiences}
          values={many(values, 'audiences')}
          options={AUDIENCES.map((a) => ({ value: a, label: SERVICE_TEXT.audiences[a] }))}
          issues={issues}
        />
        <CheckboxGroup
          name="events"
          legend={`${E.events}（可多选）`}
          values={many(values, 'events')}
          options={LIFE_EVENTS.map((e) => ({ value: e, label: e }))}
          issues={issues}
          grid
          wide
        />
        <SelectField
          name="catalogEntryKey"
          label={E.catalogEntry}
          hint={A.catalogHint}
          value={v('catalogEntryKey')}
          options={[{ value: '', label: '不归入目录' }]}
          groups={props.catalogGroups}
          issues={issues}
          wide
        />
        <DateField name="formedOn" label={A.formedOn} value={v('formedOn')} issues={issues} />
        <TextArea
          name="basis"
          label={E.basis}
          value={v('basis')}
          rows={3}
          maxlength={GUIDE_LIMITS.text}
          issues={issues}
          required
          wide
        />
        <TextArea
          name="conditions"
          label={E.conditions}
          value={v('conditions')}
          rows={3}
          maxlength={GUIDE_LIMITS.text}
          issues={issues}
          required
          wide
        />
        <fieldset class="form-section wide">
          <legend>{E.materials}</legend>
          <p class="hint">{A.blankRowsHint}</p>
          <FieldError issues={issues} field="materials" />
          {range(MATERIAL_ROWS).map((i) => {
            const at = (f: string) => `materials.${i}.${f}`;
            return (
              <fieldset class="form-section">
                <legend>{A.materialPlace(i + 1)}</legend>
                <TextField
                  name={at('name')}
                  label={E.materialName}
                  value={v(at('name'))}
                  maxlength={GUIDE_LIMITS.materialName}
                  issues={issues}
                />
                <SelectField
                  name={at('form')}
                  label={E.materialForm}
                  value={v(at('form')) || '原件'}
                  options={MATERIAL_FORMS.map((f) => ({ value: f, label: f }))}
                  issues={issues}
                />
                <TextField
                  name={at('copies')}
                  label={E.materialCopies}
                  value={v(at('copies')) || '1'}
                  inputmode="numeric"
                  maxlength={2}
                  issues={issues}
                />
                <SelectField
                  name={at('required')}
                  label={E.materialRequired}
                  value={v(at('required')) || 'required'}
                  options={[
                    { value: 'required', label: SERVICE_TEXT.required },
                    { value: 'deferrable', label: SERVICE_TEXT.deferrable },
                  ]}
                  issues={issues}
                />
                <TextField
                  name={at('notes')}
                  label={E.materialNotes}
                  value={v(at('notes'))}
                  maxlength={GUIDE_LIMITS.materialNotes}
                  issues={issues}
                  wide
                />
              </fieldset>
            );
          })}
        </fieldset>
        <fieldset class="form-section wide">
          <legend>{E.steps}</legend>
          <FieldError issues={issues} field="steps" />
          {range(STEP_ROWS).map((i) => (
            <TextField
              name={`steps.${i}`}
              label={A.stepPlace(i + 1)}
              value={v(`steps.${i}`)}
              maxlength={GUIDE_LIMITS.step}
              issues={issues}
              wide
            />
          ))}
        </fieldset>
        <TextField
          name="legalDays"
          label={E.legalDays}
          value={v('legalDays')}
          inputmode="numeric"
          maxlength={3}
          issues={issues}
          required
        />
        <TextField
          name="promisedDays"
          label={E.promisedDays}
          hint="0 表示即办。"
          value={v('promisedDays')}
          inputmode="numeric"
          maxlength={3}
          issues={issues}
          required
        />
        <CheckboxField name="feeFree" label={E.feeFree} checked={v('feeFree') === 'on'} issues={issues} />
        <TextField
          name="feeStandard"
          label={E.feeStandard}
          value={v('feeStandard')}
          maxlength={GUIDE_LIMITS.feeStandard}
          issues={issues}
          wide
        />
        <TextField
          name="feeBasis"
          label={E.feeBasis}
          value={v('feeBasis')}
          maxlength={GUIDE_LIMITS.feeBasis}
          issues={issues}
          wide
        />
        <TextField
          name="place"
          label={E.place}
          value={v('place')}
          maxlength={GUIDE_LIMITS.place}
          issues={issues}
          required
          wide
        />
        <TextField
          name="hours"
          label={E.hours}
          value={v('hours')}
          maxlength={GUIDE_LIMITS.hours}
          issues={issues}
          required
          wide
        />
        <TextField name="phone" label={E.phone} type="tel" value={v('phone')} maxlength={30} issues={issues} required />
        <TextArea
          name="complaint"
          label={E.complaint}
          value={v('complaint')}
          rows={2}
          maxlength={GUIDE_LIMITS.complaint}
          issues={issues}
          required
          wide
        />
        <fieldset class="form-section wide">
          <legend>{E.faqs}（可不填）</legend>
          {range(FAQ_ROWS).map((i) => (
            <fieldset class="form-section">
              <legend>{A.faqPlace(i + 1)}</legend>
              <TextField
                name={`faqs.${i}.question`}
                label={E.question}
                value={v(`faqs.${i}.question`)}
                maxlength={GUIDE_LIMITS.question}
                issues={issues}
                wide
              />
              <TextArea
                name={`faqs.${i}.answer`}
                label={E.answer}
                value={v(`faqs.${i}.answer`)}
                rows={2}
                maxlength={GUIDE_LIMITS.answer}
                issues={issues}
                wide
              />
            </fieldset>
          ))}
        </fieldset>
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
