import { MetaRow, Pagination } from '../../../platform/web/components.tsx';
import type { EditionListItem, Paged } from '../../documents/index.ts';
import { DocumentTable } from '../../documents/index.ts';
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
import { ELEMENT_LABELS, fieldName, type CatalogEntry } from '../domain/entry.ts';
import type { PublicCatalog } from '../queries/catalog-views.ts';
import { CATALOG_PUBLIC_TEXT as TEXT } from '../strings.ts';
import { catalogPath, linkVersion } from './catalog-links.ts';
import { entryLabel, Lines } from './public-catalog-parts.tsx';

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
