/** The directory of government services on the public site. */
export const DIRECTORY_PATH = '/bsfw/';

/** A published guide's page. */
export const guidePath = (documentId: string) => `/bsfw/zn/${documentId}`;

/** A published bundle's page. */
export const bundlePath = (documentId: string) => `/bsfw/yjs/${documentId}`;

/** The directory narrowed by these filters (empty ones left out), at a page. */
export function directoryHref(filter: { audience?: string; org?: string; event?: string }, page = 1): string {
  const query = new URLSearchParams({
    ...(filter.audience ? { audience: filter.audience } : {}),
    ...(filter.org ? { org: filter.org } : {}),
    ...(filter.event ? { event: filter.event } : {}),
    ...(page > 1 ? { page: String(page) } : {}),
  }).toString();
  return query ? `${DIRECTORY_PATH}?${query}` : DIRECTORY_PATH;
}
