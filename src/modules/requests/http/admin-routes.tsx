import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chinaDate } from '../../../platform/clock.ts';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import { flashOutcome, setFlash } from '../../../platform/http/flash.ts';
import { field, formFields, formFileList } from '../../../platform/http/forms.ts';
import { cleanFileName } from '../../../platform/file-names.ts';
import { FILE_LIMITS } from '../domain/files.ts';
import { downloadRequestFile } from '../commands/download-request-file.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { registerRequest } from '../commands/register-request.ts';
import { takeStep } from '../commands/take-step.ts';
import { recordAppeal } from '../commands/record-appeal.ts';
import { exportCase } from '../commands/export-case.ts';
import { APPEAL_KINDS, APPEAL_RESULTS } from '../domain/appeals.ts';
import { revealApplicant, type RevealedApplicant } from '../commands/reveal-applicant.ts';
import { can, canAnywhere, staffOf } from '../../access/index.ts';
import { editReplyText } from '../commands/edit-reply-text.ts';
import { AdminReplyTexts } from '../views/admin-reply-texts.tsx';
import { StepParams, stepAction } from './step-forms.ts';
import { LetterFormat, sendLetter, sendRequestFile } from './letter-download.ts';
import { CHANNELS, INTAKE_CHANNELS, REQUEST_STATES } from '../domain/request.ts';
import { submitApplication } from '../commands/submit-application.ts';
import { listAgencies } from '../queries/list-agencies.ts';
import { ApplyForm } from '../views/apply-form.tsx';
import { ApplicationBody, applicationInput } from './application-schema.ts';
import type { Org } from '../../orgs/index.ts';
import { availableActions, type HandlingKind } from '../domain/handling.ts';
import { consultationDueOn, correctionNoticeDueOn } from '../domain/clock.ts';
import { addWorkingDays } from '../../../platform/working-days.ts';
import type { StepDefaults } from '../views/admin-steps.tsx';
import { getRequestForStaff, listInbox } from '../queries/inbox.ts';
import { annualTable3 } from '../queries/annual-table.ts';
import { AdminAnnualTable } from '../views/admin-annual-table.tsx';
import { REQUEST_TEXT } from '../strings.ts';
import { AdminInbox } from '../views/admin-inbox.tsx';
import { AdminRequest } from '../views/admin-request.tsx';
import type { RequestWebDeps } from './deps.ts';

const PAGE_SIZE = 50;

/** A browser cannot refill a file input: which files to choose again, when some were sent. */
const chooseAgain = (chosen: readonly { fileName: string }[]) =>
  chosen.length > 0
    ? REQUEST_TEXT.filesChooseAgain(chosen.map((f) => cleanFileName(f.fileName)).join('、'))
    : undefined;
/** The correction period a notice offers unless the officer sets another (条例 Art. 30: 合理的补正期限). */
const CORRECTION_PERIOD_WORKING_DAYS = 15;
/** The payment window a fee notice offers unless the officer sets another (20 working days, counted from the day after the notice). */
const FEE_PAYMENT_WORKING_DAYS = 20;
const InboxQuery = z.object({
  state: z.enum(REQUEST_STATES).optional().catch(undefined),
  due: z.enum(['overdue', 'soon']).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
const IdParams = z.object({ id: z.string().max(40) });
const FileParams = z.object({ id: z.string().max(40), fileId: z.string().max(40) });
/** The error codes a step's or an application's files may bring: shown on the page, beside the fields. */
const FILE_ERRORS = new Set(['too_many_files', 'upload_too_large', 'upload_type_not_allowed', 'upload_type_mismatch']);
/** A step form takes the released information (at most 10 files of 20 MB) or the proof of service. */
const STEP_UPLOADS = {
  maxFiles: Math.max(FILE_LIMITS.released.maxFiles, FILE_LIMITS.delivery_proof.maxFiles),
  maxFileBytes: Math.max(FILE_LIMITS.released.maxFileBytes, FILE_LIMITS.delivery_proof.maxFileBytes),
  reportLimits: true,
};
const INTAKE_UPLOADS = {
  maxFiles: FILE_LIMITS.application.maxFiles,
  maxFileBytes: FILE_LIMITS.application.maxFileBytes,
  reportLimits: true,
};
const LetterParams = z.object({ id: z.string().max(40), format: LetterFormat });

/** The handling unit's side: the inbox, one request, and receipt confirmation (条例 Art. 31). */
export function registerRequestAdminRoutes(app: FastifyInstance, deps: RequestWebDeps): void {
  const calendar = () => deps.calendarCache.get();
  /** The request as its officer sees it; outside their subtrees it does not exist. */
  const viewOf = (request: FastifyRequest, id: string) =>
    getRequestForStaff({ stores: deps.stores, calendar, clock: deps.clock, actor: request.actor, requestId: id });

  app.get('/admin/ysqgk', async (request, reply) => {
    const query = parseInput(InboxQuery, request.query);
    const { items, total, counts } = await listInbox({
      requests: deps.stores.requests,
      calendar,
      clock: deps.clock,
      actor: request.actor,
      query: {
        states: query.state ? [query.state] : undefined,
        due: query.due,
        channel: query.channel,
        mine: query.mine === '1',
      },
      page: { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE },
    });
    return sendAdminPage(deps, request, reply, {
      title: REQUEST_TEXT.inboxTitle,
      active: 'requests',
      body: (
        <AdminInbox
          items={items}
          total={total}
          counts={counts}
          page={query.page}
          pageSize={PAGE_SIZE}
          filter={{
            state: query.state ?? '',
            due: query.due ?? '',
            channel: query.channel ?? '',
            mine: query.mine ?? '',
          }}
        />
      ),
    });
  });

  const showRequest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problem?: {
      issues: { field: string; message: string }[];
      message?: string | undefined;
      step?: HandlingKind;
      status?: number;
    },
    revealed?: RevealedApplicant,
  ) => {
    const view = await viewOf(request, id);
    const cal = await calendar();
    const today = chinaDate(deps.clock.now());
    const openPause = view.request.pauses.find((p) => p.until === null);
    const defaults: StepDefaults = {
      today,
      correctionNoticeLast: view.request.receivedOn ? correctionNoticeDueOn(view.request.receivedOn, cal) : null,
      correctionDueDefault: addWorkingDays(cal, today, CORRECTION_PERIOD_WORKING_DAYS).date,
      consultationDue: openPause && openPause.reason !== 'fee' ? consultationDueOn(openPause.from, cal) : null,
      feeDueDefault: addWorkingDays(cal, today, FEE_PAYMENT_WORKING_DAYS).date,
      requestedDelivery: view.request.delivery,
    };
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: `${REQUEST_TEXT.inboxTitle} ${view.request.trackingCode}`,
        active: 'requests',
        body: (
          <AdminRequest
            csrfToken={request.csrfToken}
            {...view}
            today={today}
            issues={problem?.issues ?? []}
            error={problem?.message}
            actions={availableActions(view.request)}
            defaults={defaults}
            failedStep={problem?.step}
            revealed={revealed}
          />
        ),
      },
      problem ? (problem.status ?? 400) : 200,
    );
  };

  const showIntake = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    issues: { field: string; message: string }[],
    status = issues.length > 0 ? 400 : 200,
    notice?: string,
  ) => {
    const all = await listAgencies(deps.stores.orgs);
    const mine = (org: Org) => can(request.actor, 'request.handle', org.path);
    const agencies = { government: all.government.filter(mine), towns: all.towns.filter(mine) };
    if (agencies.government.length + agencies.towns.length === 0) throw new DomainError('forbidden');
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: REQUEST_TEXT.intakeTitle,
        active: 'requests',
        body: (
          <ApplyForm
            csrfToken={request.csrfToken}
            agencies={agencies}
            values={values}
            issues={issues}
            intake={{ today: chinaDate(deps.clock.now()) }}
            notice={notice}
          />
        ),
      },
      status,
    );
  };

  app.get('/admin/ysqgk/report', async (request, reply) => {
    const thisYear = Number(chinaDate(deps.clock.now()).slice(0, 4));
    const query = parseInput(
      z.object({
        year: z.coerce
          .number()
          .int()
          .min(2008)
          .max(thisYear)
          .default(thisYear - 1)
          .catch(thisYear - 1),
        org: z.string().max(40).optional().catch(undefined),
      }),
      request.query,
    );
    const report = await annualTable3({
      stores: deps.stores,
      actor: request.actor,
      year: query.year,
      orgCode: query.org || undefined,
    });
    const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
    return sendAdminPage(deps, request, reply, {
      title: REQUEST_TEXT.reportTitle,
      active: 'requests',
      body: <AdminAnnualTable {...report} years={years} />,
    });
  });

  app.get('/admin/ysqgk/texts', async (request, reply) =>
    sendAdminPage(deps, request, reply, {
      title: REQUEST_TEXT.textsTitle,
      active: 'requests',
      body: (
        <AdminReplyTexts
          csrfToken={request.csrfToken}
          texts={await deps.stores.requests.replyTexts()}
          canEdit={canAnywhere(request.actor, 'request.texts')}
        />
      ),
    }),
  );

  app.post('/admin/ysqgk/texts', async (request, reply) => {
    const fields = formFields(request);
    await flashOutcome(reply, REQUEST_TEXT.replyTextSaved, () =>
      editReplyText({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        group: field(fields, 'group').slice(0, 20),
        text: field(fields, 'text').slice(0, 5000),
      }),
    );
    return seeOther(reply, '/admin/ysqgk/texts');
  });

  app.get('/admin/ysqgk/new', async (request, reply) => showIntake(request, reply, {}, []));

  app.post('/admin/ysqgk/new', { config: { uploads: INTAKE_UPLOADS } }, async (request, reply) => {
    const fields = formFields(request);
    const chosen = formFileList(request, FILE_LIMITS.application.field);
    const names = [...Object.keys(ApplicationBody.shape), 'channel', 'receivedOn'];
    const values = Object.fromEntries(names.map((name) => [name, field(fields, name).slice(0, 5000)]));
    try {
      const { agencyCode, input } = applicationInput(parseInput(ApplicationBody, values));
      const channel = INTAKE_CHANNELS.find((c) => c === values.channel);
      const { request: stored } = await submitApplication({
        uow: deps.uow,
        clock: deps.clock,
        cipher: deps.cipher,
        actor: request.actor,
        channel: channel ?? 'online',
        agencyCode,
        input,
        intake: { receivedOn: values.receivedOn ?? '', calendar: await calendar() },
        attachments: { services: deps, files: chosen.map((file) => ({ fileName: file.fileName, content: file })) },
      });
      setFlash(reply, { kind: 'success', text: REQUEST_TEXT.intakeDone(stored.trackingCode) });
      return seeOther(reply, `/admin/ysqgk/${stored.id}`);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'validation_failed' && !FILE_ERRORS.has(error.code))) throw error;
      return showIntake(request, reply, values, error.fields, error.status, chooseAgain(chosen));
    }
  });

  app.get('/admin/ysqgk/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    return showRequest(request, reply, id);
  });

  app.post('/admin/ysqgk/:id/register', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    try {
      await registerRequest({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        calendar: await calendar(),
        requestId: id,
        receivedOn: field(formFields(request), 'receivedOn').slice(0, 20),
      });
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'validation_failed' && error.code !== 'invalid_transition'))
        throw error;
      return showRequest(request, reply, id, { issues: error.fields, message: error.message });
    }
    setFlash(reply, { kind: 'success', text: REQUEST_TEXT.registered });
    return seeOther(reply, `/admin/ysqgk/${id}`);
  });

  // The request's files: the applicant's attachments may hold personal data, so each download is audited.
  app.get('/admin/ysqgk/:id/files/:fileId', async (request, reply) => {
    const { id, fileId } = parseInput(FileParams, request.params);
    const { file, bytes } = await downloadRequestFile({
      uow: deps.uow,
      clock: deps.clock,
      files: deps.files,
      actor: request.actor,
      requestId: id,
      fileId,
    });
    return sendRequestFile(reply, file, bytes);
  });

  app.get('/admin/ysqgk/:id/letter.:format', async (request, reply) => {
    const { id, format } = parseInput(LetterParams, request.params);
    const view = await viewOf(request, id);
    return sendLetter(reply, deps.letters, view.request, format);
  });

  // Opening the sealed identity and contacts is a post: each opening is audited.
  app.post('/admin/ysqgk/:id/reveal', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const revealed = await revealApplicant({
      uow: deps.uow,
      clock: deps.clock,
      cipher: deps.cipher,
      actor: request.actor,
      requestId: id,
    });
    void reply.header('cache-control', 'no-store');
    return showRequest(request, reply, id, undefined, revealed);
  });

  app.get('/admin/ysqgk/:id/case.zip', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const archive = await exportCase({
      uow: deps.uow,
      clock: deps.clock,
      cipher: deps.cipher,
      letters: deps.letters,
      files: deps.files,
      actor: request.actor,
      requestId: id,
    });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(archive.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(archive.bytes));
  });

  app.post('/admin/ysqgk/:id/appeals', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const fields = formFields(request);
    const appealId = field(fields, 'appealId').slice(0, 40);
    try {
      const appeal = appealId
        ? {
            appealId,
            ...parseInput(z.object({ result: z.enum(APPEAL_RESULTS), decidedOn: z.string().max(20) }), {
              result: field(fields, 'result'),
              decidedOn: field(fields, 'decidedOn'),
            }),
          }
        : parseInput(z.object({ kind: z.enum(APPEAL_KINDS), filedOn: z.string().max(20), body: z.string().max(200) }), {
            kind: field(fields, 'kind'),
            filedOn: field(fields, 'filedOn'),
            body: field(fields, 'body'),
          });
      await recordAppeal({ uow: deps.uow, clock: deps.clock, actor: request.actor, requestId: id, appeal });
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'validation_failed' && error.code !== 'invalid_transition'))
        throw error;
      return showRequest(request, reply, id, { issues: error.fields, message: error.message });
    }
    setFlash(reply, { kind: 'success', text: REQUEST_TEXT.appealRecorded });
    return seeOther(reply, `/admin/ysqgk/${id}`);
  });

  app.post('/admin/ysqgk/:id/steps/:kind', { config: { uploads: STEP_UPLOADS } }, async (request, reply) => {
    const { id, kind } = parseInput(StepParams, request.params);
    const chosen =
      kind === 'reply'
        ? formFileList(request, FILE_LIMITS.released.field)
        : kind === 'deliver'
          ? formFileList(request, FILE_LIMITS.delivery_proof.field)
          : [];
    try {
      await takeStep({
        uow: deps.uow,
        clock: deps.clock,
        calendar: await calendar(),
        actor: request.actor,
        requestId: id,
        action: stepAction(kind, request, staffOf(request)),
        files: { services: deps, incoming: chosen.map((file) => ({ fileName: file.fileName, content: file })) },
      });
    } catch (error) {
      if (
        !isDomainError(error) ||
        (error.code !== 'validation_failed' && error.code !== 'invalid_transition' && !FILE_ERRORS.has(error.code))
      )
        throw error;
      const again = chooseAgain(chosen);
      return showRequest(request, reply, id, {
        issues: error.fields,
        message: again ? `${error.message}${again}` : error.message,
        step: kind,
        // A file too large or of a wrong type answers with its own status (413, 415); the rest 400.
        status: FILE_ERRORS.has(error.code) ? error.status : 400,
      });
    }
    setFlash(reply, { kind: 'success', text: REQUEST_TEXT.stepDone });
    return seeOther(reply, `/admin/ysqgk/${id}`);
  });
}
