import { z } from 'zod';
import type { OrgsWebDeps } from './deps.ts';
import { DomainError } from '../../../platform/errors.ts';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { listOrgs } from '../queries/org-tree.ts';
import { OrgView, presentOrg } from './present.ts';

/** Organisations are public: the whole tree, and one unit by code. */
export function orgApiRoutes(ctx: OrgsWebDeps): ApiRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/orgs',
      summary: '全部单位（按树的先序排列）',
      tag: 'public',
      auth: 'public',
      response: z.object({ items: z.array(OrgView), total: z.number() }),
      handler: async () => {
        const orgs = await listOrgs(ctx.stores);
        return { items: orgs.map(presentOrg), total: orgs.length };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/orgs/{code}',
      summary: '一个单位',
      tag: 'public',
      auth: 'public',
      params: z.object({ code: z.string().max(32) }),
      response: OrgView,
      handler: async ({ params }) => {
        const org = await ctx.stores.orgs.getByCode(params.code);
        if (!org) throw new DomainError('not_found');
        return presentOrg(org);
      },
    }),
  ];
}
