import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chinaYear, type Clock } from '../../../platform/clock.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, fieldList, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage, sendPublicPage, type PageShell } from '../../../platform/web/page-shell.tsx';
import { can, canAnywhere, type Actor } from '../../access/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { saveDecision, type DecisionStores } from '../commands/save-decision.ts';
import type { DecisionInput, MajorDecision } from '../domain/decision.ts';
import { DECISION_TEXT } from '../domain/decision-strings.ts';
import { decisionDirectory } from '../queries/decision-views.ts';
import { publicMeetingsOf } from '../queries/meeting-views.ts';
import type { MeetingStore } from '../ports.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import {
  ADMIN_DECISIONS_PATH,
  DecisionDirectoryPage,
  DecisionForm,
  DecisionTable,
  DECISIONS_PATH,
  YearLinks,
} from '../views/decision-pages.tsx';
import { COLUMN_PATH } from '../views/paths.ts';
import { MessageIdParams } from './schemas.ts';

/** What the directory's pages need, built by the composition root. */
export type DecisionWebDeps = {
  stores: DecisionStores & { meetings: MeetingStore };
  uow: UnitOfWork<DecisionStores>;
  clock: Clock;
  shell: PageShell;
};

/** The directory's year in a query (`?year=2026`), shared with the open API. */
export const YearQuery = z.object({
  year: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: DECISION_TEXT.badYear })
      .int(DECISION_TEXT.badYear)
      .min(2000, DECISION_TEXT.badYear)
      .max(2100, DECISION_TEXT.badYear)
      .optional(),
  ),
});
/** A decision's id in a path: an id as the product makes them. */
const DecisionIdParams = MessageIdParams;

/** The public directory (cached with the public pages): `/hdjl/zdjc/?year=2026`. */
export function registerDecisionPublicRoutes(app: FastifyInstance, deps: DecisionWebDeps): void {
  app.get(DECISIONS_PATH, async (request, reply) => {
    const { year } = parseInput(YearQuery, request.query);
    const directory = await decisionDirectory(deps.stores, { year, now: deps.clock.now(), actor: null });
    return sendPublicPage(deps, request, reply, {
      title: `${directory.year}年度${DECISION_TEXT.title}`,
      active: 'hdjl',
      crumbs: [
        { label: '首页', href: '/' },
        { label: CONSULTATION_TEXT.columnTitle, href: COLUMN_PATH },
        { label: DECISION_TEXT.title },
      ],
      body: (
        <DecisionDirectoryPage
          directory={directory}
          meetings={await publicMeetingsOf(
            deps.stores,
            directory.rows.map((d) => d.id),
          )}
        />
      ),
    });
  });
}

function valuesOf(fields: Record<string, string | string[]>): DecisionInput {
  return {
    orgId: field(fields, 'orgId').slice(0, 40),
    year: field(fields, 'year').slice(0, 10),
    title: field(fields, 'title').slice(0, 2000),
    summary: field(fields, 'summary').slice(0, 20_000),
    basis: field(fields, 'basis').slice(0, 20_000),
    methods: fieldList(fields, 'methods')
      .slice(0, 20)
      .map((m) => m.slice(0, 40)),
    status: field(fields, 'status').slice(0, 40),
    plannedTime: field(fields, 'plannedTime').slice(0, 500),
    consultationId: field(fields, 'consultationId').slice(0, 40),
    decidedOn: field(fields, 'decidedOn').slice(0, 40),
    resultLink: field(fields, 'resultLink').slice(0, 2000),
    withdrawnReason: field(fields, 'withdrawnReason').slice(0, 20_000),
  };
}

function inputOf(d: MajorDecision): DecisionInput {
  return {
    orgId: d.orgId,
    year: String(d.year),
    title: d.title,
    summary: d.summary,
    basis: d.basis,
    methods: d.methods,
    status: d.status,
    plannedTime: d.plannedTime,
    consultationId: d.consultationId ?? '',
    decidedOn: d.decidedOn ?? '',
    resultLink: d.resultLink,
    withdrawnReason: d.withdrawnReason,
  };
}

/** The back office's directory: the year's items of the reader's units, and the item form. */
export function registerDecisionAdminRoutes(app: FastifyInstance, deps: DecisionWebDeps): void {
  const ACTIVE = 'participation-decisions';
  const allowed = (actor: Actor) => {
    if (!canAnywhere(actor, 'interaction.handle')) throw new DomainError('forbidden');
  };
  const choices = async (actor: Actor) => {
    const orgs = (await listOrgs(deps.stores)).filter((org) => can(actor, 'interaction.handle', org.path));
    const ids = new Set(orgs.map((o) => o.id));
    const { items } = await deps.stores.consultations.list({
      orgIds: [...ids],
      publicOnly: false,
      limit: 200,
      offset: 0,
    });
    return {
      orgs: orgs.map((org) => ({ value: org.id, label: org.name })),
      consultations: items.map((c) => ({ value: c.id, label: `${c.title}（${c.orgName}）` })),
    };
  };
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    decisionId: string | null,
    values: DecisionInput,
    issues: FieldIssue[],
    status = 200,
  ) => {
    const { orgs, consultations } = await choices(request.actor);
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: DECISION_TEXT.title,
        active: ACTIVE,
        body: (
          <DecisionForm
            decisionId={decisionId}
            values={values}
            issues={issues}
            orgChoices={orgs}
            consultationChoices={consultations}
            csrfToken={request.csrfToken}
          />
        ),
      },
      status,
    );
  };
  const submit = async (request: FastifyRequest, reply: FastifyReply, decisionId: string | null) => {
    const values = valuesOf(formFields(request));
    try {
      const saved = await saveDecision({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        decisionId,
        input: values,
      });
      setFlash(reply, { kind: 'success', text: DECISION_TEXT.saved });
      return seeOther(reply, `${ADMIN_DECISIONS_PATH}?year=${saved.year}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return showForm(request, reply, decisionId, values, error.fields, error.status);
    }
  };

  app.get(ADMIN_DECISIONS_PATH, async (request, reply) => {
    allowed(request.actor);
    const { year } = parseInput(YearQuery, request.query);
    const directory = await decisionDirectory(deps.stores, { year, now: deps.clock.now(), actor: request.actor });
    return sendAdminPage(deps, request, reply, {
      title: DECISION_TEXT.title,
      active: ACTIVE,
      body: (
        <section>
          <h1>
            {directory.year}年度{DECISION_TEXT.title}
          </h1>
          <p>
            <a class="button button-primary" href={`${ADMIN_DECISIONS_PATH}/new`}>
              列入新事项
            </a>
          </p>
          <YearLinks directory={directory} base={ADMIN_DECISIONS_PATH} />
          <DecisionTable directory={directory} editHref={(id) => `${ADMIN_DECISIONS_PATH}/${id}/edit`} />
        </section>
      ),
    });
  });
  app.get(`${ADMIN_DECISIONS_PATH}/new`, async (request, reply) => {
    allowed(request.actor);
    const { orgs } = await choices(request.actor);
    const year = String(chinaYear(deps.clock.now()));
    return showForm(
      request,
      reply,
      null,
      {
        orgId: orgs[0]?.value ?? '',
        year,
        title: '',
        summary: '',
        basis: '',
        methods: ['consultation'],
        status: 'planned',
        plannedTime: '',
        consultationId: '',
        decidedOn: '',
        resultLink: '',
        withdrawnReason: '',
      },
      [],
    );
  });
  app.post(ADMIN_DECISIONS_PATH, async (request, reply) => {
    allowed(request.actor);
    return submit(request, reply, null);
  });
  const load = async (request: FastifyRequest) => {
    const { id } = parseInput(DecisionIdParams, request.params);
    const decision = await deps.stores.decisions.get(id);
    const org = decision ? await deps.stores.orgs.getById(decision.orgId) : undefined;
    if (!decision || !org || !can(request.actor, 'interaction.handle', org.path)) throw new DomainError('not_found');
    return decision;
  };
  app.get(`${ADMIN_DECISIONS_PATH}/:id/edit`, async (request, reply) => {
    const decision = await load(request);
    return showForm(request, reply, decision.id, inputOf(decision), []);
  });
  app.post(`${ADMIN_DECISIONS_PATH}/:id`, async (request, reply) => {
    const decision = await load(request);
    return submit(request, reply, decision.id);
  });
}
