import type { Org } from '../../orgs/index.ts';
import {
  formatAudience,
  formatChannels,
  formatElements,
  formatLegalBasis,
  formatLevels,
  formatMode,
  formatTimeLimit,
} from '../domain/cell-text.ts';
import { ELEMENT_LABELS, fieldName, type CatalogEntry, type NegativeItem } from '../domain/entry.ts';
import type { CatalogVersion } from '../domain/version.ts';
import type { PublicCatalog } from '../queries/catalog-views.ts';
import { CATALOG_PUBLIC_TEXT as TEXT } from '../strings.ts';
import { catalogEntryPath, catalogPath, catalogWorkbookPath, linkVersion } from './catalog-links.ts';
import { ChangesSection } from './public-catalog-changes.tsx';
import { entryLabel, Lines, publishedOn, ScrollBox } from './public-catalog-parts.tsx';

/** Entries grouped by field, in field order, each group in catalog order. */
function byField(entries: CatalogEntry[]): { code: string; entries: CatalogEntry[] }[] {
  const codes = [...new Set(entries.map((e) => e.fieldCode))].sort();
  return codes.map((code) => ({
    code,
    entries: entries.filter((e) => e.fieldCode === code).sort((a, b) => a.position - b.position),
  }));
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
