import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { DISPOSITIONS, maskName } from '../domain/comment.ts';
import { MESSAGE_KINDS, RATINGS } from '../domain/message.ts';
import { consultationView, publicConsultations } from '../queries/consultation-views.ts';
import { messageStatistics, publicMessage, publicMessages } from '../queries/message-views.ts';
import { messagePath } from '../views/message-paths.ts';
import { consultationPath, reportPath } from '../views/paths.ts';
import type { ParticipationWebDeps } from './deps.ts';
import type { MessageWebDeps } from './message-deps.ts';
import { ConsultationIdParams, MessageIdParams, PageQuery } from './schemas.ts';

const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const ConsultationSummary = z.object({
  id: z.string(),
  title: z.string(),
  org: z.string().meta({ description: '发起单位' }),
  phase: z.enum(['scheduled', 'open', 'closed', 'completed']).meta({
    description: 'scheduled 即将开始，open 征求意见中，closed 已截止待反馈，completed 已公布采纳情况',
  }),
  opensAt: z.string(),
  closesAt: z.string(),
  comments: z.number().int().meta({ description: '公开的意见条数' }),
  url: z.string(),
});

const ConsultationDetail = ConsultationSummary.extend({
  summary: z.string().meta({ description: '起草说明' }),
  version: z.number().int(),
  paragraphs: z.array(z.string()).meta({ description: '当前版本的草案正文，按段' }),
  hiddenComments: z.number().int().meta({ description: '因违反留言规则未公开的意见条数' }),
  adoption: z
    .object({
      counts: z.object(
        Object.fromEntries(DISPOSITIONS.map((d) => [d, z.number().int()])) as Record<
          (typeof DISPOSITIONS)[number],
          z.ZodNumber
        >,
      ),
      finalLink: z.string().nullable(),
      url: z.string(),
    })
    .nullable()
    .meta({ description: '意见采纳情况（公布后）：adopted 采纳，partly 部分采纳，rejected 未采纳' }),
});

const MessageSummary = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS).meta({ description: 'consult 咨询，suggest 建议，complain 投诉，help 求助' }),
  title: z.string(),
  name: z.string().meta({ description: '留言人（隐去名字）' }),
  org: z.string().meta({ description: '答复单位' }),
  receivedOn: z.string(),
  answeredOn: z.string(),
  url: z.string(),
});

const MessageDetail = MessageSummary.extend({
  body: z.string(),
  answer: z.string(),
  rating: z
    .enum(RATINGS)
    .nullable()
    .meta({ description: '留言人评价：satisfied 满意，fair 基本满意，unsatisfied 不满意' }),
});

const Stats = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  averageWorkingDaysToAnswer: z.number().nullable(),
});

/** 互动交流 as the open API reads it: consultations with their adoption, published messages, statistics. */
export function participationApiRoutes(
  ctx: ParticipationWebDeps & MessageWebDeps & { config: { publicUrl: string } },
): ApiRoute[] {
  const origin = ctx.config.publicUrl;
  const pageSize = 20;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/consultations',
      summary: '公开征求意见的草案，最新开始的在前（每页20条）',
      tag: 'public',
      auth: 'public',
      query: PageQuery,
      response: Page(ConsultationSummary),
      handler: async ({ query }) => {
        const { items, total } = await publicConsultations(ctx.stores, { now: ctx.clock.now(), page: query.page });
        return {
          items: items.map((c) => ({
            id: c.id,
            title: c.title,
            org: c.orgName,
            phase: c.phase === 'draft' ? 'scheduled' : c.phase,
            opensAt: c.opensAt,
            closesAt: c.closesAt,
            comments: c.shownComments,
            url: `${origin}${consultationPath(c.id)}`,
          })),
          total,
          page: query.page,
          pageSize,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/consultations/{id}',
      summary: '一次征求意见：草案正文、意见数和公布后的意见采纳情况',
      tag: 'public',
      auth: 'public',
      params: ConsultationIdParams,
      response: ConsultationDetail,
      handler: async ({ params }) => {
        const view = await consultationView(ctx.stores, {
          consultationId: params.id,
          actor: null,
          now: ctx.clock.now(),
        });
        const c = view.consultation;
        return {
          id: c.id,
          title: c.title,
          org: view.orgName,
          phase: view.phase === 'draft' ? 'scheduled' : view.phase,
          opensAt: c.opensAt,
          closesAt: c.closesAt,
          comments: view.report.received - view.report.hidden,
          url: `${origin}${consultationPath(c.id)}`,
          summary: c.summary,
          version: c.version,
          paragraphs: view.version.paragraphs,
          hiddenComments: view.report.hidden,
          adoption:
            view.phase === 'completed'
              ? { counts: view.report.counts, finalLink: c.finalLink, url: `${origin}${reportPath(c.id)}` }
              : null,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/messages',
      summary: '已公开的政民互动留言及答复，最新答复的在前（每页20条）',
      tag: 'public',
      auth: 'public',
      query: PageQuery,
      response: Page(MessageSummary),
      handler: async ({ query }) => {
        const { items, total } = await publicMessages(ctx.stores, query.page);
        return {
          items: items.map((m) => ({
            id: m.id,
            kind: m.kind,
            title: m.title,
            name: maskName(m.name),
            org: m.orgName,
            receivedOn: m.receivedOn,
            answeredOn: m.answeredOn ?? '',
            url: `${origin}${messagePath(m.id)}`,
          })),
          total,
          page: query.page,
          pageSize,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/messages/{id}',
      summary: '一条已公开的留言及其答复',
      tag: 'public',
      auth: 'public',
      params: MessageIdParams,
      response: MessageDetail,
      handler: async ({ params }) => {
        const m = await publicMessage(ctx.stores, params.id);
        return {
          id: m.id,
          kind: m.kind,
          title: m.title,
          name: maskName(m.name),
          org: m.orgName,
          receivedOn: m.receivedOn,
          answeredOn: m.answeredOn ?? '',
          url: `${origin}${messagePath(m.id)}`,
          body: m.body,
          answer: m.answer,
          rating: m.rating,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/messages/statistics',
      summary: '近12个月各单位留言办理情况：收到、已答复、按期答复、平均答复用时（工作日）',
      tag: 'public',
      auth: 'public',
      response: z.object({
        since: z.string(),
        limitWorkingDays: z.number().int(),
        total: Stats,
        units: z.array(Stats.extend({ code: z.string(), name: z.string() })),
      }),
      handler: async () => {
        const stats = await messageStatistics(ctx.stores, {
          now: ctx.clock.now(),
          calendar: await ctx.calendarCache.get(),
          limitWorkingDays: ctx.config.messageReplyDays,
        });
        const strip = (s: (typeof stats)['total']) => ({
          received: s.received,
          answered: s.answered,
          answeredOnTime: s.answeredOnTime,
          averageWorkingDaysToAnswer: s.averageWorkingDaysToAnswer,
        });
        return {
          since: stats.since,
          limitWorkingDays: ctx.config.messageReplyDays,
          total: strip(stats.total),
          units: stats.units.map((u) => ({ code: u.org.code, name: u.org.name, ...strip(u) })),
        };
      },
    }),
  ];
}
