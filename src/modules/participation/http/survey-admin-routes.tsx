import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDateTime } from '../../../platform/clock.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { can, canAnywhere, type Actor } from '../../access/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { closeSurvey } from '../commands/close-survey.ts';
import { publishSurvey } from '../commands/publish-survey.ts';
import { saveSurvey } from '../commands/save-survey.ts';
import { DEFAULT_ANSWERS_PER_ADDRESS_PER_DAY, requireSurveyAction, SURVEY_LIMITS } from '../domain/survey.ts';
import { BLANK_QUESTION, surveyInputOf, type QuestionInput, type SurveyInput } from '../domain/survey-form.ts';
import { staffSurveys, surveyView, SURVEY_PAGE_SIZE } from '../queries/survey-views.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { AdminSurvey } from '../views/admin-survey.tsx';
import { AdminSurveyForm } from '../views/admin-survey-form.tsx';
import { AdminSurveyList } from '../views/admin-survey-list.tsx';
import { adminSurveyPath, ADMIN_SURVEYS_PATH } from '../views/survey-paths.ts';
import type { SurveyWebDeps } from './deps.ts';
import { SurveyIdParams, SurveyPageQuery } from './survey-schemas.ts';
import { formActions } from './form-action.ts';

const A = SURVEY_PAGE_TEXT.admin;
const ACTIVE = 'surveys';
/** Form errors shown on the form they came from. */
const FORM_ERRORS = new Set(['validation_failed', 'invalid_transition']);
/** Blank blocks offered for adding questions. */
const BLANK_BLOCKS = 3;
/** Question blocks read from one post at most: every question a survey may have, and the blank ones. */
const MAX_BLOCKS = SURVEY_LIMITS.questions + 2 * BLANK_BLOCKS;
const BLOCK_FIELD = /^questions\.(\d{1,3})\.[A-Za-z]+$/;

/** The survey form as posted: the question blocks in the order of their numbers, each field as typed. */
function surveyInputFrom(fields: Record<string, string | string[]>): SurveyInput {
  const numbers = new Set<number>();
  for (const name of Object.keys(fields)) {
    const match = BLOCK_FIELD.exec(name);
    if (match) numbers.add(Number(match[1]));
  }
  const questions = [...numbers]
    .sort((a, b) => a - b)
    .slice(0, MAX_BLOCKS)
    .map((n): QuestionInput => {
      const get = (name: string) => field(fields, `questions.${n}.${name}`);
      return {
        id: get('id'),
        kind: get('kind'),
        title: get('title'),
        required: get('required') !== '',
        remove: get('remove') !== '',
        options: get('options'),
        minSelections: get('minSelections'),
        maxSelections: get('maxSelections'),
        maxLength: get('maxLength'),
        from: get('from'),
        to: get('to'),
        fromLabel: get('fromLabel'),
        toLabel: get('toLabel'),
      };
    });
  return {
    orgId: field(fields, 'orgId'),
    title: field(fields, 'title'),
    description: field(fields, 'description'),
    opensAt: field(fields, 'opensAt'),
    closesAt: field(fields, 'closesAt'),
    perAddressPerDay: field(fields, 'limit.perAddressPerDay'),
    limitKind: field(fields, 'limit.kind'),
    questions,
  };
}

function withBlankBlocks(input: SurveyInput): SurveyInput {
  return { ...input, questions: [...input.questions, ...Array.from({ length: BLANK_BLOCKS }, () => BLANK_QUESTION)] };
}

/**
 * The back office's 网络调查 pages: the list, the survey form (new, or edit until it opens), and a
 * survey's page whose forms publish it or end it early. Each form posts to its own route and comes
 * back to the page.
 */
export function registerSurveyAdminRoutes(app: FastifyInstance, deps: SurveyWebDeps): void {
  const orgChoices = async (actor: Actor) => {
    const orgs = (await listOrgs(deps.stores)).filter((org) => can(actor, 'interaction.handle', org.path));
    if (orgs.length === 0) throw new DomainError('forbidden');
    return orgs.map((org) => ({ value: org.id, label: org.name }));
  };

  app.get(ADMIN_SURVEYS_PATH, async (request, reply) => {
    if (!canAnywhere(request.actor, 'interaction.handle')) throw new DomainError('forbidden');
    const { page } = parseInput(SurveyPageQuery, request.query);
    const { items, total } = await staffSurveys(deps.stores, { actor: request.actor, now: deps.clock.now(), page });
    return sendAdminPage(deps, request, reply, {
      title: A.list,
      active: ACTIVE,
      body: <AdminSurveyList items={items} page={page} pageSize={SURVEY_PAGE_SIZE} total={total} />,
    });
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    surveyId: string | null,
    values: SurveyInput,
    issues: FieldIssue[],
    status = 200,
  ) =>
    sendAdminPage(
      deps,
      request,
      reply,
      {
        title: surveyId === null ? A.create : A.edit,
        active: ACTIVE,
        body: (
          <AdminSurveyForm
            surveyId={surveyId}
            values={values}
            issues={issues}
            orgChoices={await orgChoices(request.actor)}
            csrfToken={request.csrfToken}
          />
        ),
      },
      status,
    );

  const submit = async (request: FastifyRequest, reply: FastifyReply, surveyId: string | null) => {
    const input = surveyInputFrom(formFields(request));
    try {
      const saved = await saveSurvey({ uow: deps.uow, clock: deps.clock, actor: request.actor, surveyId, input });
      setFlash(reply, { kind: 'success', text: A.saved });
      return seeOther(reply, adminSurveyPath(saved.id));
    } catch (error) {
      if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
      const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
      return renderForm(request, reply, surveyId, input, issues, error.status);
    }
  };

  app.get(`${ADMIN_SURVEYS_PATH}/new`, async (request, reply) => {
    const choices = await orgChoices(request.actor);
    const now = deps.clock.now();
    const local = (at: Date) => chinaDateTime(at).replace(' ', 'T');
    return renderForm(
      request,
      reply,
      null,
      withBlankBlocks({
        orgId: choices[0]?.value ?? '',
        title: '',
        description: '',
        opensAt: local(now),
        closesAt: local(new Date(now.getTime() + 30 * 86_400_000)),
        perAddressPerDay: String(DEFAULT_ANSWERS_PER_ADDRESS_PER_DAY),
        questions: [],
      }),
      [],
    );
  });
  app.post(ADMIN_SURVEYS_PATH, async (request, reply) => submit(request, reply, null));

  const viewFor = async (request: FastifyRequest) => {
    const { id } = parseInput(SurveyIdParams, request.params);
    return surveyView(deps.stores, { surveyId: id, actor: request.actor, now: deps.clock.now() });
  };
  const showSurvey = async (request: FastifyRequest, reply: FastifyReply, issues: FieldIssue[] = [], status = 200) => {
    const view = await viewFor(request);
    const answers = await deps.stores.surveys.countAnswers(view.survey.id);
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: view.survey.title,
        active: ACTIVE,
        body: <AdminSurvey view={view} answers={answers} csrfToken={request.csrfToken} issues={issues} />,
      },
      status,
    );
  };

  app.get(`${ADMIN_SURVEYS_PATH}/:id`, async (request, reply) => showSurvey(request, reply));
  app.get(`${ADMIN_SURVEYS_PATH}/:id/edit`, async (request, reply) => {
    const view = await viewFor(request);
    // Once open, the questions are fixed: answers already given answer them.
    requireSurveyAction(view.survey, deps.clock.now(), 'edit');
    return renderForm(request, reply, view.survey.id, withBlankBlocks(surveyInputOf(view.survey)), []);
  });
  app.post(`${ADMIN_SURVEYS_PATH}/:id`, async (request, reply) => {
    const { id } = parseInput(SurveyIdParams, request.params);
    return submit(request, reply, id);
  });

  /** Runs one button's use case; on a form error, the survey's page again with the reason. */
  const act = formActions({
    idOf: (request) => parseInput(SurveyIdParams, request.params).id,
    pathOf: adminSurveyPath,
    show: (request, reply, form, status) => showSurvey(request, reply, form.issues, status),
  });
  const run = (command: typeof publishSurvey) => (request: FastifyRequest, id: string) =>
    command({ uow: deps.uow, clock: deps.clock, actor: request.actor, surveyId: id });
  app.post(`${ADMIN_SURVEYS_PATH}/:id/publish`, act(A.published, run(publishSurvey)));
  app.post(`${ADMIN_SURVEYS_PATH}/:id/close`, act(A.closed, run(closeSurvey)));
}
