import { Pagination } from '../../../platform/web/components.tsx';
import type { Org } from '../../orgs/index.ts';
import { AUDIENCES, LIFE_EVENTS } from '../domain/vocabulary.ts';
import type { DirectoryPage } from '../queries/directory.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { bundlePath, directoryHref, DIRECTORY_PATH, guidePath } from './paths.ts';

const T = SERVICE_TEXT.directory;

/**
 * The directory of services (办事服务): links by audience (个人办事 / 法人办事) and by life event, a
 * filter form that works without JavaScript (a GET form, also by unit), the 一件事 bundles that match
 * and the guides that match, in pages.
 */
export function ServiceDirectory(props: {
  heading: string;
  view: DirectoryPage;
  filter: { audience: string; org: string; event: string };
  page: number;
  pageSize: number;
}) {
  const { view, filter } = props;
  const indent = (org: Org) => `${'　'.repeat(Math.max(0, org.depth - 1))}${org.name}`;
  return (
    <section class="panel services-directory">
      <h1>{props.heading}</h1>
      <p class="muted">{T.intro}</p>
      <nav aria-label={T.audience}>
        <ul class="inline-list">
          {AUDIENCES.map((audience) => (
            <li>
              <a
                href={directoryHref({ ...filter, audience })}
                aria-current={filter.audience === audience ? 'page' : undefined}
              >
                {SERVICE_TEXT.audiences[audience]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={T.event}>
        <ul class="inline-list">
          {LIFE_EVENTS.map((event) => (
            <li>
              <a href={directoryHref({ ...filter, event })} aria-current={filter.event === event ? 'page' : undefined}>
                {event}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={DIRECTORY_PATH} class="search-form">
        <label for="bsfw-audience">{T.audience}</label>
        <select id="bsfw-audience" name="audience">
          <option value="">{T.allAudiences}</option>
          {AUDIENCES.map((audience) => (
            <option value={audience} selected={audience === filter.audience || undefined}>
              {SERVICE_TEXT.audiences[audience]}
            </option>
          ))}
        </select>
        <label for="bsfw-org">{T.org}</label>
        <select id="bsfw-org" name="org">
          <option value="">{T.allOrgs}</option>
          {view.orgs.map((org) => (
            <option value={org.code} selected={org.code === filter.org || undefined}>
              {indent(org)}
            </option>
          ))}
        </select>
        <label for="bsfw-event">{T.event}</label>
        <select id="bsfw-event" name="event">
          <option value="">{T.allEvents}</option>
          {LIFE_EVENTS.map((event) => (
            <option value={event} selected={event === filter.event || undefined}>
              {event}
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          {T.filter}
        </button>
      </form>

      <h2>{T.bundles}</h2>
      {view.bundles.length === 0 ? (
        <p class="empty">{T.noBundles}</p>
      ) : (
        <ul class="plain-list service-bundles">
          {view.bundles.map((item) => (
            <li>
              <a href={bundlePath(item.documentId)}>{item.title}</a> <span class="tag">{item.record.event}</span>{' '}
              <span class="muted">
                {item.orgName} · {SERVICE_TEXT.bundle.promised}
                {SERVICE_TEXT.days(item.record.promisedDays)}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>{T.guides}</h2>
      {view.guides.length === 0 ? (
        <p class="empty">{T.noGuides}</p>
      ) : (
        <div class="table-scroll">
          <table class="doc-table">
            <thead>
              <tr>
                <th scope="col">{SERVICE_TEXT.elements.name}</th>
                <th scope="col">{SERVICE_TEXT.elements.itemType}</th>
                <th scope="col">{SERVICE_TEXT.elements.audiences}</th>
                <th scope="col">{SERVICE_TEXT.elements.unit}</th>
                <th scope="col">{SERVICE_TEXT.elements.promisedDays}</th>
              </tr>
            </thead>
            <tbody>
              {view.guides.map((item) => (
                <tr>
                  <td>
                    <a href={guidePath(item.documentId)}>{item.title}</a>
                  </td>
                  <td>{item.record.itemType}</td>
                  <td>{item.record.audiences.map((a) => SERVICE_TEXT.audienceShort[a]).join('、')}</td>
                  <td>{item.orgName}</td>
                  <td>{SERVICE_TEXT.days(item.record.promisedDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={props.page}
        pageSize={props.pageSize}
        total={view.total}
        href={(page) => directoryHref(filter, page)}
      />
    </section>
  );
}
