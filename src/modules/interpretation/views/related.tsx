import type { PublishedInterpretation } from '../ports.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

/** The 政策解读 box on a policy's page: its published interpretations, newest first. */
export function InterpretationBox(props: { items: readonly PublishedInterpretation[] }) {
  return (
    <section class="related interpretations" aria-labelledby="interpretations-heading">
      <h2 id="interpretations-heading">政策解读</h2>
      <ul>
        {props.items.map((item) => (
          <li>
            <span class="tag">{INTERPRETATION_TEXT.kinds[item.kind]}</span>{' '}
            <a href={`/xxgk/doc/${item.documentId}`}>{item.title}</a> <span class="muted">{item.publishedOn}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On an interpretation's page: the policy documents it interprets. */
export function InterpretedDocuments(props: {
  items: readonly { documentId: string; title: string; docNumber: string | null }[];
}) {
  return (
    <section class="related interpreted" aria-labelledby="interpreted-heading">
      <h2 id="interpreted-heading">解读的文件</h2>
      <ul>
        {props.items.map((item) => (
          <li>
            <a href={`/xxgk/doc/${item.documentId}`}>{item.title}</a>
            {item.docNumber ? <span class="muted">（{item.docNumber}）</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
