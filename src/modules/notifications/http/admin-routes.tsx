import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, fieldList, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { can, canAnywhere, requireGlobalPermission, type Actor } from '../../access/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { registerWebhook } from '../commands/register-webhook.ts';
import { checkPush, previewPush, sendPush } from '../commands/send-push.ts';
import { noChoices } from '../domain/choices.ts';
import { choiceCatalog } from '../queries/choice-catalog.ts';
import { PUSH_TEXT } from '../strings.ts';
import { PushPage, PushReport, WebhooksPage, type PushFormValues } from '../views/push-admin.tsx';
import { postedChoices, siteOf } from './choice-form.ts';
import type { NotificationWebDeps } from './deps.ts';

const MessageParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) });
/** How many messages the history lists. */
const HISTORY = 50;

function pushValues(fields: Record<string, string | string[]>): PushFormValues {
  const choices = postedChoices(fields);
  return {
    orgId: field(fields, 'orgId').slice(0, 40),
    title: field(fields, 'title').slice(0, 200),
    body: field(fields, 'body').slice(0, 5000),
    link: field(fields, 'link').slice(0, 500),
    channels: fieldList(fields, 'channels').map((c) => c.slice(0, 20)),
    choices: { ...choices, org: [] },
  };
}

/**
 * The back office's 订阅推送: targeted pushes (compose, preview, send), the delivery report of every
 * push and publication notice of the reader's units, and the webhooks of other platforms.
 */
export function registerNotificationAdminRoutes(app: FastifyInstance, deps: NotificationWebDeps): void {
  /** The units the reader may push for: those they review documents in. */
  const pushUnits = async (actor: Actor) =>
    (await listOrgs(deps.stores)).filter((org) => can(actor, 'document.review', org.path));
  /** The units whose messages the reader may see. */
  const readableUnitIds = async (actor: Actor) =>
    (await listOrgs(deps.stores)).filter((org) => can(actor, 'document.read', org.path)).map((org) => org.id);

  const renderPush = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: PushFormValues,
    issues: FieldIssue[],
    status: number,
    preview?: Awaited<ReturnType<typeof previewPush>>,
  ) => {
    const [units, catalog, history, counts] = await Promise.all([
      pushUnits(request.actor),
      choiceCatalog(deps.stores.orgs),
      readableUnitIds(request.actor).then((orgIds) =>
        deps.stores.notifications.messages({ orgIds, kinds: ['targeted', 'publication'], offset: 0, limit: HISTORY }),
      ),
      deps.stores.notifications.countActive(),
    ]);
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: PUSH_TEXT.title,
        active: 'push',
        body: (
          <PushPage
            csrfToken={request.csrfToken}
            units={units.map((org) => ({ value: org.id, label: org.name }))}
            options={catalog.options}
            values={values}
            issues={issues}
            preview={preview}
            history={history.items}
            subscribers={counts.email + counts.sms}
            canManageWebhooks={canAnywhere(request.actor, 'settings.manage')}
          />
        ),
      },
      status,
    );
  };

  const requireReader = async (request: FastifyRequest) => {
    if (!canAnywhere(request.actor, 'document.read')) throw new DomainError('forbidden');
  };

  app.get('/admin/push', { preHandler: requireReader }, async (request, reply) => {
    const units = await pushUnits(request.actor);
    return renderPush(
      request,
      reply,
      { orgId: units[0]?.id ?? '', title: '', body: '', link: '', channels: ['email'], choices: noChoices() },
      [],
      200,
    );
  });

  const checked = async (request: FastifyRequest, values: PushFormValues) =>
    checkPush(
      deps.stores.orgs,
      request.actor,
      { ...values, choices: values.choices },
      (await choiceCatalog(deps.stores.orgs)).vocabulary,
    );

  app.post('/admin/push/preview', async (request, reply) => {
    const values = pushValues(formFields(request));
    try {
      const push = await checked(request, values);
      return renderPush(request, reply, values, [], 200, await previewPush(deps.stores.notifications, push));
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderPush(request, reply, values, error.fields, 400);
    }
  });

  app.post('/admin/push/send', async (request, reply) => {
    const values = pushValues(formFields(request));
    try {
      const push = await checked(request, values);
      const { message, recipients } = await sendPush({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        site: await siteOf(deps),
        push,
      });
      setFlash(reply, { kind: 'success', text: PUSH_TEXT.sent(recipients) });
      return seeOther(reply, `/admin/push/${message.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderPush(request, reply, values, error.fields, 400);
    }
  });

  const renderWebhooks = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { label: string; url: string; choices: ReturnType<typeof noChoices> },
    issues: FieldIssue[],
    status: number,
    notice?: string,
  ) => {
    requireGlobalPermission(request.actor, 'settings.manage');
    const catalog = await choiceCatalog(deps.stores.orgs);
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: PUSH_TEXT.webhooksTitle,
        active: 'push',
        body: (
          <WebhooksPage
            csrfToken={request.csrfToken}
            hooks={await deps.stores.notifications.webhooks()}
            values={values}
            options={catalog.options}
            issues={issues}
            notice={notice}
          />
        ),
      },
      status,
    );
  };

  app.get('/admin/push/webhooks', async (request, reply) =>
    renderWebhooks(request, reply, { label: '', url: '', choices: noChoices() }, [], 200),
  );

  app.post('/admin/push/webhooks', async (request, reply) => {
    const fields = formFields(request);
    const values = {
      label: field(fields, 'label').slice(0, 200),
      url: field(fields, 'url').slice(0, 1000),
      choices: postedChoices(fields),
    };
    try {
      const { secret } = await registerWebhook({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        vocabulary: (await choiceCatalog(deps.stores.orgs)).vocabulary,
        input: values,
      });
      // The secret is shown on this answer only, never stored in a page or a redirect.
      return renderWebhooks(
        request,
        reply,
        { label: '', url: '', choices: noChoices() },
        [],
        200,
        PUSH_TEXT.webhookRegistered(secret),
      );
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderWebhooks(request, reply, values, error.fields, 400);
    }
  });

  app.get('/admin/push/:id', async (request, reply) => {
    const parsed = MessageParams.safeParse(request.params);
    const message = parsed.success ? await deps.stores.notifications.message(parsed.data.id) : undefined;
    // A message outside the reader's units does not exist for them.
    const org = message?.orgId ? await deps.stores.orgs.getById(message.orgId) : undefined;
    if (!message || !org || !can(request.actor, 'document.read', org.path)) throw new DomainError('not_found');
    return sendAdminPage(deps, request, reply, {
      title: PUSH_TEXT.reportTitle,
      active: 'push',
      body: (
        <PushReport message={message} report={await deps.stores.notifications.report(message.id)} orgName={org.name} />
      ),
    });
  });
}
