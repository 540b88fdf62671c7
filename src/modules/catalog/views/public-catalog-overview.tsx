import { ORG_TYPE_LABELS, type Org, type OrgType } from '../../orgs/index.ts';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import type { LocalField } from '../domain/entry.ts';
import { CATALOG_PUBLIC_TEXT as TEXT } from '../strings.ts';
import { catalogPath } from './catalog-links.ts';
import { publishedOn, ScrollBox } from './public-catalog-parts.tsx';

/** The fields shown as columns of the overview: the 26 pilot fields, then the district's own. */
function overviewFields(localFields: readonly LocalField[]): { code: string; name: string }[] {
  return [...PILOT_FIELDS.map((f) => ({ code: f.code, name: f.name })), ...localFields];
}

type OverviewSummary = { number: number; publishedAt: string; fieldCodes: string[]; entries: number };
type OverviewGroup = { label: string; rows: { org: Org; summary: OverviewSummary | undefined }[] };

/** Departments, then towns, then any other unit that has published a catalog, in tree order. */
function overviewGroups(orgs: Org[], published: Map<string, OverviewSummary>): OverviewGroup[] {
  const order: OrgType[] = ['district', 'department', 'town', 'village', 'community', 'utility'];
  const always: OrgType[] = ['department', 'town'];
  return order
    .map((type) => ({
      label: ORG_TYPE_LABELS[type],
      rows: orgs
        .filter((org) => org.type === type && (always.includes(type) || published.has(org.id)))
        .map((org) => ({ org, summary: published.get(org.id) })),
    }))
    .filter((group) => group.rows.length > 0);
}

/** The district overview: which unit has published a catalog for which field. */
export function CatalogOverviewPage(props: {
  orgs: Org[];
  published: Map<string, OverviewSummary>;
  localFields: LocalField[];
}) {
  const fields = overviewFields(props.localFields);
  const groups = overviewGroups(props.orgs, props.published);
  const columns = fields.length + 3;
  return (
    <section class="panel">
      <h1>{TEXT.title}</h1>
      <p>{TEXT.intro}</p>
      <p>{TEXT.publishedUnits(props.published.size)}</p>
      <div class="catalog-matrix">
        <ScrollBox labelId="catalog-matrix-caption">
          <table class="matrix-table">
            <caption id="catalog-matrix-caption" class="visually-hidden">
              {TEXT.overviewTableCaption}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="matrix-unit">
                  {TEXT.unit}
                </th>
                <th scope="col">{TEXT.version}</th>
                <th scope="col">{TEXT.publishedOn}</th>
                {fields.map((field) => (
                  <th scope="col" class="matrix-field">
                    <span>{field.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody>
                <tr class="matrix-group">
                  <th scope="rowgroup" colspan={columns}>
                    <span>{group.label}</span>
                  </th>
                </tr>
                {group.rows.map(({ org, summary }) => (
                  <tr>
                    <th scope="row" class="matrix-unit">
                      {summary ? <a href={catalogPath(org.code)}>{org.name}</a> : org.name}
                    </th>
                    <td class="nowrap">{summary ? TEXT.versionLabel(summary.number) : TEXT.notPublished}</td>
                    <td class="nowrap">{summary ? publishedOn(summary.publishedAt) : ''}</td>
                    {fields.map((field) => (
                      <td class="matrix-mark">
                        {summary?.fieldCodes.includes(field.code) ? (
                          <>
                            <span aria-hidden="true">✓</span>
                            <span class="visually-hidden">{TEXT.published}</span>
                          </>
                        ) : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </ScrollBox>
      </div>
      {/* Phones: the same facts as a list, unit by unit, with the names of the fields it covers. */}
      <div class="catalog-unit-list">
        <h2>{TEXT.overviewListHeading}</h2>
        {groups.map((group) => (
          <>
            <h3>{group.label}</h3>
            <ul>
              {group.rows.map(({ org, summary }) => (
                <li>
                  {summary ? (
                    <>
                      <a href={catalogPath(org.code)}>{org.name}</a>
                      <span class="muted">
                        {'　'}
                        {TEXT.versionLabel(summary.number)}
                        {'　'}
                        <span class="nowrap">{publishedOn(summary.publishedAt)}</span>
                      </span>
                      <br />
                      <span class="small">
                        {fields
                          .filter((f) => summary.fieldCodes.includes(f.code))
                          .map((f) => f.name)
                          .join('、') || TEXT.noFields}
                      </span>
                    </>
                  ) : (
                    <>
                      {org.name}
                      <span class="muted">
                        {'　'}
                        {TEXT.notPublished}
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        ))}
      </div>
    </section>
  );
}
