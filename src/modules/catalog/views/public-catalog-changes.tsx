import { fieldName, type CatalogEntry, type LocalField } from '../domain/entry.ts';
import type { CatalogDiff, CatalogVersion, ElementChange } from '../domain/version.ts';
import { CATALOG_PUBLIC_TEXT as TEXT } from '../strings.ts';
import { entryLabel, publishedOn } from './public-catalog-parts.tsx';

/**
 * A multi-line element in a before/after comparison: the lines the other side lacks are marked as
 * removed (before) or added (after), so a long list shows what changed in it.
 */
function ChangedLines(props: { text: string; other: string; mark: 'ins' | 'del' }) {
  const lines = props.text.split('\n');
  const others = props.other.split('\n');
  if (lines.length < 2 && others.length < 2) return <>{props.text}</>;
  return (
    <>
      {lines.map((line, i) => {
        const node =
          others.includes(line) || line === '' ? line : props.mark === 'ins' ? <ins>{line}</ins> : <del>{line}</del>;
        return i === 0 ? node : [<br />, node];
      })}
    </>
  );
}

/** What this version added, removed and changed against the version before, element by element. */
export function ChangesSection(props: {
  previous: CatalogVersion;
  diff: CatalogDiff;
  localFields: LocalField[];
  entryHref: (entry: CatalogEntry) => string;
}) {
  const { diff } = props;
  const nameOf = (code: string) => fieldName(code, props.localFields) ?? code;
  const shown = (change: ElementChange, text: string) => (change.element === 'fieldCode' && text ? nameOf(text) : text);
  const nothing = diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
  return (
    <section class="panel catalog-changes">
      <h2 id="changes">{TEXT.changesHeading}</h2>
      <p>
        {TEXT.changesSummary(props.previous.number, {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
        })}
        {TEXT.previousPublished(props.previous.number, publishedOn(props.previous.publishedAt))}
      </p>
      {nothing ? <p>{TEXT.noChanges}</p> : null}
      {diff.added.length > 0 ? (
        <>
          <h3>{TEXT.addedHeading}</h3>
          <ul>
            {diff.added.map((entry) => (
              <li>
                {nameOf(entry.fieldCode)}：<a href={props.entryHref(entry)}>{entryLabel(entry)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.removed.length > 0 ? (
        <>
          <h3>{TEXT.removedHeading}</h3>
          <ul>
            {diff.removed.map((entry) => (
              <li>
                {nameOf(entry.fieldCode)}：{entryLabel(entry)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.changed.length > 0 ? (
        <>
          <h3>{TEXT.changedHeading}</h3>
          {diff.changed.map(({ before, after, changes }) => (
            <div class="change">
              <h4>
                {nameOf(after.fieldCode)}：<a href={props.entryHref(after)}>{entryLabel(after)}</a>
                {entryLabel(before) !== entryLabel(after) ? (
                  <span class="muted">{TEXT.renamedFrom(entryLabel(before))}</span>
                ) : null}
              </h4>
              <table class="diff-table">
                <caption class="visually-hidden">{TEXT.changeCaption(entryLabel(after))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{TEXT.element}</th>
                    <th scope="col">{TEXT.before}</th>
                    <th scope="col">{TEXT.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr>
                      <th scope="row">{change.label}</th>
                      <td>
                        <ChangedLines
                          text={shown(change, change.before)}
                          other={shown(change, change.after)}
                          mark="del"
                        />
                      </td>
                      <td>
                        <ChangedLines
                          text={shown(change, change.after)}
                          other={shown(change, change.before)}
                          mark="ins"
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
