import type { FieldIssue } from '../../../platform/errors.ts';
import { FieldError } from '../../../platform/web/components.tsx';
import { CHOICE_KINDS, type ChoiceKind, type Choices } from '../domain/choices.ts';
import type { ChoiceOption } from '../queries/choice-catalog.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';

/** The order the public form asks in: what people subscribe to most first. */
const FORM_ORDER: readonly ChoiceKind[] = ['policy', 'audience', 'org', 'field', 'topic'];

/** The checkboxes of every kind a subscriber (or a push) may choose, each kind in its own fieldset. */
export function ChoiceFields(props: {
  options: Record<ChoiceKind, ChoiceOption[]>;
  values: Choices;
  issues: FieldIssue[];
  kinds?: readonly ChoiceKind[];
  /** Kinds shown folded (<details>) unless something in them is chosen. */
  folded?: readonly ChoiceKind[];
}) {
  const kinds = (props.kinds ?? FORM_ORDER).filter((kind) => CHOICE_KINDS.includes(kind));
  return (
    <div id="choices">
      <FieldError issues={props.issues} field="choices" />
      {kinds.map((kind) => {
        const set = (
          <fieldset id={kind} class="form-row wide">
            <legend>{NOTIFICATION_TEXT.kinds[kind]}</legend>
            <div class="check-grid">
              {props.options[kind].map((option) => (
                <div class="checkbox">
                  <input
                    id={`${kind}-${option.value}`}
                    type="checkbox"
                    name={kind}
                    value={option.value}
                    checked={props.values[kind].includes(option.value) || undefined}
                  />
                  <label for={`${kind}-${option.value}`}>{option.label}</label>
                </div>
              ))}
            </div>
            <FieldError issues={props.issues} field={kind} />
          </fieldset>
        );
        return props.folded?.includes(kind) ? (
          <details open={props.values[kind].length > 0 || props.issues.some((i) => i.field === kind) || undefined}>
            <summary>按{NOTIFICATION_TEXT.kinds[kind]}选择</summary>
            {set}
          </details>
        ) : (
          set
        );
      })}
    </div>
  );
}
