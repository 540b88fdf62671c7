import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDate } from '../../../platform/clock.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { saveReport } from '../commands/save-report.ts';
import { submitReport } from '../commands/submit-report.ts';
import { FIGURE_FIELDS, SECTION_FIELDS } from '../domain/report.ts';
import { getReport } from '../queries/get-report.ts';
import { listReports } from '../queries/list-reports.ts';
import { REPORT_TEXT } from '../strings.ts';
import { AdminReport, formValuesOf, type ReportFormValues } from '../views/admin-report.tsx';
import { AdminReportList } from '../views/admin-report-list.tsx';
import type { ReportWebDeps } from './deps.ts';
import { listQuery, reportParams } from './schemas.ts';

const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
/** The form's fields, each cut to a bound before it is looked at. */
const FORM_FIELDS: readonly { name: string; max: number }[] = [
  ...FIGURE_FIELDS.map(({ key }) => ({ name: key, max: 100 })),
  { name: 'feesWan', max: 100 },
  ...SECTION_FIELDS.map(({ key }) => ({ name: key, max: 40_000 })),
  { name: 'changeNote', max: 1000 },
];

/** The annual report's back-office pages: the list, a unit's report, its files, saving and submitting. */
export function registerReportAdminRoutes(app: FastifyInstance, deps: ReportWebDeps): void {
  const thisYear = () => Number(chinaDate(deps.clock.now()).slice(0, 4));
  /** A report's path names a unit and a year; a malformed one is a page that does not exist. */
  const paramsOf = (request: FastifyRequest) => {
    const parsed = reportParams(thisYear()).safeParse(request.params);
    if (!parsed.success) throw new DomainError('not_found');
    return parsed.data;
  };
  const valuesOf = (request: FastifyRequest): ReportFormValues => {
    const fields = formFields(request);
    return Object.fromEntries(FORM_FIELDS.map(({ name, max }) => [name, field(fields, name).slice(0, max)]));
  };
  const showReport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    params: { org: string; year: number },
    failed?: { values: ReportFormValues; issues: FieldIssue[]; message?: string | undefined; status: number },
  ) => {
    const view = await getReport({ stores: deps.stores, actor: request.actor, orgCode: params.org, year: params.year });
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: view.report.title,
        active: 'reports',
        body: (
          <AdminReport
            {...view}
            values={failed?.values ?? formValuesOf(view.report)}
            issues={failed?.issues ?? []}
            message={failed?.message}
            csrfToken={request.csrfToken}
          />
        ),
      },
      failed?.status ?? 200,
    );
  };

  app.get('/admin/reports', async (request, reply) => {
    const { year } = parseInput(listQuery(thisYear()), request.query);
    const items = await listReports({ stores: deps.stores, actor: request.actor, year });
    const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
    return sendAdminPage(deps, request, reply, {
      title: REPORT_TEXT.listTitle,
      active: 'reports',
      body: <AdminReportList year={year} years={years} items={items} />,
    });
  });

  app.get('/admin/reports/:org/:year', async (request, reply) => showReport(request, reply, paramsOf(request)));

  app.get('/admin/reports/:org/:year/report.docx', async (request, reply) => sendFile(request, reply, 'docx'));
  app.get('/admin/reports/:org/:year/report.xlsx', async (request, reply) => sendFile(request, reply, 'xlsx'));

  async function sendFile(request: FastifyRequest, reply: FastifyReply, format: 'docx' | 'xlsx') {
    const params = paramsOf(request);
    const { report } = await getReport({
      stores: deps.stores,
      actor: request.actor,
      orgCode: params.org,
      year: params.year,
    });
    const bytes = await deps.reportFiles[format](report);
    return reply
      .header('content-type', MEDIA_TYPES[format])
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${report.title}.${format}`)}`)
      .header('cache-control', 'private, no-store')
      .send(bytes);
  }

  app.post('/admin/reports/:org/:year', async (request, reply) => {
    const params = paramsOf(request);
    const values = valuesOf(request);
    try {
      await saveReport({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        orgCode: params.org,
        year: params.year,
        figures: values,
        sections: values,
      });
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return showReport(request, reply, params, { values, issues: error.fields, status: 400 });
    }
    setFlash(reply, { kind: 'success', text: REPORT_TEXT.saved });
    return seeOther(reply, `/admin/reports/${params.org}/${params.year}`);
  });

  app.post('/admin/reports/:org/:year/submit', async (request, reply) => {
    const params = paramsOf(request);
    const values = valuesOf(request);
    try {
      await submitReport({
        uow: deps.uow,
        stores: deps.stores,
        clock: deps.clock,
        sanitiser: deps.sanitiser,
        files: deps.files,
        sniff: deps.sniff,
        maxUploadBytes: deps.config.maxUploadBytes,
        renderer: deps.reportFiles,
        actor: request.actor,
        orgCode: params.org,
        year: params.year,
        changeNote: values.changeNote,
      });
    } catch (error) {
      if (
        !isDomainError(error) ||
        !['validation_failed', 'invalid_transition', 'sensitive_data_found'].includes(error.code)
      )
        throw error;
      const view = await getReport({
        stores: deps.stores,
        actor: request.actor,
        orgCode: params.org,
        year: params.year,
      });
      return showReport(request, reply, params, {
        values: { ...formValuesOf(view.report), changeNote: values.changeNote ?? '' },
        issues: error.fields,
        message: error.fields.length > 0 ? undefined : error.message,
        status: error.code === 'validation_failed' ? 400 : 409,
      });
    }
    setFlash(reply, { kind: 'success', text: REPORT_TEXT.submitted });
    return seeOther(reply, `/admin/reports/${params.org}/${params.year}`);
  });
}
