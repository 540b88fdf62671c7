import type { Child } from 'hono/jsx';
import { chinaDate } from '../../../platform/clock.ts';
import { MetaRow, Pagination } from '../../../platform/web/components.tsx';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import type { EditionListItem, Paged } from '../../documents/index.ts';
import { DocumentTable } from '../../documents/index.ts';
import { ORG_TYPE_LABELS, type Org, type OrgType } from '../../orgs/index.ts';
import {
  formatAudience,
  formatChannels,
  formatElements,
  formatFiveOpen,
  formatLegalBasis,
  formatLevels,
  formatMode,
  formatTimeLimit,
} from '../domain/cell-text.ts';
import { ELEMENT_LABELS, fieldName, type CatalogEntry, type LocalField, type NegativeItem } from '../domain/entry.ts';
import type { CatalogDiff, CatalogVersion, ElementChange } from '../domain/version.ts';
import type { PublicCatalog } from '../queries/catalog-views.ts';
import { CATALOG_PUBLIC_TEXT as TEXT } from '../strings.ts';

/** The overview's base path; a unit's catalog lives under it by unit code. */
export const CATALOG_COLUMN_PATH = '/xxgk/bzml';

/** A unit's published catalog; an earlier version carries its number. */
export function catalogPath(orgCode: string, version?: number): string {
  return `${CATALOG_COLUMN_PATH}/${encodeURIComponent(orgCode)}${version === undefined ? '' : `?version=${version}`}`;
}

/** One entry of a unit's catalog (of an earlier version when a number is given). */
export function catalogEntryPath(orgCode: string, key: string, version?: number): string {
  return `${CATALOG_COLUMN_PATH}/${encodeURIComponent(orgCode)}/${key}${version === undefined ? '' : `?version=${version}`}`;
}

/** The spreadsheet of a unit's catalog (of an earlier version when a number is given). */
export function catalogWorkbookPath(orgCode: string, version?: number): string {
  return `${CATALOG_COLUMN_PATH}/${encodeURIComponent(orgCode)}.xlsx${version === undefined ? '' : `?version=${version}`}`;
}

/** The version number to put in links: none for the version in force, so links stay stable. */
export function linkVersion(version: CatalogVersion): number | undefined {
  return version.state === 'published' ? undefined : version.number;
}

/** "2026-03-02", the publication date in China time. */
function publishedOn(instant: string | null): string {
  return instant ? chinaDate(new Date(instant)) : '—';
}

/** Text whose lines are kept as line breaks (multi-line catalog cells). */
export function Lines(props: { text: string }) {
  const lines = props.text.split('\n');
  return <>{lines.map((line, i) => (i === 0 ? line : [<br />, line]))}</>;
}

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

/** A wide table: it scrolls sideways inside its own box on a phone and never widens the page. */
function ScrollBox(props: { labelId: string; children?: Child }) {
  // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.labelId} tabindex={0}>
      {props.children}
    </div>
  );
}

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

/** Entries grouped by field, in field order, each group in catalog order. */
function byField(entries: CatalogEntry[]): { code: string; entries: CatalogEntry[] }[] {
  const codes = [...new Set(entries.map((e) => e.fieldCode))].sort();
  return codes.map((code) => ({
    code,
    entries: entries.filter((e) => e.fieldCode === code).sort((a, b) => a.position - b.position),
  }));
}

function entryLabel(entry: CatalogEntry): string {
  return entry.itemL2 ? `${entry.itemL1}：${entry.itemL2}` : entry.itemL1;
}

/** A unit's published catalog: the entries per field, the negative list, changes and earlier versions. */
export function UnitCatalogPage(props: { view: PublicCatalog; versions: CatalogVersion[] }) {
  const { org, version, entries, negative, documentCounts, previous, diff, localFields } = props.view;
  const linked = linkVersion(version);
  const groups = byField(entries);
  const current = props.versions.find((v) => v.state === 'published');
  const nameOf = (code: string) => fieldName(code, localFields) ?? code;
  return (
    <>
      <section class="panel">
        <h1>{TEXT.catalogTitle(org.name)}</h1>
        <p class="catalog-meta">
          <span>{TEXT.versionLabel(version.number)}</span>
          <span>
            {TEXT.publishedOn}：{publishedOn(version.publishedAt)}
          </span>
          <span>{TEXT.catalogSize(groups.length, entries.length)}</span>
        </p>
        {version.state === 'superseded' ? (
          <div class="notice notice-warning" role="note">
            <p>
              {TEXT.supersededNotice(version.number)}
              {current ? <a href={catalogPath(org.code)}>{TEXT.currentVersionLink}</a> : null}
            </p>
          </div>
        ) : null}
        <p>
          <a class="button" href={catalogWorkbookPath(org.code, linked)} download={TEXT.workbookName(org.name, linked)}>
            {TEXT.download}
          </a>
        </p>
        {groups.length > 1 ? (
          <nav aria-label={TEXT.fieldsNav}>
            <ul class="inline-list">
              {groups.map((group) => (
                <li>
                  <a href={`#field-${group.code}`}>
                    {nameOf(group.code)}（{TEXT.entryCount(group.entries.length)}）
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </section>
      {groups.map((group) => (
        <section class="panel">
          <h2 id={`field-${group.code}`}>
            {nameOf(group.code)}
            <span class="muted small">（{TEXT.entryCount(group.entries.length)}）</span>
          </h2>
          <CatalogTable
            id={`field-${group.code}-table`}
            caption={TEXT.fieldCaption(nameOf(group.code))}
            entries={group.entries}
            documentCounts={documentCounts}
            entryHref={(entry) => catalogEntryPath(org.code, entry.key, linked)}
          />
        </section>
      ))}
      {negative.length > 0 ? <NegativeList items={negative} /> : null}
      {previous && diff ? (
        <ChangesSection
          previous={previous}
          diff={diff}
          localFields={localFields}
          entryHref={(entry) => catalogEntryPath(org.code, entry.key, linked)}
        />
      ) : null}
      {props.versions.length > 1 ? <VersionHistory org={org} versions={props.versions} shown={version} /> : null}
    </>
  );
}

/** The catalog's rows in the printed layout; one 一级事项 spans the rows of its 二级事项, as catalogs print it. */
function CatalogTable(props: {
  id: string;
  caption: string;
  entries: CatalogEntry[];
  documentCounts: Map<string, number>;
  entryHref: (entry: CatalogEntry) => string;
}) {
  const span = (i: number): number => {
    const entry = props.entries[i]!;
    if (i > 0 && props.entries[i - 1]!.itemL1 === entry.itemL1) return 0;
    let n = 1;
    while (props.entries[i + n]?.itemL1 === entry.itemL1) n++;
    return n;
  };
  return (
    <ScrollBox labelId={`${props.id}-caption`}>
      <table class="catalog-table fixed-columns">
        <caption id={`${props.id}-caption`} class="visually-hidden">
          {props.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{TEXT.serial}</th>
            <th scope="col">{ELEMENT_LABELS.itemL1}</th>
            <th scope="col">{ELEMENT_LABELS.itemL2}</th>
            <th scope="col">{ELEMENT_LABELS.contentElements}</th>
            <th scope="col">{ELEMENT_LABELS.legalBasis}</th>
            <th scope="col">{ELEMENT_LABELS.timeLimit}</th>
            <th scope="col">{ELEMENT_LABELS.publisher}</th>
            <th scope="col">{ELEMENT_LABELS.channels}</th>
            <th scope="col">{ELEMENT_LABELS.audience}</th>
            <th scope="col">{ELEMENT_LABELS.mode}</th>
            <th scope="col">{ELEMENT_LABELS.levels}</th>
            <th scope="col">{TEXT.documentsColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry, i) => {
            const rows = span(i);
            const count = props.documentCounts.get(entry.key) ?? 0;
            return (
              <tr>
                <td class="nowrap">{i + 1}</td>
                {rows > 0 ? <td rowspan={rows > 1 ? rows : undefined}>{entry.itemL1}</td> : null}
                <td>{entry.itemL2}</td>
                <td>
                  <Lines text={formatElements(entry.contentElements)} />
                </td>
                <td>
                  <Lines text={formatLegalBasis(entry.legalBasis)} />
                </td>
                <td>{formatTimeLimit(entry.timeLimit)}</td>
                <td>{entry.publisher}</td>
                <td>{formatChannels(entry.channels, entry.otherChannels)}</td>
                <td>{formatAudience(entry.audience)}</td>
                <td>{formatMode(entry.mode)}</td>
                <td>{formatLevels(entry.levels)}</td>
                <td class="nowrap">
                  <a href={props.entryHref(entry)}>
                    {TEXT.documentCount(count)}
                    <span class="visually-hidden">{TEXT.entryLinkHint(entryLabel(entry))}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** 不予公开事项清单, with the law that keeps each item closed. */
function NegativeList(props: { items: NegativeItem[] }) {
  return (
    <section class="panel">
      <h2 id="negative-list">{TEXT.negativeHeading}</h2>
      <p>{TEXT.negativeIntro}</p>
      <ScrollBox labelId="negative-list-caption">
        <table class="catalog-table narrow-table">
          <caption id="negative-list-caption" class="visually-hidden">
            {TEXT.negativeHeading}
          </caption>
          <thead>
            <tr>
              <th scope="col">{TEXT.serial}</th>
              <th scope="col">{TEXT.negativeItem}</th>
              <th scope="col">{ELEMENT_LABELS.legalBasis}</th>
              <th scope="col">{TEXT.negativeNote}</th>
            </tr>
          </thead>
          <tbody>
            {[...props.items]
              .sort((a, b) => a.position - b.position)
              .map((item, i) => (
                <tr>
                  <td class="nowrap">{i + 1}</td>
                  <td>{item.item}</td>
                  <td>
                    <Lines text={formatLegalBasis(item.legalBasis)} />
                  </td>
                  <td>{item.note ?? ''}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

/** What this version added, removed and changed against the version before, element by element. */
function ChangesSection(props: {
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

/** Every published version of the unit's catalog, newest first, the one shown marked. */
function VersionHistory(props: { org: Org; versions: CatalogVersion[]; shown: CatalogVersion }) {
  return (
    <section class="panel">
      <h2 id="history">{TEXT.historyHeading}</h2>
      <ul>
        {props.versions.map((v) => (
          <li>
            {v.id === props.shown.id ? (
              <span aria-current="page">
                <strong>{TEXT.versionLabel(v.number)}</strong>
                {TEXT.viewing}
              </span>
            ) : (
              <a href={catalogPath(props.org.code, linkVersion(v))}>{TEXT.versionLabel(v.number)}</a>
            )}
            <span class="muted">
              {'　'}
              {TEXT.publishedOn}：{publishedOn(v.publishedAt)}
              {'　'}
              {v.state === 'published' ? TEXT.inForce : TEXT.supersededOn(publishedOn(v.supersededAt))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One entry: its elements as a definition table and the information filed under it. */
export function CatalogEntryPage(props: {
  view: PublicCatalog;
  entry: CatalogEntry;
  documents: Paged<EditionListItem>;
  page: number;
  pageSize: number;
  pageHref: (page: number) => string;
}) {
  const { org, version, localFields } = props.view;
  const { entry, documents } = props;
  const linked = linkVersion(version);
  return (
    <>
      <section class="panel">
        <h1>{entryLabel(entry)}</h1>
        <p class="muted">
          <a href={catalogPath(org.code, linked)}>{TEXT.catalogTitle(org.name)}</a>
          {'　'}
          {TEXT.versionLabel(version.number)}
          {version.state === 'superseded' ? TEXT.supersededTag : ''}
        </p>
        <table class="meta-table entry-elements">
          <caption class="visually-hidden">{TEXT.entryElementsCaption}</caption>
          <tbody>
            <MetaRow label={ELEMENT_LABELS.fieldCode}>
              {fieldName(entry.fieldCode, localFields) ?? entry.fieldCode}
            </MetaRow>
            <MetaRow label={ELEMENT_LABELS.itemL1}>{entry.itemL1}</MetaRow>
            <MetaRow label={ELEMENT_LABELS.itemL2}>{entry.itemL2 || '—'}</MetaRow>
            <MetaRow label={ELEMENT_LABELS.contentElements}>
              <Lines text={formatElements(entry.contentElements)} />
            </MetaRow>
            <MetaRow label={ELEMENT_LABELS.legalBasis}>
              {entry.legalBasis.length > 0 ? <Lines text={formatLegalBasis(entry.legalBasis)} /> : '—'}
            </MetaRow>
            <MetaRow label={ELEMENT_LABELS.timeLimit}>{formatTimeLimit(entry.timeLimit)}</MetaRow>
            <MetaRow label={ELEMENT_LABELS.publisher}>{entry.publisher}</MetaRow>
            <MetaRow label={ELEMENT_LABELS.channels}>{formatChannels(entry.channels, entry.otherChannels)}</MetaRow>
            <MetaRow label={ELEMENT_LABELS.audience}>{formatAudience(entry.audience)}</MetaRow>
            <MetaRow label={ELEMENT_LABELS.mode}>{formatMode(entry.mode)}</MetaRow>
            <MetaRow label={ELEMENT_LABELS.levels}>{formatLevels(entry.levels)}</MetaRow>
            {entry.fiveOpen.length > 0 ? (
              <MetaRow label={ELEMENT_LABELS.fiveOpen}>{formatFiveOpen(entry.fiveOpen)}</MetaRow>
            ) : null}
            {entry.retention ? <MetaRow label={ELEMENT_LABELS.retention}>{entry.retention}</MetaRow> : null}
          </tbody>
        </table>
      </section>
      <section class="panel">
        <h2>
          {TEXT.entryDocumentsHeading}（{TEXT.documentCount(documents.total)}）
        </h2>
        <DocumentTable
          items={documents.items}
          showOrg={documents.items.some((item) => item.org.id !== org.id)}
          caption={`${TEXT.entryDocumentsHeading}：${entryLabel(entry)}`}
        />
        <Pagination page={props.page} pageSize={props.pageSize} total={documents.total} href={props.pageHref} />
      </section>
    </>
  );
}
