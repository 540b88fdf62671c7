import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../errors.ts';
import { FieldError } from './components.tsx';

/**
 * Form fields that wire the label, the hint, `aria-describedby` (the error, else the hint) and
 * `aria-invalid` once, so every form says the same things to a screen reader and shows its error
 * beside the field that caused it (WCAG 2.1 SC 1.3.1, 3.3.1, 3.3.2).
 */
type FieldProps = {
  name: string;
  label: Child;
  /** The problems of the form; this field shows its own. */
  issues?: FieldIssue[];
  hint?: Child;
  /** Defaults to the name; give one when a page has two fields of the same name. */
  id?: string;
  required?: boolean;
  /** Spans the whole form width. */
  wide?: boolean;
};

function wiring(props: FieldProps) {
  const id = props.id ?? props.name;
  const hasError = (props.issues ?? []).some((issue) => issue.field === props.name);
  // An error, when there is one, is what the field is described by; otherwise its hint.
  const describedBy = hasError ? `${props.name}-error` : props.hint ? `${id}-hint` : undefined;
  return {
    id,
    control: {
      id,
      name: props.name,
      required: props.required || undefined,
      'aria-describedby': describedBy,
      'aria-invalid': hasError ? ('true' as const) : undefined,
    },
  };
}

function Row(props: FieldProps & { id: string; children: Child }) {
  return (
    <div class={props.wide ? 'form-row wide' : 'form-row'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError issues={props.issues ?? []} field={props.name} />
    </div>
  );
}

/** A one-line text input (also e-mail, telephone, password, number). */
export function TextField(
  props: FieldProps & {
    value?: string;
    type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'url' | 'search';
    maxlength?: number;
    placeholder?: string;
    autocomplete?: string;
    inputmode?: 'numeric' | 'text' | 'tel' | 'email';
    autofocus?: boolean;
    pattern?: string;
  },
) {
  const { id, control } = wiring(props);
  return (
    <Row {...props} id={id}>
      <input
        {...control}
        type={props.type ?? 'text'}
        value={props.value}
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        autofocus={props.autofocus || undefined}
        pattern={props.pattern}
      />
    </Row>
  );
}

/** A file (or, with `multiple`, files) to upload, of the types `accept` lists (the server decides the type from the bytes). */
export function FileField(props: FieldProps & { accept: string; multiple?: boolean }) {
  const { id, control } = wiring(props);
  return (
    <Row {...props} id={id}>
      <input {...control} type="file" accept={props.accept} multiple={props.multiple || undefined} />
    </Row>
  );
}

/** A date (YYYY-MM-DD), or a date and time of day. */
export function DateField(props: FieldProps & { value?: string; withTime?: boolean }) {
  const { id, control } = wiring(props);
  return (
    <Row {...props} id={id}>
      <input {...control} type={props.withTime ? 'datetime-local' : 'date'} value={props.value} />
    </Row>
  );
}

/** One option of a select list. */
export type Choice = { value: string; label: string };

/** A select list, with options in groups when `groups` is given (the groups follow the loose options). */
export function SelectField(
  props: FieldProps & { value?: string; options: Choice[]; groups?: { label: string; options: Choice[] }[] },
) {
  const { id, control } = wiring(props);
  const option = (choice: Choice) => (
    <option value={choice.value} selected={choice.value === props.value}>
      {choice.label}
    </option>
  );
  return (
    <Row {...props} id={id}>
      <select {...control}>
        {props.options.map(option)}
        {(props.groups ?? []).map((group) => (
          <optgroup label={group.label}>{group.options.map(option)}</optgroup>
        ))}
      </select>
    </Row>
  );
}

/** Several lines of text. */
export function TextArea(
  props: FieldProps & { value?: string; rows?: number; maxlength?: number; placeholder?: string },
) {
  const { id, control } = wiring(props);
  return (
    <Row {...props} id={id}>
      <textarea {...control} rows={props.rows ?? 4} maxlength={props.maxlength} placeholder={props.placeholder}>
        {props.value ?? ''}
      </textarea>
    </Row>
  );
}

/** A yes/no choice: the box before its label. */
export function CheckboxField(props: FieldProps & { checked: boolean; value?: string }) {
  const { id, control } = wiring(props);
  return (
    <div class={props.wide ? 'form-row wide checkbox' : 'form-row checkbox'}>
      <input {...control} type="checkbox" value={props.value ?? 'on'} checked={props.checked || undefined} />
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError issues={props.issues ?? []} field={props.name} />
    </div>
  );
}

/** One choice of several, as radio buttons in a fieldset with a legend. */
export function RadioGroup(props: {
  name: string;
  legend: Child;
  value: string;
  options: Choice[];
  issues?: FieldIssue[];
  wide?: boolean;
  children?: Child;
}) {
  const hasError = (props.issues ?? []).some((issue) => issue.field === props.name);
  return (
    <fieldset
      class={props.wide ? 'form-row wide' : 'form-row'}
      aria-describedby={hasError ? `${props.name}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <div class="checkbox">
          <input
            id={`${props.name}-${option.value}`}
            type="radio"
            name={props.name}
            value={option.value}
            checked={option.value === props.value || undefined}
          />
          <label for={`${props.name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <FieldError issues={props.issues ?? []} field={props.name} />
      {props.children}
    </fieldset>
  );
}

/** Several choices at once, as checkboxes in a fieldset with a legend; `grid` lays many in columns. */
export function CheckboxGroup(props: {
  name: string;
  legend: Child;
  values: readonly string[];
  options: Choice[];
  issues?: FieldIssue[];
  wide?: boolean;
  grid?: boolean;
  children?: Child;
}) {
  const hasError = (props.issues ?? []).some((issue) => issue.field === props.name);
  const boxes = props.options.map((option) => (
    <div class="checkbox">
      <input
        id={`${props.name}-${option.value}`}
        type="checkbox"
        name={props.name}
        value={option.value}
        checked={props.values.includes(option.value) || undefined}
      />
      <label for={`${props.name}-${option.value}`}>{option.label}</label>
    </div>
  ));
  return (
    <fieldset
      class={props.wide ? 'form-row wide' : 'form-row'}
      aria-describedby={hasError ? `${props.name}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.grid ? <div class="check-grid">{boxes}</div> : boxes}
      {props.children}
      <FieldError issues={props.issues ?? []} field={props.name} />
    </fieldset>
  );
}
