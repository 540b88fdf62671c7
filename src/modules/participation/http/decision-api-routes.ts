import { z } from 'zod';
import { DomainError } from '../../../platform/errors.ts';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { DecisionStores } from '../commands/save-decision.ts';
import { DECISION_METHODS, DECISION_STATUSES } from '../domain/decision.ts';
import { MEETING_KINDS, MEETING_STATES, meetingCounts, SELECTION_METHODS, type Meeting } from '../domain/hearing.ts';
import { decisionDirectory, type DecisionRow } from '../queries/decision-views.ts';
import { publicMeetingsOf } from '../queries/meeting-views.ts';
import type { MeetingStore } from '../ports.ts';
import { meetingPath } from '../views/meeting-paths.ts';
import { consultationPath, reportPath } from '../views/paths.ts';
import { YearQuery } from './decision-routes.tsx';
import { MessageIdParams } from './schemas.ts';

/** What the open API of the decisions directory reads. */
export type DecisionApiDeps = {
  stores: DecisionStores & { meetings: MeetingStore };
  clock: Clock;
  config: { publicUrl: string };
};

const MeetingSummary = z.object({
  id: z.string(),
  kind: z
    .enum(MEETING_KINDS)
    .meta({ description: 'hearing 听证会，symposium 座谈会，argument 论证会，other 其他会议' }),
  title: z.string(),
  state: z.enum(MEETING_STATES.filter((s) => s !== 'draft') as [string, ...string[]]).meta({
    description: 'announced 报名中，closed 报名已截止，held 已举行，minuted 笔录已公布，cancelled 已取消',
  }),
  startsAt: z.string(),
  place: z.string(),
  registrationOpensOn: z.string(),
  registrationClosesOn: z.string(),
  seats: z.number().int(),
  selectionMethod: z.enum(SELECTION_METHODS).meta({ description: 'random 随机抽选，order 按报名顺序' }),
  url: z.string(),
});

const MeetingDetail = MeetingSummary.extend({
  registrants: z.number().int().meta({ description: '报名人数' }),
  selected: z.number().int().meta({ description: '入选参加人数' }),
  attended: z.number().int().meta({ description: '出席人数' }),
  cancelReason: z.string(),
});

const DecisionSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  org: z.string().meta({ description: '决策单位' }),
  methods: z.array(z.enum(DECISION_METHODS)).meta({
    description:
      '公众参与方式：consultation 公开征求意见，hearing 听证会，symposium 座谈会，survey 问卷调查，visit 实地走访，expert 专家论证，risk 风险评估，legal 合法性审查',
  }),
  status: z.enum(DECISION_STATUSES).meta({
    description: 'planned 拟决策，participation 公众参与中，review 审议中，decided 已决策，withdrawn 已调出目录',
  }),
  plannedTime: z.string(),
  decidedOn: z.string().nullable(),
  resultLink: z.string(),
  consultation: z
    .object({ id: z.string(), url: z.string(), adoptionUrl: z.string().nullable() })
    .nullable()
    .meta({ description: '关联的意见征集（已发布的）' }),
  meetings: z.array(MeetingSummary),
});

const DecisionDetail = DecisionSummary.extend({
  summary: z.string(),
  basis: z.string(),
  withdrawnReason: z.string(),
  meetings: z.array(MeetingDetail),
});

/** The directory of major decisions and their public meetings, as the open API reads them. */
export function decisionApiRoutes(ctx: DecisionApiDeps): ApiRoute[] {
  const origin = ctx.config.publicUrl;
  const meetingOf = (m: Meeting) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    state: m.state,
    startsAt: m.startsAt,
    place: m.place,
    registrationOpensOn: m.registrationOpensOn,
    registrationClosesOn: m.registrationClosesOn,
    seats: m.seats,
    selectionMethod: m.selectionMethod,
    url: `${origin}${meetingPath(m.id)}`,
  });
  const decisionOf = (d: DecisionRow) => ({
    id: d.id,
    year: d.year,
    title: d.title,
    org: d.org.name,
    methods: d.methods,
    status: d.status,
    plannedTime: d.plannedTime,
    decidedOn: d.decidedOn,
    resultLink: d.resultLink,
    consultation:
      d.consultationId && d.consultationState !== null && d.consultationState !== 'draft'
        ? {
            id: d.consultationId,
            url: `${origin}${consultationPath(d.consultationId)}`,
            adoptionUrl: d.consultationState === 'completed' ? `${origin}${reportPath(d.consultationId)}` : null,
          }
        : null,
  });
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/decisions',
      summary: '年度重大行政决策事项目录：参与方式、进度、关联的意见征集和公开的听证会、座谈会',
      tag: 'public',
      auth: 'public',
      query: YearQuery,
      response: z.object({ year: z.number().int(), years: z.array(z.number().int()), items: z.array(DecisionSummary) }),
      handler: async ({ query }) => {
        const directory = await decisionDirectory(ctx.stores, { year: query.year, now: ctx.clock.now(), actor: null });
        const meetings = await publicMeetingsOf(
          ctx.stores,
          directory.rows.map((d) => d.id),
        );
        return {
          year: directory.year,
          years: directory.years,
          items: directory.rows.map((d) => ({ ...decisionOf(d), meetings: (meetings.get(d.id) ?? []).map(meetingOf) })),
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/decisions/{id}',
      summary: '一项重大行政决策事项，及其听证会、座谈会的报名、遴选和出席人数',
      tag: 'public',
      auth: 'public',
      params: MessageIdParams,
      response: DecisionDetail,
      handler: async ({ params }) => {
        const decision = await ctx.stores.decisions.get(params.id);
        if (!decision) throw new DomainError('not_found');
        const directory = await decisionDirectory(ctx.stores, {
          year: decision.year,
          now: ctx.clock.now(),
          actor: null,
        });
        const row = directory.rows.find((d) => d.id === decision.id);
        if (!row) throw new DomainError('not_found');
        const meetings = await ctx.stores.meetings.ofDecisions([decision.id], true);
        const detailed = [];
        for (const m of meetings) {
          const counts = meetingCounts(await ctx.stores.meetings.registrations(m.id));
          detailed.push({
            ...meetingOf(m),
            registrants: counts.registrants,
            selected: counts.selected,
            attended: counts.attended,
            cancelReason: m.cancelReason,
          });
        }
        return {
          ...decisionOf(row),
          summary: row.summary,
          basis: row.basis,
          withdrawnReason: row.withdrawnReason,
          meetings: detailed,
        };
      },
    }),
  ];
}
