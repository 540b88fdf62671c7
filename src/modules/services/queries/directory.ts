import { DomainError } from '../../../platform/errors.ts';
import { listOrgs, type Org, type OrgStore } from '../../orgs/index.ts';
import type { ServiceBundle } from '../domain/bundle.ts';
import type { ServiceGuide } from '../domain/guide.ts';
import { mergeMaterials, type MergedMaterial } from '../domain/merge-materials.ts';
import type { Audience, LifeEvent } from '../domain/vocabulary.ts';
import type { Published, ServiceStore } from '../ports.ts';
import { SERVICE_TEXT } from '../strings.ts';

type ReadStores = { orgs: OrgStore; services: ServiceStore };

/** The bundles a directory page shows at most: a district has a handful of 一件事. */
export const MAX_DIRECTORY_BUNDLES = 50;

export type DirectoryPage = {
  orgs: Org[];
  unit: Org | undefined;
  guides: (Published<ServiceGuide> & { orgName: string })[];
  total: number;
  bundles: (Published<ServiceBundle> & { orgName: string })[];
  bundleTotal: number;
};

/**
 * Published guides and bundles for the public directory (办事服务) and the open API: by audience
 * (个人/法人), by unit (with the units under it, by its code) and by life event; guides in pages.
 * @throws DomainError `not_found` for a unit code no unit has.
 */
export async function serviceDirectory(
  stores: ReadStores,
  query: { audience?: Audience | undefined; org?: string | undefined; event?: LifeEvent | undefined },
  page: { offset: number; limit: number },
  bundlePage: { offset: number; limit: number } = { offset: 0, limit: MAX_DIRECTORY_BUNDLES },
): Promise<DirectoryPage> {
  const orgs = await listOrgs(stores);
  const unit = query.org ? orgs.find((org) => org.code === query.org) : undefined;
  if (query.org && !unit) throw new DomainError('not_found', { message: SERVICE_TEXT.directory.unknownOrg });
  const orgIds = unit ? orgs.filter((org) => org.path.startsWith(unit.path)).map((org) => org.id) : null;
  const filter = { orgIds, audience: query.audience, event: query.event };
  const names = new Map(orgs.map((org) => [org.id, org.name]));
  const named = <T extends { orgId: string }>(item: T) => ({ ...item, orgName: names.get(item.orgId) ?? '' });
  const guides = await stores.services.publishedGuides({ ...filter, ...page });
  const bundles = await stores.services.publishedBundles({ ...filter, ...bundlePage });
  return {
    orgs,
    unit,
    guides: guides.items.map(named),
    total: guides.total,
    bundles: bundles.items.map(named),
    bundleTotal: bundles.total,
  };
}

/** A published guide with its unit's name. @throws DomainError `not_found`. */
export async function publishedGuideView(stores: ReadStores, documentId: string) {
  const guide = await stores.services.publishedGuide(documentId);
  if (!guide) throw new DomainError('not_found', { message: SERVICE_TEXT.guideNotFound });
  const org = await stores.orgs.getById(guide.orgId);
  return { ...guide, orgName: org?.name ?? '', orgCode: org?.code ?? '' };
}

export type BundleView = Published<ServiceBundle> & {
  orgName: string;
  /** The bundle's guides that are published now, in the bundle's order. */
  services: (Published<ServiceGuide> & { orgName: string })[];
  materials: MergedMaterial[];
};

/**
 * A published bundle with its services as they stand now (a guide withdrawn since is left out) and
 * the one materials list merged from them. @throws DomainError `not_found`.
 */
export async function publishedBundleView(stores: ReadStores, documentId: string): Promise<BundleView> {
  const bundle = await stores.services.publishedBundle(documentId);
  if (!bundle) throw new DomainError('not_found', { message: SERVICE_TEXT.bundleNotFound });
  const services = [];
  for (const id of bundle.record.guideDocumentIds) {
    const guide = await stores.services.publishedGuide(id);
    if (!guide) continue;
    const org = await stores.orgs.getById(guide.orgId);
    services.push({ ...guide, orgName: org?.name ?? '' });
  }
  const org = await stores.orgs.getById(bundle.orgId);
  return {
    ...bundle,
    orgName: org?.name ?? '',
    services,
    materials: mergeMaterials(
      services.map((s) => ({ documentId: s.documentId, name: s.title, materials: s.record.materials })),
    ),
  };
}
