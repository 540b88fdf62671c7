import { documentPath } from '../../documents/index.ts';
import type { ServiceGuide } from '../domain/guide.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { directoryHref } from './paths.ts';

const E = SERVICE_TEXT.elements;

/** Text with its line breaks kept as paragraphs. */
export function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

/**
 * A published service guide (办事指南): every element under its own heading, the materials as a
 * table, the flow as an ordered list, then the common questions; the disclosure column's record of
 * the same guide is linked.
 */
export function GuidePage(props: {
  documentId: string;
  title: string;
  publishedOn: string;
  orgName: string;
  orgCode: string;
  guide: ServiceGuide;
}) {
  const { guide } = props;
  return (
    <article class="panel service-guide">
      <h1 class="document-title">{props.title}</h1>
      <table class="meta-table">
        <tbody>
          <tr>
            <th scope="row">{E.itemType}</th>
            <td>{guide.itemType}</td>
          </tr>
          <tr>
            <th scope="row">{E.audiences}</th>
            <td>
              {guide.audiences.map((a, i) => (
                <>
                  {i > 0 ? '、' : ''}
                  <a href={directoryHref({ audience: a })}>{SERVICE_TEXT.audiences[a]}</a>
                </>
              ))}
            </td>
          </tr>
          {guide.events.length > 0 ? (
            <tr>
              <th scope="row">{E.events}</th>
              <td>
                {guide.events.map((event, i) => (
                  <>
                    {i > 0 ? '、' : ''}
                    <a href={directoryHref({ event })}>{event}</a>
                  </>
                ))}
              </td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">{E.unit}</th>
            <td>
              <a href={directoryHref({ org: props.orgCode })}>{props.orgName}</a>
            </td>
          </tr>
          <tr>
            <th scope="row">{E.timeLimit}</th>
            <td>
              法定{SERVICE_TEXT.days(guide.legalDays)}，承诺{SERVICE_TEXT.days(guide.promisedDays)}
            </td>
          </tr>
          <tr>
            <th scope="row">{E.fee}</th>
            <td>{guide.fee ? `${guide.fee.standard}（依据：${guide.fee.basis}）` : SERVICE_TEXT.noFee}</td>
          </tr>
        </tbody>
      </table>
      <h2>{E.basis}</h2>
      <Paragraphs text={guide.basis} />
      <h2>{E.conditions}</h2>
      <Paragraphs text={guide.conditions} />
      <h2>{E.materials}</h2>
      <div class="table-scroll">
        <table class="doc-table">
          <thead>
            <tr>
              <th scope="col">{E.materialName}</th>
              <th scope="col">{E.materialForm}</th>
              <th scope="col">{E.materialCopies}</th>
              <th scope="col">{E.materialRequired}</th>
              <th scope="col">{E.materialNotes}</th>
            </tr>
          </thead>
          <tbody>
            {guide.materials.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{m.form}</td>
                <td>{SERVICE_TEXT.copies(m.copies)}</td>
                <td>{m.required ? SERVICE_TEXT.required : SERVICE_TEXT.deferrable}</td>
                <td>{m.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{E.steps}</h2>
      <ol class="service-steps">
        {guide.steps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <h2>办理地点和时间</h2>
      <p>
        {E.place}：{guide.place}
      </p>
      <p>
        {E.hours}：{guide.hours}
      </p>
      <h2>{E.phone}</h2>
      <p>
        <a href={`tel:${guide.phone.replace(/[^0-9]/g, '')}`}>{guide.phone}</a>
      </p>
      <h2>{E.complaint}</h2>
      <Paragraphs text={guide.complaint} />
      {guide.faqs.length > 0 ? (
        <>
          <h2>{E.faqs}</h2>
          <dl class="service-faqs">
            {guide.faqs.map((faq) => (
              <>
                <dt>{faq.question}</dt>
                <dd>
                  <Paragraphs text={faq.answer} />
                </dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
      <p class="document-footer muted">
        {props.orgName} 发布于 {props.publishedOn} ·{' '}
        <a href={documentPath(props.documentId)}>在政府信息公开栏目中查看</a>
      </p>
    </article>
  );
}
