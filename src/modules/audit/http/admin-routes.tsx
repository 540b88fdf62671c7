import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditWebDeps } from './deps.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { Pagination } from '../../../platform/web/components.tsx';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { findAuditEntries } from '../queries/find-audit-entries.ts';

const optional = (schema: z.ZodString) => schema.optional().or(z.literal('').transform(() => undefined));
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  // 2026-13-01 has the right shape but is no date; turning it into an instant would throw.
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, '日期不存在，请检查年月日');

const AuditQuery = z.object({
  actor: optional(z.string().max(40)),
  action: optional(z.string().max(60)),
  entityType: optional(z.string().max(40)),
  entityId: optional(z.string().max(40)),
  from: optional(date),
  to: optional(date),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});

/** The audit log viewer: filter by person, action, record and dates; newest first. */
export function registerAuditAdminRoutes(app: FastifyInstance, ctx: AuditWebDeps): void {
  app.get('/admin/audit', async (request, reply) => {
    const query = parseInput(AuditQuery, request.query);
    const pageSize = 50;
    const actorUser = query.actor ? await ctx.stores.users.getByUsername(query.actor.toLowerCase()) : undefined;
    const result = await findAuditEntries({
      audit: ctx.stores.audit,
      actor: request.actor,
      filter: {
        actorId: query.actor ? (actorUser?.id ?? '-') : undefined,
        action: query.action,
        entityType: query.entityType,
        entityId: query.entityId,
        // Dates are China dates; the log stores UTC instants.
        from: query.from ? new Date(`${query.from}T00:00:00+08:00`).toISOString() : undefined,
        to: query.to
          ? new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()
          : undefined,
      },
      page: { offset: (query.page - 1) * pageSize, limit: pageSize },
    });
    const params = new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    );
    return sendAdminPage(ctx, request, reply, {
      title: '审计日志',
      active: 'audit',
      body: (
        <section>
          <h1>审计日志</h1>
          <p class="hint">
            每一项状态变更都记录在此，记录以哈希链相连，任何修改或删除都可由“gongkai audit verify”查出。
          </p>
          <form method="get" action="/admin/audit" class="filter-form">
            <div class="form-row">
              <label for="a-actor">操作人用户名</label>
              <input id="a-actor" name="actor" type="text" value={query.actor ?? ''} />
            </div>
            <div class="form-row">
              <label for="a-action">操作</label>
              <select id="a-action" name="action">
                <option value="">全部</option>
                {Object.entries(ctx.actionLabels).map(([value, label]) => (
                  <option value={value} selected={query.action === value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-row">
              <label for="a-type">对象类型</label>
              <select id="a-type" name="entityType">
                <option value="">全部</option>
                {[
                  ['document', '信息'],
                  ['user', '用户'],
                  ['org', '单位'],
                  ['settings', '设置'],
                  ['api_token', '访问令牌'],
                ].map(([value, label]) => (
                  <option value={value} selected={query.entityType === value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-row">
              <label for="a-from">起始日期</label>
              <input id="a-from" name="from" type="date" value={query.from ?? ''} />
            </div>
            <div class="form-row">
              <label for="a-to">截止日期</label>
              <input id="a-to" name="to" type="date" value={query.to ?? ''} />
            </div>
            {query.entityId ? <input type="hidden" name="entityId" value={query.entityId} /> : null}
            <button type="submit" class="button">
              筛选
            </button>
          </form>
          <table class="data-table audit-table">
            <caption class="visually-hidden">审计记录</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">时间</th>
                <th scope="col">操作人</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">变更内容</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((entry) => (
                <tr>
                  <td>{entry.seq}</td>
                  <td class="nowrap">{chinaDateTime(entry.at)}</td>
                  <td>
                    {entry.actorName}
                    {entry.ip ? <span class="muted"> {entry.ip}</span> : null}
                  </td>
                  <td>{ctx.actionLabels[entry.action] ?? entry.action}</td>
                  <td>
                    {entry.entityType === 'document' && entry.entityId ? (
                      <a href={`/admin/documents/${entry.entityId}`}>{entry.entityId}</a>
                    ) : (
                      `${entry.entityType} ${entry.entityId ?? ''}`
                    )}
                  </td>
                  <td>
                    <ChangeSummary before={entry.before} after={entry.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            page={query.page}
            pageSize={pageSize}
            total={result.total}
            href={(p) => `/admin/audit?${withPage(params, p)}`}
          />
        </section>
      ),
    });
  });
}

function withPage(params: URLSearchParams, page: number): string {
  const copy = new URLSearchParams(params);
  copy.set('page', String(page));
  return copy.toString();
}

/** The fields that changed between before and after, at most a few lines. */
function ChangeSummary(props: { before: unknown; after: unknown }) {
  const before = (props.before ?? {}) as Record<string, unknown>;
  const after = (props.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]) && key !== 'updatedAt',
  );
  if (keys.length === 0) return null;
  return (
    <details>
      <summary>{keys.length} 项</summary>
      <ul class="change-list">
        {keys.slice(0, 20).map((key) => (
          <li>
            <code>{key}</code>：{short(before[key])} → {short(after[key])}
          </li>
        ))}
      </ul>
    </details>
  );
}

function short(value: unknown): string {
  if (value === undefined || value === null) return '（空）';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
