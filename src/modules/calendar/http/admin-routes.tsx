import { readFile } from 'node:fs/promises';
import { CALENDAR_TEXT } from '../strings.ts';
import type { FastifyInstance } from 'fastify';
import type { CalendarWebDeps } from './deps.ts';
import { chinaDate, chinaDateTime } from '../../../platform/clock.ts';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import { flashOutcome, setFlash } from '../../../platform/http/flash.ts';
import { field, formFields, formFile } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { Csrf } from '../../../platform/web/components.tsx';
import { DateField, FileField, SelectField, TextField } from '../../../platform/web/fields.tsx';
import { requireGlobalPermission } from '../../access/index.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { importHolidayNotice } from '../commands/import-holiday-notice.ts';
import { setCalendarDay, type DayKind } from '../commands/set-calendar-day.ts';

/** The working-day calendar in the back office: years covered, a notice import, and single-day corrections. */
export function registerCalendarAdminRoutes(app: FastifyInstance, ctx: CalendarWebDeps): void {
  app.get('/admin/calendar', async (request, reply) => {
    requireGlobalPermission(request.actor, 'calendar.manage');
    const years = await ctx.stores.calendar.years();
    const thisYear = Number(chinaDate(ctx.clock.now()).slice(0, 4));
    const missing = [thisYear, thisYear + 1].filter((y) => !years.some((c) => c.year === y));
    return sendAdminPage(ctx, request, reply, {
      title: '工作日历',
      active: 'calendar',
      body: (
        <section>
          <h1>工作日历（法定节假日与调休）</h1>
          <p>
            所有以工作日计算的期限（标准目录公开时限、依申请公开答复期限等）都按此日历计算，当日不计入（《民法典》第二百零一条）。
          </p>
          {missing.length > 0 ? (
            <p class="notice notice-warning" role="note">
              {missing.join('、')}
              年的节假日安排尚未导入。落在这些年份的期限暂按周一至周五计算，并在页面上标注。国务院办公厅发布通知后请立即导入。
            </p>
          ) : null}
          <section class="panel">
            <h2>导入年度节假日安排</h2>
            <form method="post" action="/admin/calendar/import" enctype="multipart/form-data" class="form filter-form">
              <Csrf token={request.csrfToken} />
              <FileField
                name="file"
                id="notice"
                label={
                  <>
                    ICS 日历或 JSON 文件（[{'{'}"date": "2027-01-01", "isOffDay": true{'}'}]）
                  </>
                }
                accept=".ics,.json"
                required
              />
              <button type="submit" class="button primary">
                导入
              </button>
            </form>
          </section>
          <section class="panel">
            <h2>调整单日</h2>
            <form method="post" action="/admin/calendar/day" class="form filter-form">
              <Csrf token={request.csrfToken} />
              <DateField name="date" id="day-date" label="日期" required />
              <SelectField
                name="kind"
                id="day-kind"
                label="设为"
                options={[
                  { value: 'off', label: '休息日（节假日）' },
                  { value: 'work', label: '工作日（调休上班）' },
                  { value: 'normal', label: '恢复为普通日' },
                ]}
              />
              <TextField name="name" id="day-name" label="名称" placeholder="如：春节" />
              <button type="submit" class="button">
                保存
              </button>
            </form>
          </section>
          <table class="data-table">
            <caption>已导入的年份</caption>
            <thead>
              <tr>
                <th scope="col">年份</th>
                <th scope="col">休息日</th>
                <th scope="col">调休上班日</th>
                <th scope="col">来源</th>
                <th scope="col">更新时间</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <td>{y.year}</td>
                  <td>{y.offDays}</td>
                  <td>{y.workDays}</td>
                  <td>{y.source}</td>
                  <td class="nowrap">{chinaDateTime(y.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ),
    });
  });

  app.post('/admin/calendar/import', { config: { uploads: true } }, async (request, reply) => {
    const file = formFile(request, 'file');
    try {
      if (!file)
        throw new DomainError('validation_failed', { fields: [{ field: 'file', message: CALENDAR_TEXT.chooseFile }] });
      const summary = await importHolidayNotice({
        uow: ctx.uow,
        clock: ctx.clock,
        actor: request.actor,
        fileName: file.fileName,
        text: await readFile(file.path, 'utf8'),
      });
      await ctx.calendarChanged();
      setFlash(reply, {
        kind: 'success',
        text: CALENDAR_TEXT.imported(summary.coveredYears, summary.extraDays),
      });
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      setFlash(reply, {
        kind: 'error',
        text: [error.message, ...error.fields.slice(0, 10).map((f) => `${f.field}：${f.message}`)].join(' '),
      });
    }
    return seeOther(reply, '/admin/calendar');
  });

  app.post('/admin/calendar/day', async (request, reply) => {
    const fields = formFields(request);
    const kind = field(fields, 'kind');
    await flashOutcome(reply, CALENDAR_TEXT.daySaved, async () => {
      await setCalendarDay({
        uow: ctx.uow,
        clock: ctx.clock,
        actor: request.actor,
        date: field(fields, 'date'),
        kind: (['off', 'work', 'normal'].includes(kind) ? kind : 'normal') as DayKind,
        name: field(fields, 'name'),
      });
      await ctx.calendarChanged();
    });
    return seeOther(reply, '/admin/calendar');
  });
}
