import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { publicSurveys, surveyResults, SURVEY_PAGE_SIZE } from '../queries/survey-views.ts';
import { surveyPath, surveyResultsPath } from '../views/survey-paths.ts';
import type { SurveyWebDeps } from './deps.ts';
import { PageQuery } from './schemas.ts';
import { SurveyIdParams } from './survey-schemas.ts';

const SurveySummary = z.object({
  id: z.string(),
  title: z.string(),
  org: z.string().meta({ description: '发起单位' }),
  phase: z.enum(['upcoming', 'open', 'closed']).meta({ description: 'upcoming 即将开始，open 进行中，closed 已结束' }),
  opensAt: z.string(),
  closesAt: z.string(),
  limit: z.enum(['one_per_person', 'per_device']).meta({
    description: 'one_per_person 每人限答一次（验证电子邮箱或手机号码），per_device 每台设备限答一次',
  }),
  url: z.string(),
  resultsUrl: z.string(),
});

const Row = z.object({ label: z.string(), count: z.number().int(), percent: z.string() });

const QuestionResult = z.object({
  number: z.number().int(),
  kind: z.enum(['single', 'multiple', 'text', 'scale']).meta({
    description: 'single 单选，multiple 多选，text 填空，scale 打分',
  }),
  title: z.string(),
  respondents: z.number().int().meta({ description: '回答了这一题的人数' }),
  rows: z.array(Row).meta({ description: '各选项或分值的人数和占比（填空题为空）' }),
  mean: z.number().nullable().meta({ description: '打分题的平均分（其他题为 null）' }),
  texts: z.array(z.string()).meta({ description: '填空题收到的回答，最早的在前' }),
});

const SurveyDetail = SurveySummary.extend({
  description: z.string(),
  respondents: z.number().int().meta({ description: '答卷份数' }),
  questions: z.array(QuestionResult),
});

/** 网络调查 as the open API reads it: the public list and each survey's results, counted from the stored answers. */
export function surveyApiRoutes(ctx: SurveyWebDeps & { config: { publicUrl: string } }): ApiRoute[] {
  const origin = ctx.config.publicUrl;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/surveys',
      summary: '网络调查，最新开始的在前（每页20条）',
      tag: 'public',
      auth: 'public',
      query: PageQuery,
      response: z.object({
        items: z.array(SurveySummary),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      handler: async ({ query }) => {
        const { items, total } = await publicSurveys(ctx.stores, { now: ctx.clock.now(), page: query.page });
        return {
          items: items.map((s) => ({
            id: s.id,
            title: s.title,
            org: s.orgName,
            phase: s.phase === 'draft' ? 'upcoming' : s.phase,
            opensAt: s.opensAt,
            closesAt: s.closesAt,
            limit: s.limit.kind,
            url: `${origin}${surveyPath(s.id)}`,
            resultsUrl: `${origin}${surveyResultsPath(s.id)}`,
          })),
          total,
          page: query.page,
          pageSize: SURVEY_PAGE_SIZE,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/surveys/{id}',
      summary: '一次网络调查及其结果：各题各选项的人数、占比和填空回答',
      tag: 'public',
      auth: 'public',
      params: SurveyIdParams,
      response: SurveyDetail,
      handler: async ({ params }) => {
        const results = await surveyResults(ctx.stores, { surveyId: params.id, now: ctx.clock.now() });
        const s = results.survey;
        return {
          id: s.id,
          title: s.title,
          org: results.orgName,
          phase: results.phase === 'draft' ? 'upcoming' : results.phase,
          opensAt: s.opensAt,
          closesAt: s.closesAt,
          limit: s.limit.kind,
          url: `${origin}${surveyPath(s.id)}`,
          resultsUrl: `${origin}${surveyResultsPath(s.id)}`,
          description: s.description,
          respondents: results.tally.respondents,
          questions: results.questions.map((q) => ({
            number: q.number,
            kind: q.question.kind,
            title: q.question.title,
            respondents: q.tally.respondents,
            rows: q.rows,
            mean: q.tally.kind === 'scale' ? q.tally.mean : null,
            texts: q.texts,
          })),
        };
      },
    }),
  ];
}
