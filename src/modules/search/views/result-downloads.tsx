import { EXPORT_TEXT } from '../strings.ts';

/**
 * The links that download a result set as a table, with the search's own parameters (every filter
 * the page's links carry, as `?…`), and a note when the set is larger than a download holds.
 */
export function ResultDownloads(props: { parameters: string; total: number; totalExact: boolean; maxRows: number }) {
  const { parameters } = props;
  return (
    <section class="result-downloads" aria-labelledby="result-downloads-heading">
      <h2 id="result-downloads-heading">{EXPORT_TEXT.heading}</h2>
      <p>{EXPORT_TEXT.intro(props.maxRows)}</p>
      {props.total > props.maxRows ? (
        <p class="notice">{EXPORT_TEXT.overLimit(props.total, props.maxRows, props.totalExact)}</p>
      ) : null}
      <ul>
        <li>
          <a href={`/search/results.xlsx${parameters}`} download rel="nofollow">
            {EXPORT_TEXT.xlsx}
          </a>
        </li>
        <li>
          <a href={`/search/results.csv${parameters}`} download rel="nofollow">
            {EXPORT_TEXT.csv}
          </a>
        </li>
      </ul>
    </section>
  );
}
