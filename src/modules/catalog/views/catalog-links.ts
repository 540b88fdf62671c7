import type { CatalogVersion } from '../domain/version.ts';

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
