import type { Child } from 'hono/jsx';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { signLink, verifyLink } from '../../../platform/signed-links.ts';
import { LetterFormat, sendLetter, sendRequestFile } from './letter-download.ts';
import { field, formFields, formFileList } from '../../../platform/http/forms.ts';
import { FILE_LIMITS } from '../domain/files.ts';
import { cleanFileName } from '../../../platform/file-names.ts';
import { releasedFile, releasesOnline } from '../queries/released-file.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { submitApplication } from '../commands/submit-application.ts';
import { normaliseTrackingCode } from '../domain/request.ts';
import { listAgencies } from '../queries/list-agencies.ts';
import { trackRequest } from '../queries/track-request.ts';
import { REQUEST_TEXT } from '../strings.ts';
import { ApplyForm } from '../views/apply-form.tsx';
import { Receipt } from '../views/receipt.tsx';
import { TrackForm, TrackResult } from '../views/track.tsx';
import { ApplicationBody, applicationInput } from './application-schema.ts';
import type { RequestWebDeps } from './deps.ts';
import { receiptOptions } from './receipt-options.ts';

const CRUMBS: Crumb[] = [
  { label: '首页', href: '/' },
  { label: '政府信息公开', href: '/xxgk/' },
  { label: '依申请公开', href: '/xxgk/ysqgk' },
];
const CodeParams = z.object({ code: z.string().max(40) });
const LetterLinkParams = z.object({ code: z.string().max(40), token: z.string().max(80), format: LetterFormat });
/** How long the letter links of a tracking page stay valid. */
const LETTER_LINK_MINUTES = 60;
const letterSubject = (requestId: string) => `foi-letter:${requestId}`;
const releasedSubject = (requestId: string) => `foi-released:${requestId}`;
const FileLinkParams = z.object({ code: z.string().max(40), token: z.string().max(80), fileId: z.string().max(40) });
/** The error codes an application's files may bring: shown on the form, beside what was typed. */
const FORM_ERRORS = new Set([
  'validation_failed',
  'too_many_files',
  'upload_too_large',
  'upload_type_not_allowed',
  'upload_type_mismatch',
]);

/**
 * The resident's side of disclosure on application: the form (条例 Art. 29), the receipt and the
 * tracking page. No account is needed; the forms carry the anonymous CSRF token.
 */
export function registerRequestPublicRoutes(app: FastifyInstance, deps: RequestWebDeps): void {
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    issues: FieldIssue[],
    status = 200,
    notice?: string,
  ) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: REQUEST_TEXT.applyTitle,
        active: 'ysqgk',
        crumbs: [...CRUMBS, { label: REQUEST_TEXT.applyTitle }],
        body: (
          <ApplyForm
            csrfToken={deps.formToken(request, reply)}
            agencies={await listAgencies(deps.stores.orgs)}
            values={values}
            issues={issues}
            notice={notice}
          />
        ),
      },
      status,
    );

  app.get('/ysqgk/apply', async (request, reply) => showForm(request, reply, {}, []));

  // The form takes up to five files of 10 MB; one more, or a larger one, is answered on the form.
  const attachmentLimits = FILE_LIMITS.application;
  const uploads = {
    maxFiles: attachmentLimits.maxFiles,
    maxFileBytes: attachmentLimits.maxFileBytes,
    reportLimits: true,
  };
  app.post('/ysqgk/apply', { config: { uploads } }, async (request, reply) => {
    const fields = formFields(request);
    const values = Object.fromEntries(Object.keys(ApplicationBody.shape).map((name) => [name, field(fields, name)]));
    const chosen = formFileList(request, attachmentLimits.field);
    try {
      const { agencyCode, input } = applicationInput(parseInput(ApplicationBody, values));
      const { request: stored } = await submitApplication({
        uow: deps.uow,
        clock: deps.clock,
        cipher: deps.cipher,
        actor: request.actor,
        channel: 'online',
        agencyCode,
        input,
        receipt: receiptOptions(deps),
        attachments: {
          services: deps,
          files: chosen.map((file) => ({ fileName: file.fileName, content: file })),
        },
      });
      return seeOther(reply, `/ysqgk/receipt/${stored.trackingCode}`);
    } catch (error) {
      if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
      // A browser cannot refill a file input: say which files to choose again.
      const notice =
        chosen.length > 0
          ? REQUEST_TEXT.filesChooseAgain(chosen.map((f) => cleanFileName(f.fileName)).join('、'))
          : undefined;
      return showForm(request, reply, values, error.fields, error.status, notice);
    }
  });

  // The released information on a tracking page: signed for that request, valid for an hour, no account.
  app.get('/ysqgk/files/:code/:token/:fileId', async (request, reply) => {
    const { code, token, fileId } = parseInput(FileLinkParams, request.params);
    const stored = await deps.stores.requests.getByTrackingCode(normaliseTrackingCode(code));
    if (!stored || !verifyLink(deps.secret, releasedSubject(stored.id), token, deps.clock.now())) {
      throw new DomainError('not_found', { message: REQUEST_TEXT.fileLinkExpired });
    }
    const { file, bytes } = await releasedFile({
      requestFiles: deps.stores.requestFiles,
      files: deps.files,
      request: stored,
      fileId,
    });
    return sendRequestFile(reply, file, bytes);
  });

  app.get('/ysqgk/receipt/:code', async (request, reply) => {
    const { code } = parseInput(CodeParams, request.params);
    const stored = await deps.stores.requests.getByTrackingCode(normaliseTrackingCode(code));
    const agency = stored && (await deps.stores.orgs.getById(stored.orgId));
    if (!stored || !agency) return reply.callNotFound();
    return sendPublicPage(deps, request, reply, {
      title: REQUEST_TEXT.receiptTitle,
      active: 'ysqgk',
      crumbs: [...CRUMBS, { label: REQUEST_TEXT.receiptTitle }],
      body: (
        <Receipt
          trackingCode={stored.trackingCode}
          agencyName={agency.name}
          submittedAt={stored.submittedAt}
          emailed={stored.applicant.emailSealed !== null}
        />
      ),
    });
  });

  // The letter links on a tracking page: signed for that request, valid for an hour, no account.
  app.get('/ysqgk/letter/:code/:token.:format', async (request, reply) => {
    const { code, token, format } = parseInput(LetterLinkParams, request.params);
    const stored = await deps.stores.requests.getByTrackingCode(normaliseTrackingCode(code));
    if (!stored || !verifyLink(deps.secret, letterSubject(stored.id), token, deps.clock.now())) {
      throw new DomainError('not_found', { message: REQUEST_TEXT.letterLinkExpired });
    }
    return sendLetter(reply, deps.letters, stored, format);
  });

  const trackPage = (request: FastifyRequest, reply: FastifyReply, body: Child, status = 200) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: REQUEST_TEXT.trackTitle,
        active: 'ysqgk',
        crumbs: [...CRUMBS, { label: REQUEST_TEXT.trackTitle }],
        body,
      },
      status,
    );

  app.get('/ysqgk/track', async (request, reply) =>
    trackPage(request, reply, <TrackForm csrfToken={deps.formToken(request, reply)} />),
  );

  // The factor is four digits: a client gets a few dozen tries a minute, never enough to walk them.
  app.post('/ysqgk/track', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const fields = formFields(request);
    const code = field(fields, 'code').slice(0, 40);
    const factor = field(fields, 'factor').slice(0, 200);
    const again = (message: string, status: number) =>
      trackPage(
        request,
        reply,
        <TrackForm csrfToken={deps.formToken(request, reply)} code={code} error={message} />,
        status,
      );
    if (code.trim() === '') return again(REQUEST_TEXT.trackCodeRequired, 400);
    if (factor.trim() === '') return again(REQUEST_TEXT.trackFactorRequired, 400);
    try {
      const tracked = await trackRequest({
        stores: deps.stores,
        cipher: deps.cipher,
        calendar: () => deps.calendarCache.get(),
        clock: deps.clock,
        code,
        factor,
      });
      const expires = new Date(deps.clock.now().getTime() + LETTER_LINK_MINUTES * 60_000);
      const token = signLink(deps.secret, letterSubject(tracked.request.id), expires);
      const letterHref = tracked.request.reply?.letter
        ? (format: LetterFormat) => `/ysqgk/letter/${tracked.request.trackingCode}/${token}.${format}`
        : undefined;
      const filesToken = signLink(deps.secret, releasedSubject(tracked.request.id), expires);
      const fileHref = releasesOnline(tracked.request)
        ? (fileId: string) => `/ysqgk/files/${tracked.request.trackingCode}/${filesToken}/${fileId}`
        : undefined;
      return trackPage(request, reply, <TrackResult tracked={tracked} letterHref={letterHref} fileHref={fileHref} />);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'not_found') throw error;
      return again(error.message, 404);
    }
  });
}
