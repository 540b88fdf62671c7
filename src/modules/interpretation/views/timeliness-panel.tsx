import type { Child } from 'hono/jsx';
import type { Timeliness } from '../domain/timeliness.ts';
import type { InterpretationKind } from '../domain/kinds.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

const T = INTERPRETATION_TEXT.timeliness;

/** One document of the panel with where it stands against the 3-working-day rule. */
export type TimelinessRow = {
  documentId: string;
  title: string;
  kind?: InterpretationKind | undefined;
  publishedOn: string | null;
  timeliness: Timeliness;
};

/** How a row stands, in words, flagged when late or overdue. */
function Standing(props: { timeliness: Timeliness }) {
  const { state, dueOn, workingDaysLate } = props.timeliness;
  switch (state) {
    case 'on_time':
      return <span class="tag">{T.onTime}</span>;
    case 'late':
      return <span class="tag tag-warning">{T.late(workingDaysLate)}</span>;
    case 'pending':
      return <span class="tag tag-muted">{T.pending(dueOn)}</span>;
    case 'overdue':
      return <span class="tag tag-warning">{T.overdue(dueOn, workingDaysLate)}</span>;
    default: {
      const never: never = state;
      throw new TypeError(`unknown state ${String(never)}`);
    }
  }
}

/**
 * The back-office panel of the 3-working-day rule (国办发〔2016〕19号): on an interpretation, the
 * policies it interprets; on a policy, its interpretations, or that it has none yet. Late and overdue
 * rows are flagged so that the unit sees them where it works, not only on the dashboard.
 */
export function TimelinessPanel(props: {
  heading: string;
  rows: readonly TimelinessRow[];
  /** Shown when there are no rows (a policy without an interpretation). */
  empty?: Child;
  warning?: string | undefined;
  actions?: Child;
}) {
  return (
    <section class="panel" aria-labelledby="interpretation-timeliness-heading">
      <h2 id="interpretation-timeliness-heading">{props.heading}</h2>
      <p class="muted">{T.rule}</p>
      {props.rows.length === 0 ? (
        (props.empty ?? null)
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{T.columns.title}</th>
              <th scope="col">{T.columns.publishedOn}</th>
              <th scope="col">{T.columns.dueOn}</th>
              <th scope="col">{T.columns.standing}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  {row.kind ? <span class="tag">{INTERPRETATION_TEXT.kinds[row.kind]}</span> : null}{' '}
                  <a href={`/admin/documents/${row.documentId}`}>{row.title}</a>
                </td>
                <td>{row.publishedOn ?? T.notPublished}</td>
                <td>{row.timeliness.dueOn}</td>
                <td>
                  <Standing timeliness={row.timeliness} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.warning ? (
        <p class="notice notice-warning" role="note">
          {props.warning}
        </p>
      ) : null}
      {props.actions ?? null}
    </section>
  );
}
