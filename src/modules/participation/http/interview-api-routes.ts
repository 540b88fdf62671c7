import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { interviewView, publicInterviews, type InterviewListItem } from '../queries/interview-views.ts';
import { interviewPath } from '../views/interview-paths.ts';
import type { InterviewWebDeps } from './interview-routes.tsx';
import { InterviewIdParams } from './interview-routes.tsx';

const Guest = z.object({ name: z.string(), title: z.string().meta({ description: '职务' }) });

const InterviewSummary = z.object({
  id: z.string(),
  title: z.string(),
  org: z.string().meta({ description: '主办单位' }),
  state: z.enum(['scheduled', 'live', 'ended', 'cancelled']).meta({
    description: 'scheduled 预告中（征集提问），live 直播中，ended 已结束，cancelled 已取消',
  }),
  startsAt: z.string(),
  endsAt: z.string(),
  guests: z.array(Guest),
  url: z.string(),
});

const InterviewDetail = InterviewSummary.extend({
  summary: z.string(),
  cancelReason: z.string(),
  questions: z
    .array(
      z.object({ id: z.string(), name: z.string(), body: z.string(), answered: z.boolean(), createdAt: z.string() }),
    )
    .meta({ description: '已公开的网友提问' }),
  hiddenQuestions: z.number().int().meta({ description: '未公开的提问数' }),
  transcript: z.array(
    z.object({
      id: z.string(),
      speaker: z.string(),
      body: z.string(),
      questionId: z.string().nullable(),
      saidAt: z.string(),
    }),
  ),
  media: z.array(z.object({ url: z.string(), alt: z.string(), caption: z.string() })),
});

/** Online interviews (在线访谈) as the open API reads them: public data only. */
export function interviewApiRoutes(ctx: InterviewWebDeps & { config: { publicUrl: string } }): ApiRoute[] {
  const origin = ctx.config.publicUrl;
  const summary = (i: InterviewListItem) => ({
    id: i.id,
    title: i.title,
    org: i.orgName,
    state: i.state === 'draft' ? ('scheduled' as const) : i.state,
    startsAt: i.startsAt,
    endsAt: i.endsAt,
    guests: i.guests,
    url: `${origin}${interviewPath(i.id)}`,
  });
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/interviews',
      summary: '在线访谈：直播中、预告和往期（最近100期）',
      tag: 'public',
      auth: 'public',
      response: z.object({ items: z.array(InterviewSummary) }),
      handler: async () => {
        const sections = await publicInterviews(ctx.stores);
        return { items: [...sections.live, ...sections.upcoming, ...sections.past].map(summary) };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/interviews/{id}',
      summary: '一期在线访谈：嘉宾、已公开的网友提问、文字实录和图片',
      tag: 'public',
      auth: 'public',
      params: InterviewIdParams,
      response: InterviewDetail,
      handler: async ({ params }) => {
        const view = await interviewView(ctx.stores, { interviewId: params.id, actor: null });
        const i = view.interview;
        return {
          ...summary({ ...i, orgName: view.org.name }),
          summary: i.summary,
          cancelReason: i.cancelReason,
          questions: view.questions.map((q) => ({
            id: q.id,
            name: q.name,
            body: q.body,
            answered: q.answered,
            createdAt: q.createdAt,
          })),
          hiddenQuestions: view.hiddenCount,
          transcript: view.entries.map((e) => ({
            id: e.id,
            speaker: e.speaker,
            body: e.body,
            questionId: e.questionId,
            saidAt: e.saidAt,
          })),
          media: view.media.map((m) => ({ url: m.url, alt: m.alt, caption: m.caption })),
        };
      },
    }),
  ];
}
