import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { parseInput } from '../../../platform/validation.ts';
import { requireGlobalPermission } from '../../access/index.ts';
import { saveSynonyms } from '../commands/save-synonyms.ts';
import { formatSynonymGroups } from '../domain/synonyms.ts';
import { SEARCH_TEXT } from '../strings.ts';
import { AdminSynonymsPage, MAX_SYNONYM_TEXT } from '../views/admin-synonyms.tsx';
import type { SearchAdminDeps } from './deps.ts';

const SynonymsForm = z.object({
  groups: z.string().max(MAX_SYNONYM_TEXT, SEARCH_TEXT.synonymsTooLong).default(''),
});

/** The search synonyms in the back office (district-wide settings: `calendar.manage`). */
export function registerSearchAdminRoutes(app: FastifyInstance, deps: SearchAdminDeps): void {
  app.get('/admin/search/synonyms', async (request, reply) => {
    requireGlobalPermission(request.actor, 'calendar.manage');
    const groups = await deps.stores.synonyms.list();
    return render(request, reply, formatSynonymGroups(groups), groups.length, []);
  });

  app.post('/admin/search/synonyms', async (request, reply) => {
    requireGlobalPermission(request.actor, 'calendar.manage');
    const raw = formFields(request);
    let text = typeof raw.groups === 'string' ? raw.groups : '';
    try {
      text = parseInput(SynonymsForm, { groups: raw.groups }).groups;
      await saveSynonyms({ uow: deps.uow, clock: deps.clock, actor: request.actor, text });
      setFlash(reply, { kind: 'success', text: SEARCH_TEXT.synonymsSaved });
      return seeOther(reply, '/admin/search/synonyms');
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      const groups = await deps.stores.synonyms.list();
      return render(request, reply, text.slice(0, MAX_SYNONYM_TEXT), groups.length, error.fields, 400);
    }
  });

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    text: string,
    groups: number,
    issues: FieldIssue[],
    status = 200,
  ) {
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: SEARCH_TEXT.synonymsTitle,
        active: 'search-synonyms',
        body: <AdminSynonymsPage csrfToken={request.csrfToken} text={text} groups={groups} issues={issues} />,
      },
      status,
    );
  }
}
