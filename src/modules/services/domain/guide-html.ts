import { escapeHtml as escape } from '../../../platform/html-text.ts';
import { SERVICE_TEXT } from '../strings.ts';
import type { ServiceBundle } from './bundle.ts';
import type { ServiceGuide } from './guide.ts';
import type { MergedMaterial } from './merge-materials.ts';

const E = SERVICE_TEXT.elements;
const B = SERVICE_TEXT.bundle;

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escape(p)}</p>`)
    .join('');
const section = (heading: string, body: string) => `<h2>${escape(heading)}</h2>${body}`;
const ordered = (items: readonly string[]) => `<ol>${items.map((s) => `<li>${escape(s)}</li>`).join('')}</ol>`;

/**
 * A guide's elements as the body of its document's edition: what search indexes, the printable page
 * shows and the disclosure column's document page reads. Plain HTML of the tags the sanitiser keeps.
 */
export function guideBodyHtml(guide: ServiceGuide): string {
  const materials =
    `<table><thead><tr>${[E.materialName, E.materialForm, E.materialCopies, E.materialRequired, E.materialNotes]
      .map((h) => `<th scope="col">${escape(h)}</th>`)
      .join('')}</tr></thead><tbody>` +
    guide.materials
      .map(
        (m) =>
          `<tr><td>${escape(m.name)}</td><td>${escape(m.form)}</td><td>${escape(SERVICE_TEXT.copies(m.copies))}</td>` +
          `<td>${m.required ? SERVICE_TEXT.required : SERVICE_TEXT.deferrable}</td><td>${escape(m.notes)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return [
    section(
      E.itemType,
      `<p>${escape(guide.itemType)}；${escape(E.audiences)}：${guide.audiences
        .map((a) => SERVICE_TEXT.audienceShort[a])
        .join('、')}${guide.events.length > 0 ? `；${escape(E.events)}：${escape(guide.events.join('、'))}` : ''}</p>`,
    ),
    section(E.basis, paragraphs(guide.basis)),
    section(E.conditions, paragraphs(guide.conditions)),
    section(E.materials, materials),
    section(E.steps, ordered(guide.steps)),
    section(
      E.timeLimit,
      `<p>法定办结时限：${escape(SERVICE_TEXT.days(guide.legalDays))}；承诺办结时限：${escape(SERVICE_TEXT.days(guide.promisedDays))}</p>`,
    ),
    section(
      E.fee,
      guide.fee
        ? `<p>${escape(E.feeStandard)}：${escape(guide.fee.standard)}</p><p>${escape(E.feeBasis)}：${escape(guide.fee.basis)}</p>`
        : `<p>${SERVICE_TEXT.noFee}</p>`,
    ),
    section(
      '办理地点和时间',
      `<p>${escape(E.place)}：${escape(guide.place)}</p><p>${escape(E.hours)}：${escape(guide.hours)}</p>`,
    ),
    section(E.phone, `<p>${escape(guide.phone)}</p>`),
    section(E.complaint, paragraphs(guide.complaint)),
    guide.faqs.length > 0
      ? section(E.faqs, guide.faqs.map((f) => `<h3>${escape(f.question)}</h3>${paragraphs(f.answer)}`).join(''))
      : '',
  ].join('');
}

/**
 * A bundle as the body of its document's edition: what it is, its services in order, the one
 * materials list with the services each material serves, the flow and the promised time limit.
 */
export function bundleBodyHtml(
  bundle: ServiceBundle,
  services: readonly { documentId: string; name: string }[],
  materials: readonly MergedMaterial[],
): string {
  return [
    paragraphs(bundle.summary),
    section(B.includedServices, ordered(services.map((s) => s.name))),
    section(
      B.mergedMaterials,
      `<table><thead><tr>${[E.materialName, E.materialForm, E.materialCopies, E.materialRequired, E.neededBy]
        .map((h) => `<th scope="col">${escape(h)}</th>`)
        .join('')}</tr></thead><tbody>` +
        materials
          .map(
            (m) =>
              `<tr><td>${escape(m.name)}</td><td>${escape(m.forms.join('、'))}</td><td>${escape(SERVICE_TEXT.copies(m.copies))}</td>` +
              `<td>${m.required ? SERVICE_TEXT.required : SERVICE_TEXT.deferrable}</td><td>${escape(m.neededBy.map((s) => s.name).join('、'))}</td></tr>`,
          )
          .join('') +
        '</tbody></table>',
    ),
    section(B.flow, ordered(bundle.steps)),
    section(B.promised, `<p>${escape(SERVICE_TEXT.days(bundle.promisedDays))}</p>`),
  ].join('');
}
