import { pilotField } from '../../../reference/pilot-fields.ts';
import type { Edition, GovDocument } from '../domain/workflow.ts';
import { formatBytes } from '../http/present.ts';
import { DOCUMENT_TEXT } from '../strings.ts';

/** Styles of the printable page: it is opened from a folder on the reader's disk, so they travel inside it. */
const PRINT_STYLE = `body{font-family:"Noto Sans SC","Microsoft YaHei",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.8;color:#111}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{width:7rem;background:#f3f3f3}h1{text-align:center;font-size:1.5rem}.number{text-align:center}.source{color:#555;font-size:.9rem}`;

/** One attachment as the printable page lists it: its name and where it lies in the archive (relative). */
export type PrintableAttachment = { fileName: string; sizeBytes: number; href: string | undefined };

/**
 * A document as a clean, printable HTML page for an archive: the metadata table, title, 文号, body
 * and attachments (linked to their copies beside the page), and the address it came from. No
 * site navigation, no scripts; the body is the sanitised HTML that the site itself shows.
 */
export function PrintableDocument(props: {
  document: GovDocument;
  edition: Edition;
  orgName: string;
  attachments: readonly PrintableAttachment[];
  sourceUrl: string;
}) {
  const c = props.edition.content;
  const field = c.fieldCode ? pilotField(c.fieldCode) : undefined;
  const rows: [string, string | null | undefined][] = [
    ['索引号', props.document.indexNumber],
    ['发布机构', c.issuer || props.orgName],
    ['主题分类', c.topic],
    ['体裁', c.genre],
    ['成文日期', c.writtenOn],
    ['发布日期', c.publishedOn],
    ['文号', c.docNumber],
    ['有效性', c.validity],
    ['所属领域', field?.name],
  ];
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{c.title}</title>
        <style>{PRINT_STYLE}</style>
      </head>
      <body>
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{value || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h1>{c.title}</h1>
        {c.docNumber ? <p class="number">{c.docNumber}</p> : null}
        <div dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        {props.attachments.length > 0 ? (
          <section>
            <h2>附件</h2>
            <ol>
              {props.attachments.map((a) => (
                <li>
                  {a.href ? <a href={a.href}>{a.fileName}</a> : a.fileName}（{formatBytes(a.sizeBytes)}）
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <p class="source">
          {DOCUMENT_TEXT.bundle.printedFrom(props.sourceUrl)}
          <br />
          <a href={props.sourceUrl}>{props.sourceUrl}</a>
        </p>
      </body>
    </html>
  );
}
