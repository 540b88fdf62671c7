import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { loadSubscriber } from '../commands/load-subscriber.ts';
import { eraseSubscriber, unsubscribe, updatePreferences } from '../commands/manage-subscription.ts';
import { sendSmsCode, subscribe } from '../commands/subscribe.ts';
import { maskAddress } from '../domain/address.ts';
import { CHANNELS, CHOICE_KINDS, describeChoices, FREQUENCIES } from '../domain/choices.ts';
import { choiceCatalog } from '../queries/choice-catalog.ts';
import { LinkParams, siteOf } from './choice-form.ts';
import type { NotificationWebDeps } from './deps.ts';

const ChoicesBody = z
  .object(
    Object.fromEntries(CHOICE_KINDS.map((kind) => [kind, z.array(z.string().max(40)).max(30).optional()])) as Record<
      (typeof CHOICE_KINDS)[number],
      z.ZodOptional<z.ZodArray<z.ZodString>>
    >,
  )
  .meta({
    description:
      '所选内容：org 单位编号、field 试点领域代码、topic 主题分类、audience 服务对象、policy 政策标签（取值见 /api/v1/subscriptions/options）；各类之间为“且”，同类多选为“或”，不选即不限',
  });

const ChoicesView = z.object(
  Object.fromEntries(CHOICE_KINDS.map((kind) => [kind, z.array(z.string())])) as Record<
    (typeof CHOICE_KINDS)[number],
    z.ZodArray<z.ZodString>
  >,
);

const SubscribeBody = z.object({
  channel: z
    .enum(['email', 'sms'])
    .meta({ description: 'email：电子邮件（需点击确认邮件中的链接）；sms：手机短信（需短信验证码）' }),
  address: z.string().max(320).meta({ description: '电子邮箱或11位手机号码' }),
  frequency: z.enum(FREQUENCIES).default('immediate'),
  code: z.string().max(12).optional().meta({ description: '短信验证码（channel 为 sms 时必填）' }),
  choices: ChoicesBody,
});

const SubscriberView = z
  .object({
    channel: z.enum(CHANNELS),
    address: z.string().meta({ description: '部分隐藏的邮箱或手机号' }),
    state: z.enum(['pending', 'active', 'unsubscribed']),
    frequency: z.enum(FREQUENCIES),
    choices: ChoicesView,
  })
  .meta({ id: 'Subscription' });

const TokenQuery = z.object({ token: z.string().max(80).meta({ description: '推送邮件或短信中链接所带的签名' }) });

/**
 * Subscriptions through the open API, for the provincial app and other clients: the same rules as
 * the form (double opt-in by e-mail, a code by SMS) and the same signed links for a subscriber's own
 * reads and changes.
 */
export function notificationApiRoutes(deps: NotificationWebDeps): ApiRoute[] {
  const link = (params: { id: string }, query: { token: string }) =>
    LinkParams.safeParse({ id: params.id, token: query.token }).success
      ? { id: params.id, token: query.token }
      : { id: params.id, token: 'x' };
  const viewOf = async (id: string) => {
    const subscriber = (await deps.stores.notifications.subscriber(id))!;
    return {
      channel: subscriber.channel,
      address: maskAddress(subscriber.channel, subscriber.address),
      state: subscriber.state,
      frequency: subscriber.frequency,
      choices: await deps.stores.notifications.choicesOf(id),
    };
  };
  const IdParams = z.object({ id: z.string().max(40) });
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/subscriptions/options',
      summary: '订阅推送：可以订阅的单位、试点领域、主题分类、服务对象和政策标签',
      tag: 'public',
      auth: 'public',
      response: z.object(
        Object.fromEntries(
          CHOICE_KINDS.map((kind) => [kind, z.array(z.object({ value: z.string(), label: z.string() }))]),
        ) as Record<(typeof CHOICE_KINDS)[number], z.ZodArray<z.ZodObject<{ value: z.ZodString; label: z.ZodString }>>>,
      ),
      handler: async () => {
        const catalog = await choiceCatalog(deps.stores.orgs);
        const all = Object.fromEntries(
          CHOICE_KINDS.map((kind) => [
            kind,
            catalog.vocabulary[kind].map((value) => ({ value, label: catalog.nameOf(kind, value) })),
          ]),
        );
        return all as never;
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/subscriptions',
      summary: '订阅推送：电子邮件订阅后发送确认邮件（确认前不推送）；手机短信凭验证码直接生效',
      tag: 'public',
      auth: 'public',
      rateLimit: { max: 20, timeWindow: '10 minutes' },
      body: SubscribeBody,
      successStatus: 202,
      response: z.object({
        status: z.enum(['confirmation_sent', 'active']).meta({ description: '已发送确认邮件 / 已生效' }),
      }),
      handler: async ({ body, request }) => {
        const catalog = await choiceCatalog(deps.stores.orgs);
        const result = await subscribe({
          uow: deps.uow,
          clock: deps.clock,
          actor: request.actor,
          site: await siteOf(deps),
          vocabulary: catalog.vocabulary,
          describe: async (choices) => describeChoices(choices, catalog.nameOf),
          input: { ...body, choices: body.choices },
        });
        return { status: result.channel === 'email' ? ('confirmation_sent' as const) : ('active' as const) };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/subscriptions/sms-codes',
      summary: '订阅推送：向手机发送6位验证码（10分钟内有效，每分钟最多1次）',
      tag: 'public',
      auth: 'public',
      rateLimit: { max: 10, timeWindow: '10 minutes' },
      body: z.object({ phone: z.string().max(30) }),
      successStatus: 202,
      response: z.object({ sentTo: z.string().meta({ description: '部分隐藏的手机号' }) }),
      handler: async ({ body }) => {
        const phone = await sendSmsCode({
          uow: deps.uow,
          clock: deps.clock,
          site: await siteOf(deps),
          phone: body.phone,
        });
        return { sentTo: maskAddress('sms', phone) };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/subscriptions/{id}',
      summary: '订阅推送：订阅者查看自己的订阅（凭推送中链接的签名）',
      tag: 'public',
      auth: 'public',
      params: IdParams,
      query: TokenQuery,
      response: SubscriberView,
      handler: async ({ params, query }) => {
        const subscriber = await loadSubscriber(deps.stores, deps.secret, link(params, query), deps.clock.now());
        return viewOf(subscriber.id);
      },
    }),
    apiRoute({
      method: 'PUT',
      path: '/api/v1/subscriptions/{id}',
      summary: '订阅推送：修改订阅内容和频率（同时确认或恢复订阅）',
      tag: 'public',
      auth: 'public',
      params: IdParams,
      query: TokenQuery,
      body: z.object({ frequency: z.enum(FREQUENCIES), choices: ChoicesBody }),
      response: SubscriberView,
      handler: async ({ params, query, body, request }) => {
        const catalog = await choiceCatalog(deps.stores.orgs);
        const subscriber = await updatePreferences({
          uow: deps.uow,
          clock: deps.clock,
          secret: deps.secret,
          actor: request.actor,
          link: link(params, query),
          vocabulary: catalog.vocabulary,
          input: body,
        });
        return viewOf(subscriber.id);
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/subscriptions/{id}/unsubscribe',
      summary: '订阅推送：退订（不再推送，保留设置以便恢复）',
      tag: 'public',
      auth: 'public',
      params: IdParams,
      query: TokenQuery,
      response: SubscriberView,
      handler: async ({ params, query, request }) => {
        const subscriber = await unsubscribe({
          uow: deps.uow,
          clock: deps.clock,
          secret: deps.secret,
          actor: request.actor,
          link: link(params, query),
        });
        return viewOf(subscriber.id);
      },
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/subscriptions/{id}',
      summary: '订阅推送：删除订阅和联系方式',
      tag: 'public',
      auth: 'public',
      params: IdParams,
      query: TokenQuery,
      successStatus: 204,
      response: z.null(),
      handler: async ({ params, query, request }) => {
        await eraseSubscriber({
          uow: deps.uow,
          clock: deps.clock,
          secret: deps.secret,
          actor: request.actor,
          link: link(params, query),
        });
        return null;
      },
    }),
  ];
}
