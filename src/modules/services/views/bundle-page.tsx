import { documentPath } from '../../documents/index.ts';
import type { BundleView } from '../queries/directory.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { Paragraphs } from './guide-page.tsx';
import { directoryHref, guidePath } from './paths.ts';

const E = SERVICE_TEXT.elements;
const B = SERVICE_TEXT.bundle;

/**
 * A 一件事 bundle's page: what it is, its services in order (each linked to its guide), the one
 * materials list with the services each material serves, the one flow and the promised time limit.
 */
export function BundlePage(props: { view: BundleView }) {
  const { view } = props;
  const { record: bundle } = view;
  return (
    <article class="panel service-bundle">
      <h1 class="document-title">{view.title}</h1>
      <table class="meta-table">
        <tbody>
          <tr>
            <th scope="row">{E.audiences}</th>
            <td>{bundle.audiences.map((a) => SERVICE_TEXT.audiences[a]).join('、')}</td>
          </tr>
          <tr>
            <th scope="row">{E.events}</th>
            <td>
              <a href={directoryHref({ event: bundle.event })}>{bundle.event}</a>
            </td>
          </tr>
          <tr>
            <th scope="row">{B.promised}</th>
            <td>{SERVICE_TEXT.days(bundle.promisedDays)}</td>
          </tr>
          <tr>
            <th scope="row">{E.unit}</th>
            <td>{view.orgName}</td>
          </tr>
        </tbody>
      </table>
      <h2>{B.summary}</h2>
      <Paragraphs text={bundle.summary} />
      <h2>{B.includedServices}</h2>
      <ol class="service-steps">
        {view.services.map((service) => (
          <li>
            <a href={guidePath(service.documentId)}>{service.title}</a>{' '}
            <span class="muted">
              {service.orgName} · 承诺{SERVICE_TEXT.days(service.record.promisedDays)}
            </span>
          </li>
        ))}
      </ol>
      <h2>{B.mergedMaterials}</h2>
      <p class="muted">{B.mergedHint}</p>
      <div class="table-scroll">
        <table class="doc-table merged-materials">
          <thead>
            <tr>
              <th scope="col">{E.materialName}</th>
              <th scope="col">{E.materialForm}</th>
              <th scope="col">{E.materialCopies}</th>
              <th scope="col">{E.materialRequired}</th>
              <th scope="col">{E.neededBy}</th>
            </tr>
          </thead>
          <tbody>
            {view.materials.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{m.forms.join('、')}</td>
                <td>{SERVICE_TEXT.copies(m.copies)}</td>
                <td>{m.required ? SERVICE_TEXT.required : SERVICE_TEXT.deferrable}</td>
                <td>
                  {m.neededBy.map((s, i) => (
                    <>
                      {i > 0 ? '、' : ''}
                      <a href={guidePath(s.documentId)}>{s.name}</a>
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{B.flow}</h2>
      <ol class="service-steps">
        {bundle.steps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p class="document-footer muted">
        {view.orgName} 发布于 {view.publishedOn} · <a href={documentPath(view.documentId)}>在政府信息公开栏目中查看</a>
      </p>
    </article>
  );
}
