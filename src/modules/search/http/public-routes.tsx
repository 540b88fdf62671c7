import type { FastifyInstance } from 'fastify';
import { isDomainError } from '../../../platform/errors.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import { searchPublic, type SearchOutcome } from '../queries/search-public.ts';
import { SearchPage } from '../views/search-page.tsx';
import { searchDeps, type SearchWebDeps } from './deps.ts';
import { registerSearchExportRoutes } from './export-routes.ts';
import { presentFacets } from './present.ts';
import { SearchQuery } from './schemas.ts';

/**
 * The public search page (条例 Art. 23: disclosed information is made easy to find). A search that
 * cannot be run — too short, only punctuation, too long, a bad filter — is answered on the page
 * with the form and the reason, status 400.
 */
export function registerSearchPublicRoutes(app: FastifyInstance, deps: SearchWebDeps): void {
  registerSearchExportRoutes(app, deps);
  app.get('/search', async (request, reply) => {
    const parsed = SearchQuery.safeParse(request.query);
    const query: SearchQuery = parsed.success
      ? parsed.data
      : {
          q: '',
          org: undefined,
          genre: undefined,
          validity: undefined,
          topic: undefined,
          kind: undefined,
          from: undefined,
          to: undefined,
          sort: 'relevance',
          page: 1,
          pageSize: 20,
        };
    let problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    let outcome: SearchOutcome | undefined;
    if (parsed.success && query.q.trim() !== '') {
      try {
        outcome = await searchPublic(searchDeps(deps), query);
      } catch (error) {
        if (!isDomainError(error, 'validation_failed')) throw error;
        problems = error.fields.map((f) => f.message);
      }
    }
    const orgs = await deps.stores.orgs.listAll();
    return sendPublicPage(
      deps,
      request,
      reply,
      {
        title: query.q ? `检索：${query.q.slice(0, 30)}` : '站内检索',
        crumbs: [{ label: '站内检索' }],
        body: (
          <SearchPage
            query={query}
            orgs={orgs}
            vocabulary={deps.searchVocabulary}
            facets={outcome ? presentFacets(outcome.facets, orgs) : null}
            outcome={outcome}
            problems={problems}
          />
        ),
      },
      problems.length > 0 ? 400 : 200,
    );
  });
}
