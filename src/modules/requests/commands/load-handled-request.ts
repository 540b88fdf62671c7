import { DomainError } from '../../../platform/errors.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { FoiRequest } from '../domain/request.ts';
import type { RequestStore } from '../ports.ts';

/**
 * A request and its receiving unit, for a use case of that unit's officers (permission
 * `request.handle` over the unit's path). Outside their reach the request does not exist, as for
 * reads (access is a filter).
 * @throws DomainError `not_found`.
 */
export async function loadHandledRequest(
  stores: { requests: RequestStore; orgs: OrgStore },
  actor: Actor,
  requestId: string,
): Promise<{ request: FoiRequest; agency: Org }> {
  const request = await stores.requests.getById(requestId);
  const agency = request && (await stores.orgs.getById(request.orgId));
  if (!request || !agency || !scopeIncludes(scopeFor(actor, 'request.handle'), agency.path)) {
    throw new DomainError('not_found');
  }
  return { request, agency };
}
