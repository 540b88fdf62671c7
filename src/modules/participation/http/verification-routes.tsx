import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendPublicPage, type PageShell } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { confirmVerificationCode } from '../commands/confirm-verification-code.ts';
import { requestVerificationCode } from '../commands/request-verification-code.ts';
import type { VerificationStores } from '../commands/verification-stores.ts';
import { VERIFICATION_TEXT as T } from '../domain/verification-strings.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { COLUMN_PATH } from '../views/paths.ts';
import { localNext, VERIFY_PATH, verifyCodePath } from '../views/verification-paths.ts';
import { VerifyCodePage, VerifyStartPage } from '../views/verification-pages.tsx';
import { setVerifiedCookie, verifiedPersonOf } from './verification-cookie.ts';

/** What the verification pages need, built by the composition root. */
export type VerificationWebDeps = {
  stores: VerificationStores;
  uow: UnitOfWork<VerificationStores>;
  clock: Clock;
  shell: PageShell;
  /** Keys the hashes of contacts, codes and addresses, and signs the proof cookie. */
  secret: string;
  /** The anonymous CSRF token of a public form. */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
  /** The site's name, which the code's mail and SMS are signed with. */
  siteSettings: { get(): Promise<{ siteName: string }> };
  /**
   * `sms` is set when an SMS gateway is configured; only then are mobile numbers offered. Without
   * `smtpUrl` mail goes to the outbox folder, and the code page says so (the embedded demo).
   */
  config: { secureCookies: boolean; sms: unknown; smtpUrl: string | undefined };
};

const HOME: Crumb = { label: '首页', href: '/' };
const COLUMN: Crumb = { label: CONSULTATION_TEXT.columnTitle, href: COLUMN_PATH };

/** A verification's id in a path: an id as the product makes them. */
const VerificationIdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, T.badId) });

const ContactBody = z.object({ contact: z.string().max(1000, T.contactTooLong) });
const CodeBody = z.object({ code: z.string().max(100, T.codeRequired) });

/** Errors answered on the form itself, beside what was typed. */
const FORM_ERRORS = new Set(['validation_failed', 'rate_limited', 'invalid_transition']);

const nextOf = (value: unknown) => localNext(Array.isArray(value) ? undefined : value);

/**
 * Verified identity (验证身份), never cached: `/hdjl/yz/` asks for the contact and sends a code,
 * `/hdjl/yz/<id>` asks for the code and, when it is right, sets the signed proof cookie and goes
 * back to `next` (a page of this column only). Works without JavaScript; every refusal is said in
 * Chinese beside the field, with what was typed.
 */
export function registerVerificationRoutes(app: FastifyInstance, deps: VerificationWebDeps): void {
  const smsAvailable = () => deps.config.sms !== undefined && deps.config.sms !== null;
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: Child, status = 200) =>
    sendPublicPage(
      deps,
      request,
      reply,
      { title, active: 'hdjl', crumbs: [HOME, COLUMN, { label: title }], body },
      status,
    );

  const showStart = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { next: string; contact: string; issues: FieldIssue[]; message?: string | undefined },
    status = 200,
  ) =>
    page(
      request,
      reply,
      T.title,
      <VerifyStartPage
        {...form}
        csrfToken={deps.formToken(request, reply)}
        smsAvailable={smsAvailable()}
        verifiedUntil={verifiedPersonOf(request, deps.secret, deps.clock.now())?.until ?? null}
      />,
      status,
    );

  app.get(VERIFY_PATH, async (request, reply) =>
    showStart(request, reply, { next: nextOf((request.query as { next?: unknown }).next), contact: '', issues: [] }),
  );

  app.post(VERIFY_PATH, { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const fields = formFields(request);
    const next = nextOf(field(fields, 'next'));
    const contact = field(fields, 'contact').slice(0, 300);
    try {
      const input = parseInput(ContactBody, { contact: field(fields, 'contact') });
      const verification = await requestVerificationCode({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        secret: deps.secret,
        siteName: (await deps.siteSettings.get()).siteName,
        smsAvailable: smsAvailable(),
        contact: input.contact,
      });
      return seeOther(reply, verifyCodePath(verification.id, next));
    } catch (error) {
      if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
      const issues = error.fields.map((issue) => ({ ...issue, field: 'contact' }));
      return showStart(
        request,
        reply,
        { next, contact, issues, message: issues.length === 0 ? error.message : undefined },
        error.status,
      );
    }
  });

  const showCode = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { next: string; issues: FieldIssue[]; message?: string | undefined; isSpent: boolean },
    status = 200,
  ) => {
    const { id } = parseInput(VerificationIdParams, request.params);
    const verification = await deps.stores.verifications.get(id);
    if (!verification) throw new DomainError('not_found');
    return page(
      request,
      reply,
      T.codeTitle,
      <VerifyCodePage
        id={id}
        maskedContact={verification.maskedContact}
        isOutbox={verification.channel === 'email' && !deps.config.smtpUrl}
        csrfToken={deps.formToken(request, reply)}
        {...form}
      />,
      status,
    );
  };

  app.get(`${VERIFY_PATH}:id`, async (request, reply) =>
    showCode(request, reply, { next: nextOf((request.query as { next?: unknown }).next), issues: [], isSpent: false }),
  );

  app.post(
    `${VERIFY_PATH}:id`,
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const { id } = parseInput(VerificationIdParams, request.params);
      const fields = formFields(request);
      const next = nextOf(field(fields, 'next'));
      try {
        const input = parseInput(CodeBody, { code: field(fields, 'code') });
        const now = deps.clock.now();
        const proof = await confirmVerificationCode({
          uow: deps.uow,
          clock: deps.clock,
          actor: request.actor,
          secret: deps.secret,
          verificationId: id,
          code: input.code,
        });
        setVerifiedCookie(reply, {
          secret: deps.secret,
          person: { personKey: proof.personKey, until: proof.verifiedUntil },
          now,
          secure: deps.config.secureCookies,
        });
        return seeOther(reply, next);
      } catch (error) {
        if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
        const issues = error.fields.map((issue) => ({ ...issue, field: 'code' }));
        return showCode(
          request,
          reply,
          {
            next,
            issues,
            message: issues.length === 0 ? error.message : undefined,
            isSpent: error.code === 'invalid_transition',
          },
          error.status,
        );
      }
    },
  );
}
