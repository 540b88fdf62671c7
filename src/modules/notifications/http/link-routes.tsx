import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { formFields } from '../../../platform/http/forms.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { loadSubscriber } from '../commands/load-subscriber.ts';
import {
  confirmSubscription,
  eraseSubscriber,
  unsubscribe,
  updatePreferences,
} from '../commands/manage-subscription.ts';
import { subscriberPath } from '../domain/links.ts';
import type { Subscriber } from '../ports.ts';
import { choiceCatalog } from '../queries/choice-catalog.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import { SubscriberPage, UnsubscribePage } from '../views/subscriber-page.tsx';
import { NoticePage } from '../views/subscribe-page.tsx';
import { LinkParams, postedChoices } from './choice-form.ts';
import type { NotificationWebDeps } from './deps.ts';

const crumbs = (last: string): Crumb[] => [
  { label: '首页', href: '/' },
  { label: NOTIFICATION_TEXT.subscribeTitle, href: '/dingyue/' },
  { label: last },
];
const CRUMBS = crumbs(NOTIFICATION_TEXT.manageTitle);

declare module 'fastify' {
  interface FastifyRequest {
    /** The subscriber a signed link names, checked by the group's guard. */
    subscriber?: Subscriber;
  }
}

/**
 * A subscriber's own pages, reached only by the signed link in their mail or SMS: preferences,
 * confirm, unsubscribe, erase. The group's guard checks the link before any handler runs; the link
 * is the proof of the address, so there is no session and no CSRF token (a mail client's one-click
 * unsubscribe, RFC 8058, POSTs here with no cookie at all). Never cached.
 */
export function registerNotificationLinkRoutes(app: FastifyInstance, deps: NotificationWebDeps): void {
  app.decorateRequest('subscriber', undefined);
  app.addHook('preHandler', async (request) => {
    const link = parseInput(LinkParams, request.params);
    request.subscriber = await loadSubscriber(deps.stores, deps.secret, link, deps.clock.now());
  });
  app.setErrorHandler(async (error, request, reply) => {
    if (isDomainError(error) && (error.code === 'link_invalid' || error.code === 'validation_failed')) {
      return notice(request, reply, NOTIFICATION_TEXT.linkInvalid, { status: 404 });
    }
    throw error;
  });

  const linkOf = (request: FastifyRequest) => {
    const params = request.params as { id: string; token: string };
    return { id: params.id, token: params.token };
  };
  const base = (request: FastifyRequest) => {
    const link = linkOf(request);
    return subscriberPath({ id: link.id }, link.token);
  };
  const options = { uow: deps.uow, clock: deps.clock, secret: deps.secret };

  async function notice(
    request: FastifyRequest,
    reply: FastifyReply,
    message: string,
    options: { status?: number; title?: string; manageLink?: boolean } = {},
  ) {
    const title = options.title ?? NOTIFICATION_TEXT.manageTitle;
    return sendPublicPage(
      deps,
      request,
      reply,
      {
        title,
        crumbs: crumbs(title),
        body: (
          <NoticePage title={title} message={message}>
            {options.manageLink ? (
              <p>
                <a href={base(request)}>{NOTIFICATION_TEXT.manageTitle}</a>
              </p>
            ) : null}
          </NoticePage>
        ),
      },
      options.status ?? 200,
    );
  }

  async function showPage(
    request: FastifyRequest,
    reply: FastifyReply,
    subscriber: Subscriber,
    extra: {
      values?: { frequency: string; choices: ReturnType<typeof postedChoices> };
      issues?: FieldIssue[];
      notice?: string;
      status?: number;
    } = {},
  ) {
    const catalog = await choiceCatalog(deps.stores.orgs);
    const values = extra.values ?? {
      frequency: subscriber.frequency,
      choices: await deps.stores.notifications.choicesOf(subscriber.id),
    };
    return sendPublicPage(
      deps,
      request,
      reply,
      {
        title: NOTIFICATION_TEXT.manageTitle,
        crumbs: CRUMBS,
        body: (
          <SubscriberPage
            subscriber={subscriber}
            base={base(request)}
            values={values}
            issues={extra.issues ?? []}
            options={catalog.options}
            notice={extra.notice}
          />
        ),
      },
      extra.status ?? 200,
    );
  }

  const path = '/dingyue/s/:id/:token';
  app.get(path, async (request, reply) => showPage(request, reply, request.subscriber!));

  app.post(`${path}/confirm`, async (request, reply) => {
    const subscriber = await confirmSubscription({ ...options, actor: request.actor, link: linkOf(request) });
    return showPage(request, reply, subscriber, { notice: NOTIFICATION_TEXT.confirmed });
  });

  app.post(`${path}/preferences`, async (request, reply) => {
    const fields = formFields(request);
    const frequencyField = fields.frequency;
    const values = {
      frequency: String((Array.isArray(frequencyField) ? frequencyField[0] : frequencyField) ?? '').slice(0, 20),
      choices: postedChoices(fields),
    };
    const catalog = await choiceCatalog(deps.stores.orgs);
    try {
      const subscriber = await updatePreferences({
        ...options,
        actor: request.actor,
        link: linkOf(request),
        vocabulary: catalog.vocabulary,
        input: values,
      });
      return showPage(request, reply, subscriber, { notice: NOTIFICATION_TEXT.saved });
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return showPage(request, reply, request.subscriber!, { values, issues: error.fields, status: 400 });
    }
  });

  app.get(`${path}/unsubscribe`, async (request, reply) =>
    sendPublicPage(deps, request, reply, {
      title: NOTIFICATION_TEXT.unsubscribeTitle,
      crumbs: crumbs(NOTIFICATION_TEXT.unsubscribeTitle),
      body: <UnsubscribePage subscriber={request.subscriber!} base={base(request)} />,
    }),
  );

  // RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` here; the page's button posts too.
  app.post(`${path}/unsubscribe`, async (request, reply) => {
    await unsubscribe({ ...options, actor: request.actor, link: linkOf(request) });
    return notice(request, reply, NOTIFICATION_TEXT.unsubscribed, {
      title: NOTIFICATION_TEXT.unsubscribeTitle,
      manageLink: true,
    });
  });

  app.post(`${path}/erase`, async (request, reply) => {
    await eraseSubscriber({ ...options, actor: request.actor, link: linkOf(request) });
    return notice(request, reply, NOTIFICATION_TEXT.erased);
  });
}
