import { DomainError } from '../../../platform/errors.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { can, scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { DocumentStore, EntryChoiceGroup } from '../../documents/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { CatalogEntry, LocalField, NegativeItem } from '../domain/entry.ts';
import { diffCatalogs, type CatalogDiff, type CatalogVersion } from '../domain/version.ts';
import type { CatalogStore } from '../ports.ts';

type Stores = { catalogs: CatalogStore; orgs: OrgStore };

/** A unit's catalog as staff work on it: the version in progress beside the published one. */
export type CatalogWorkspace = {
  org: Org;
  versions: CatalogVersion[];
  /** The version being drafted or reviewed, if any. */
  working: CatalogVersion | undefined;
  workingEntries: CatalogEntry[];
  workingNegative: NegativeItem[];
  published: CatalogVersion | undefined;
  publishedEntries: CatalogEntry[];
  /** What the working version changes against the published one. */
  diff: CatalogDiff | undefined;
  localFields: LocalField[];
  canEdit: boolean;
  canApprove: boolean;
};

/**
 * A unit's catalog for staff who can see the unit (its own staff and the district office).
 * @throws DomainError `not_found` for units outside the reader's subtrees.
 */
export async function getCatalogWorkspace(options: {
  stores: Stores;
  actor: Actor;
  orgId: string;
}): Promise<CatalogWorkspace> {
  const { catalogs, orgs } = options.stores;
  const org = await orgs.getById(options.orgId);
  if (!org || !scopeIncludes(scopeFor(options.actor, 'document.read'), org.path)) throw new DomainError('not_found');
  const versions = await catalogs.versionsOf(org.id);
  const working = versions.find((v) => v.state === 'draft' || v.state === 'submitted' || v.state === 'returned');
  const published = versions.find((v) => v.state === 'published');
  const workingEntries = working ? await catalogs.entriesOf(working.id) : [];
  const publishedEntries = published ? await catalogs.entriesOf(published.id) : [];
  return {
    org,
    versions,
    working,
    workingEntries,
    workingNegative: working ? await catalogs.negativeItemsOf(working.id) : [],
    published,
    publishedEntries,
    diff: working ? diffCatalogs(publishedEntries, workingEntries) : undefined,
    localFields: await catalogs.localFields(),
    canEdit: can(options.actor, 'catalog.edit', org.path),
    canApprove: can(options.actor, 'catalog.approve', org.path),
  };
}

/** A unit's published catalog as the public sees it, with what changed since the version before. */
export type PublicCatalog = {
  org: Org;
  version: CatalogVersion;
  entries: CatalogEntry[];
  negative: NegativeItem[];
  documentCounts: Map<string, number>;
  previous: CatalogVersion | undefined;
  diff: CatalogDiff | undefined;
  localFields: LocalField[];
};

/**
 * The published catalog of the unit with this code; a version number shows an earlier published
 * version (and its difference from the one before it).
 * @throws DomainError `not_found` when the unit has no published catalog (or no such version).
 */
export async function getPublicCatalog(options: {
  stores: Stores & { documents: DocumentStore };
  orgCode: string;
  versionNumber?: number | undefined;
}): Promise<PublicCatalog> {
  const { catalogs, orgs, documents } = options.stores;
  const org = await orgs.getByCode(options.orgCode);
  if (!org) throw new DomainError('not_found');
  const published = (await catalogs.versionsOf(org.id)).filter(
    (v) => v.state === 'published' || v.state === 'superseded',
  );
  const version =
    options.versionNumber === undefined
      ? published.find((v) => v.state === 'published')
      : published.find((v) => v.number === options.versionNumber);
  if (!version) throw new DomainError('not_found', { message: CATALOG_TEXT.noPublishedCatalog });
  const previous = published.find((v) => v.number < version.number);
  const entries = await catalogs.entriesOf(version.id);
  return {
    org,
    version,
    entries,
    negative: await catalogs.negativeItemsOf(version.id),
    documentCounts: await documents.countPublishedByCatalogEntry(entries.map((e) => e.key)),
    previous,
    diff: previous ? diffCatalogs(await catalogs.entriesOf(previous.id), entries) : undefined,
    localFields: await catalogs.localFields(),
  };
}

/** Which units have published catalogs, and for which fields (the district overview). */
export async function getCatalogOverview(options: { stores: Stores }): Promise<{
  orgs: Org[];
  published: Map<string, { number: number; publishedAt: string; fieldCodes: string[]; entries: number }>;
  localFields: LocalField[];
}> {
  const summaries = await options.stores.catalogs.publishedCatalogs();
  return {
    orgs: await options.stores.orgs.listAll(),
    published: new Map(summaries.map((s) => [s.orgId, s])),
    localFields: await options.stores.catalogs.localFields(),
  };
}

/** Entries a document of these units may be filed under, grouped by the catalog they come from. */

/**
 * The published entries of the given units' catalogs and of the units above them (a village files
 * under its town's catalog), for the document form's 目录事项 list.
 */
export async function publishedEntryChoices(options: {
  stores: Stores;
  orgIds: string[];
}): Promise<EntryChoiceGroup[]> {
  const { catalogs, orgs } = options.stores;
  const ids = new Set<string>();
  for (const id of options.orgIds) {
    const org = await orgs.getById(id);
    for (const ancestor of org?.path.split('/').filter(Boolean) ?? []) ids.add(ancestor);
  }
  const groups: EntryChoiceGroup[] = [];
  for (const id of ids) {
    const published = (await catalogs.versionsOf(id)).find((v) => v.state === 'published');
    const org = published && (await orgs.getById(id));
    if (!published || !org) continue;
    const entries = await catalogs.entriesOf(published.id);
    groups.push({
      orgName: org.name,
      entries: entries.map((e) => ({
        key: e.key,
        label: `${e.fieldCode} ${e.itemL1}${e.itemL2 ? ` / ${e.itemL2}` : ''}`,
      })),
    });
  }
  return groups;
}
