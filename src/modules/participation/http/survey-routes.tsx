import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDate } from '../../../platform/clock.ts';
import { isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { attachmentDisposition, safeFileName } from '../../../platform/http/download.ts';
import { formFields } from '../../../platform/http/forms.ts';
import { keepPageUntil } from '../../../platform/http/page-cache.ts';
import { newSecretToken } from '../../../platform/ids.ts';
import { openCsvTable, TABLE_MEDIA_TYPES, type TableFormat } from '../../../platform/table-file.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { submitSurveyAnswers } from '../commands/submit-survey-answers.ts';
import { SURVEY_LIMITS, type Survey } from '../domain/survey.ts';
import {
  chartOf,
  publicSurveys,
  surveyResults,
  surveyView,
  SURVEY_PAGE_SIZE,
  type SurveyView,
} from '../queries/survey-views.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { COLUMN_PATH } from '../views/paths.ts';
import { SurveyList } from '../views/survey-list.tsx';
import { SurveyPage, SurveyReceived, type AnswerValues } from '../views/survey-page.tsx';
import { surveyPath, SURVEYS_PATH } from '../views/survey-paths.ts';
import { SurveyResultsPage } from '../views/survey-results-page.tsx';
import type { SurveyWebDeps } from './deps.ts';
import { verifiedPersonOf } from './verification-cookie.ts';
import { SurveyIdParams, SurveyPageQuery } from './survey-schemas.ts';

const T = SURVEY_PAGE_TEXT;
const HOME: Crumb = { label: '首页', href: '/' };
const COLUMN: Crumb = { label: CONSULTATION_TEXT.columnTitle, href: COLUMN_PATH };
const LIST: Crumb = { label: T.listTitle, href: SURVEYS_PATH };

/** The long-lived random cookie that tells one device's answer sheet from another's (per-device limit). */
const DEVICE_COOKIE = 'gk_survey_device';
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;
const DEVICE_COOKIE_DAYS = 400;

/** A kept page showing these surveys is right until the next of their openings or closings. */
function keepUntilNextChange(
  reply: FastifyReply,
  now: Date,
  items: readonly Pick<Survey, 'state' | 'opensAt' | 'closesAt'>[],
) {
  for (const survey of items) {
    if (survey.state !== 'published') continue;
    for (const at of [Date.parse(survey.opensAt), Date.parse(survey.closesAt)]) {
      if (at > now.getTime()) keepPageUntil(reply, at);
    }
  }
}

/**
 * The surveys' public pages everybody sees alike (kept in the shared page cache until the content
 * changes, an answer arrives, or a survey opens or closes): the list, and a survey's results with
 * a chart drawn on the server and a table per question; the results as CSV and Excel files.
 */
export function registerSurveyPublicRoutes(app: FastifyInstance, deps: SurveyWebDeps): void {
  app.get(SURVEYS_PATH, async (request, reply) => {
    const { page } = parseInput(SurveyPageQuery, request.query);
    const now = deps.clock.now();
    const { items, total } = await publicSurveys(deps.stores, { now, page });
    keepUntilNextChange(reply, now, items);
    return sendPublicPage(deps, request, reply, {
      title: T.listTitle,
      active: 'hdjl',
      crumbs: [HOME, COLUMN, { label: T.listTitle }],
      body: (
        <section class="panel">
          <h1>{T.listTitle}</h1>
          <p>{T.intro}</p>
          <SurveyList
            items={items}
            page={page}
            pageSize={SURVEY_PAGE_SIZE}
            total={total}
            href={(n) => (n === 1 ? SURVEYS_PATH : `${SURVEYS_PATH}?page=${n}`)}
          />
        </section>
      ),
    });
  });

  app.get(`${SURVEYS_PATH}:id/jieguo`, async (request, reply) => {
    const { id } = parseInput(SurveyIdParams, request.params);
    const now = deps.clock.now();
    const results = await surveyResults(deps.stores, { surveyId: id, now });
    keepUntilNextChange(reply, now, [results.survey]);
    // Charts one after another: each is a synchronous ECharts render, and the page is kept once drawn.
    const svgs: (string | null)[] = [];
    for (const result of results.questions) {
      if (result.question.kind === 'text') {
        svgs.push(null);
        continue;
      }
      try {
        svgs.push(await deps.charts.svg(chartOf(result)));
      } catch (error) {
        // The table beside it carries the same numbers: a chart that cannot be drawn is left out.
        request.log.error({ err: error }, 'survey chart failed');
        svgs.push(null);
      }
    }
    return sendPublicPage(deps, request, reply, {
      title: `${results.survey.title} ${T.resultsTitle}`,
      active: 'hdjl',
      crumbs: [
        HOME,
        COLUMN,
        LIST,
        { label: results.survey.title, href: surveyPath(results.survey.id) },
        { label: T.resultsTitle },
      ],
      body: <SurveyResultsPage results={results} svgs={svgs} />,
    });
  });

  for (const format of ['csv', 'xlsx'] as const satisfies readonly TableFormat[]) {
    app.get(
      `${SURVEYS_PATH}:id/jieguo.${format}`,
      { config: { pageCache: false, rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const { id } = parseInput(SurveyIdParams, request.params);
        const now = deps.clock.now();
        const results = await surveyResults(deps.stores, { surveyId: id, now });
        const body = new PassThrough();
        const writer =
          format === 'csv'
            ? openCsvTable(body)
            : deps.openXlsx(body, { sheetName: T.exportSheet, widths: [6, 40, 10, 48, 10, 10] });
        void (async () => {
          try {
            for (const row of results.table) await writer.row(row);
            await writer.end();
          } catch (error) {
            if (!body.destroyed) reply.log.error({ err: error }, 'survey results download failed');
            body.destroy(error instanceof Error ? error : new Error(String(error)));
          }
        })();
        const date = chinaDate(now);
        return reply
          .header('content-type', TABLE_MEDIA_TYPES[format])
          .header(
            'content-disposition',
            attachmentDisposition(
              T.exportFileName(safeFileName(results.survey.title, 30), date, format),
              `survey-${id}-${date}.${format}`,
            ),
          )
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }
}

/** The device cookie's value, set now when the browser has none (or a malformed one). */
function deviceIdOf(request: FastifyRequest, reply: FastifyReply, deps: SurveyWebDeps): string {
  const sent = request.cookies[DEVICE_COOKIE];
  if (sent !== undefined && DEVICE_ID.test(sent)) return sent;
  const value = newSecretToken(18);
  void reply.setCookie(DEVICE_COOKIE, value, {
    path: SURVEYS_PATH,
    maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
  return value;
}

/** Errors answered on the survey's own page, with what was posted. */
const FORM_ERRORS = new Set(['validation_failed', 'rate_limited', 'conflict', 'invalid_transition', 'forbidden']);
const ANSWER_PREFIX = 'answers.';
/** What of one posted value is shown again: the longest text an answer may have, with room to spare. */
const SHOWN_LENGTH = SURVEY_LIMITS.textLength * 2;

/**
 * A survey's page with its answer form (CSRF-protected, never cached: it sets the device cookie),
 * and the form's POST. A refused sheet comes back with every answer as given and the reason.
 */
export function registerSurveyFormRoutes(app: FastifyInstance, deps: SurveyWebDeps): void {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: SurveyView,
    form: { values: AnswerValues; issues: FieldIssue[]; message?: string | undefined; showQuestions: boolean },
    status = 200,
  ) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: view.survey.title,
        active: 'hdjl',
        crumbs: [HOME, COLUMN, LIST, { label: view.survey.title }],
        body: (
          <SurveyPage
            view={view}
            csrfToken={deps.formToken(request, reply)}
            verifiedUntil={verifiedPersonOf(request, deps.secret, deps.clock.now())?.until ?? null}
            {...form}
          />
        ),
      },
      status,
    );
  const load = async (request: FastifyRequest) => {
    const { id } = parseInput(SurveyIdParams, request.params);
    return surveyView(deps.stores, { surveyId: id, actor: null, now: deps.clock.now() });
  };

  app.get(`${SURVEYS_PATH}:id`, async (request, reply) => {
    const view = await load(request);
    if (view.phase === 'open') deviceIdOf(request, reply, deps);
    return show(request, reply, view, { values: {}, issues: [], showQuestions: false });
  });

  app.post(
    `${SURVEYS_PATH}:id`,
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const view = await load(request);
      const fields = formFields(request);
      const posted: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
      for (const [name, value] of Object.entries(fields)) {
        if (!name.startsWith(ANSWER_PREFIX)) continue;
        posted[name.slice(ANSWER_PREFIX.length)] = (Array.isArray(value) ? value : [value]).map((text) =>
          text.slice(0, SHOWN_LENGTH),
        );
      }
      try {
        await submitSurveyAnswers({
          uow: deps.uow,
          clock: deps.clock,
          actor: request.actor,
          secret: deps.secret,
          surveyId: view.survey.id,
          deviceId: deviceIdOf(request, reply, deps),
          personKey: verifiedPersonOf(request, deps.secret, deps.clock.now())?.personKey ?? null,
          posted,
        });
        return sendPublicPage(deps, request, reply, {
          title: T.receivedTitle,
          active: 'hdjl',
          crumbs: [
            HOME,
            COLUMN,
            LIST,
            { label: view.survey.title, href: surveyPath(view.survey.id) },
            { label: T.receivedTitle },
          ],
          body: <SurveyReceived view={view} />,
        });
      } catch (error) {
        if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
        return show(
          request,
          reply,
          view,
          {
            values: posted,
            issues: error.fields,
            message: error.fields.length === 0 ? error.message : undefined,
            showQuestions: true,
          },
          error.status,
        );
      }
    },
  );
}
