import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { formFields } from '../../../platform/http/forms.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { sendSmsCode, subscribe } from '../commands/subscribe.ts';
import { describeChoices, noChoices } from '../domain/choices.ts';
import { maskAddress } from '../domain/address.ts';
import { choiceCatalog } from '../queries/choice-catalog.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import { NoticePage, SubscribeForm, type SubscribeValues } from '../views/subscribe-page.tsx';
import { postedChoices, siteOf } from './choice-form.ts';
import type { NotificationWebDeps } from './deps.ts';

const CRUMBS: Crumb[] = [{ label: '首页', href: '/' }, { label: NOTIFICATION_TEXT.subscribeTitle }];

const SubscribeBody = z.object({
  channel: z.string().max(10).default('email'),
  address: z.string().max(320).default(''),
  code: z.string().max(12).default(''),
  frequency: z.string().max(20).default('immediate'),
  step: z.enum(['subscribe', 'code']).default('subscribe'),
});

/** The form's errors that are answered on the form, beside what was typed. */
const FORM_ERRORS = new Set(['validation_failed', 'rate_limited']);

/**
 * The resident's side of subscriptions: the form (CSRF-protected, never cached), the SMS code, and
 * the page that says to look for the confirmation mail.
 */
export function registerNotificationPublicRoutes(app: FastifyInstance, deps: NotificationWebDeps): void {
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: SubscribeValues,
    issues: FieldIssue[],
    status = 200,
    notice?: string,
  ) => {
    const catalog = await choiceCatalog(deps.stores.orgs);
    return sendPublicPage(
      deps,
      request,
      reply,
      {
        title: NOTIFICATION_TEXT.subscribeTitle,
        crumbs: CRUMBS,
        body: (
          <SubscribeForm
            csrfToken={deps.formToken(request, reply)}
            values={values}
            issues={issues}
            options={catalog.options}
            smsOffered={deps.config.sms !== undefined}
            notice={notice}
          />
        ),
      },
      status,
    );
  };

  app.get('/dingyue/', async (request, reply) =>
    showForm(
      request,
      reply,
      { channel: 'email', address: '', code: '', frequency: 'immediate', choices: noChoices() },
      [],
    ),
  );

  app.post('/dingyue/', { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const fields = formFields(request);
    const one = (name: string) => {
      const value = fields[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const values: SubscribeValues = {
      channel: String(one('channel') ?? 'email').slice(0, 10),
      address: String(one('address') ?? '').slice(0, 320),
      code: String(one('code') ?? '').slice(0, 12),
      frequency: String(one('frequency') ?? 'immediate').slice(0, 20),
      choices: postedChoices(fields),
    };
    try {
      const body = parseInput(SubscribeBody, {
        channel: one('channel'),
        address: one('address'),
        code: one('code'),
        frequency: one('frequency'),
        step: one('step'),
      });
      const site = await siteOf(deps);
      if (body.step === 'code') {
        const phone = await sendSmsCode({ uow: deps.uow, clock: deps.clock, site, phone: body.address });
        return showForm(
          request,
          reply,
          { ...values, channel: 'sms' },
          [],
          200,
          NOTIFICATION_TEXT.smsCodeSent(maskAddress('sms', phone)),
        );
      }
      const catalog = await choiceCatalog(deps.stores.orgs);
      const result = await subscribe({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        site,
        vocabulary: catalog.vocabulary,
        describe: async (choices) => describeChoices(choices, catalog.nameOf),
        input: { ...body, choices: values.choices },
      });
      return sendPublicPage(deps, request, reply, {
        title: result.channel === 'email' ? NOTIFICATION_TEXT.checkMailTitle : NOTIFICATION_TEXT.confirmTitle,
        crumbs: CRUMBS,
        body: (
          <NoticePage
            title={result.channel === 'email' ? NOTIFICATION_TEXT.checkMailTitle : NOTIFICATION_TEXT.confirmTitle}
            message={
              result.channel === 'email'
                ? NOTIFICATION_TEXT.checkMail(maskAddress('email', result.address))
                : NOTIFICATION_TEXT.confirmed
            }
          />
        ),
      });
    } catch (error) {
      if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
      return showForm(
        request,
        reply,
        values,
        error.fields,
        error.status,
        error.fields.length === 0 ? error.message : undefined,
      );
    }
  });
}
