import { chinaDateTime } from '../../../platform/clock.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import { DISCLOSURE_LEVEL_LABELS, DISCLOSURE_LEVELS } from '../../../reference/disclosure-levels.ts';
import type { Org } from '../../orgs/index.ts';
import { formatLegalBasis, formatMode, formatTimeLimit, formatLevels } from '../domain/cell-text.ts';
import { CHANNELS, FIVE_OPEN, fieldName, type CatalogEntry, type LocalField } from '../domain/entry.ts';
import { TIMELINESS_LABELS } from '../domain/timeliness.ts';
import { VERSION_STATE_LABELS, type CatalogDiff, type CatalogVersion } from '../domain/version.ts';
import type { EntryFormValues } from '../http/entry-form.ts';
import type { CatalogWorkspace } from '../queries/catalog-views.ts';
import type { TimelinessReport } from '../queries/timeliness-report.ts';

/** Units in the reader's scope with the state of their catalogs; the review queue on top. */
export function CatalogIndex(props: {
  rows: { org: Org; published: CatalogVersion | undefined; working: CatalogVersion | undefined }[];
  queue: { org: Org; version: CatalogVersion }[];
  /** Late documents per unit with a published catalog. */
  late: Map<string, number>;
  localFields: LocalField[];
  canAddFields: boolean;
  csrfToken: string;
}) {
  return (
    <section>
      <h1>标准目录</h1>
      {props.queue.length > 0 ? (
        <section class="panel">
          <h2>待审核的目录（{props.queue.length}）</h2>
          <ul>
            {props.queue.map(({ org, version }) => (
              <li>
                <a href={`/admin/catalogs/${org.code}`}>{org.name}</a> 第{version.number}版，提交于{' '}
                {version.submittedAt ? chinaDateTime(version.submittedAt) : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table class="data-table">
        <caption class="visually-hidden">各单位标准目录</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">已发布版本</th>
            <th scope="col">正在编制</th>
            <th scope="col">时限报告</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ org, published, working }) => (
            <tr>
              <td>
                {'　'.repeat(org.depth)}
                <a href={`/admin/catalogs/${org.code}`}>{org.name}</a>
              </td>
              <td>
                {published
                  ? `第${published.number}版（${published.publishedAt ? chinaDateTime(published.publishedAt).slice(0, 10) : ''}）`
                  : '—'}
              </td>
              <td>{working ? `第${working.number}版 ${VERSION_STATE_LABELS[working.state]}` : '—'}</td>
              <td>
                {published ? (
                  <a href={`/admin/catalogs/${org.code}/timeliness`}>
                    {(props.late.get(org.id) ?? 0) > 0 ? `逾期 ${props.late.get(org.id)} 条` : '无逾期'}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="panel">
        <h2>本区增设领域</h2>
        {props.localFields.length === 0 ? <p class="empty">除26个试点领域外，尚未增设本区领域。</p> : null}
        <ul>
          {props.localFields.map((f) => (
            <li>
              {f.code} {f.name}
            </li>
          ))}
        </ul>
        {props.canAddFields ? (
          <form method="post" action="/admin/catalog-fields" class="form filter-form">
            <Csrf token={props.csrfToken} />
            <div class="form-row">
              <label for="local-field">领域名称</label>
              <input id="local-field" name="name" type="text" required />
            </div>
            <button type="submit" class="button">
              增设领域
            </button>
          </form>
        ) : null}
      </section>
    </section>
  );
}

function fieldLabel(code: string, localFields: LocalField[]): string {
  return `${code} ${fieldName(code, localFields) ?? ''}`;
}

/** A unit's catalog in the back office: the version in progress with its actions, or the published one. */
export function CatalogWorkspacePage(props: {
  workspace: CatalogWorkspace;
  csrfToken: string;
  templateFields: string[];
}) {
  const { org, working, workingEntries, published, publishedEntries, diff, localFields, canEdit, canApprove } =
    props.workspace;
  const editable = working !== undefined && (working.state === 'draft' || working.state === 'returned') && canEdit;
  const reviewing = working?.state === 'submitted' && canApprove;
  const shown = working ? workingEntries : publishedEntries;
  return (
    <section>
      <div class="page-head">
        <h1>{org.name} 标准目录</h1>
        {working ? (
          <span class={`tag state-${working.state === 'returned' ? 'rejected' : working.state}`}>
            第{working.number}版 {VERSION_STATE_LABELS[working.state]}
          </span>
        ) : null}
      </div>
      <p>
        {published ? (
          <span>
            已发布：第{published.number}版，{published.publishedAt ? chinaDateTime(published.publishedAt) : ''}　
            <a href={`/xxgk/bzml/${org.code}`}>公众页面</a>　
            <a href={`/admin/catalogs/${org.code}/timeliness`}>公开时限报告</a>
          </span>
        ) : (
          '尚未发布标准目录。'
        )}
      </p>
      {working?.state === 'returned' && working.reviewComment ? (
        <p class="notice notice-warning" role="note">
          区政府办公室退回意见：{working.reviewComment}
        </p>
      ) : null}
      {working?.state === 'submitted' && !canApprove ? (
        <p class="notice">已提交区政府办公室审核，审核期间不能修改。</p>
      ) : null}

      {!working && canEdit ? (
        <form method="post" action={`/admin/catalogs/${org.code}/start`} class="action-form">
          <Csrf token={props.csrfToken} />
          <button type="submit" class="button primary">
            {published ? '调整目录（创建新版本）' : '开始编制标准目录'}
          </button>
        </form>
      ) : null}

      {editable && working ? (
        <EditTools
          org={org}
          version={working}
          csrfToken={props.csrfToken}
          templateFields={props.templateFields}
          localFields={localFields}
        />
      ) : null}

      {reviewing && working ? (
        <form method="post" action={`/admin/catalogs/${org.code}/review`} class="form">
          <Csrf token={props.csrfToken} />
          <input type="hidden" name="versionId" value={working.id} />
          <EntriesTable entries={shown} localFields={localFields} orgCode={org.code} editable={false} commentable />
          <div class="form-row wide">
            <label for="comment">总体意见（退回时填写）</label>
            <textarea id="comment" name="comment" rows={3} />
          </div>
          <div class="form-actions">
            <button type="submit" name="decision" value="approve" class="button primary">
              审核通过并发布
            </button>
            <button type="submit" name="decision" value="return" class="button danger">
              退回修改
            </button>
          </div>
        </form>
      ) : (
        <EntriesTable
          entries={shown}
          localFields={localFields}
          orgCode={org.code}
          editable={editable}
          commentable={false}
          csrfToken={props.csrfToken}
        />
      )}

      {working ? <NegativeList workspace={props.workspace} editable={editable} csrfToken={props.csrfToken} /> : null}
      {diff && published ? (
        <DiffSummary diff={diff} title={`与已发布的第${published.number}版相比`} localFields={localFields} />
      ) : null}
    </section>
  );
}

function EditTools(props: {
  org: Org;
  version: CatalogVersion;
  csrfToken: string;
  templateFields: string[];
  localFields: LocalField[];
}) {
  const base = `/admin/catalogs/${props.org.code}`;
  return (
    <section class="panel">
      <h2>编制</h2>
      <div class="action-row">
        <a class="button primary" href={`${base}/entries/new`}>
          新增事项
        </a>
        <form method="post" action={`${base}/template`} class="action-form">
          <Csrf token={props.csrfToken} />
          <label for="template-field">导入领域标准模板</label>
          <select id="template-field" name="fieldCode">
            {props.templateFields.map((code) => (
              <option value={code}>{fieldLabel(code, props.localFields)}</option>
            ))}
          </select>
          <button type="submit" class="button">
            导入模板
          </button>
        </form>
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="action-form">
          <Csrf token={props.csrfToken} />
          <label for="sheet">导入 Excel 目录（每个领域一个工作表，将替换该领域的事项）</label>
          <input id="sheet" name="file" type="file" accept=".xlsx" required />
          <button type="submit" class="button">
            导入
          </button>
        </form>
        <a class="button" href={`${base}/export.xlsx`}>
          导出 Excel
        </a>
        <form method="post" action={`${base}/submit`} class="action-form">
          <Csrf token={props.csrfToken} />
          <input type="hidden" name="versionId" value={props.version.id} />
          <button type="submit" class="button primary">
            提交区政府办公室审核
          </button>
        </form>
      </div>
    </section>
  );
}

/** The entries grouped by field. Review mode adds a comment box per entry. */
export function EntriesTable(props: {
  entries: CatalogEntry[];
  localFields: LocalField[];
  orgCode: string;
  editable: boolean;
  commentable: boolean;
  csrfToken?: string;
}) {
  if (props.entries.length === 0)
    return <p class="empty">目录中还没有事项。可导入领域标准模板或 Excel 目录，或逐条新增。</p>;
  const codes = [...new Set(props.entries.map((e) => e.fieldCode))].sort();
  return (
    <div>
      {codes.map((code) => (
        <section class="panel">
          <h2>{fieldLabel(code, props.localFields)}</h2>
          <div class="table-scroll">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">一级事项</th>
                  <th scope="col">二级事项</th>
                  <th scope="col">公开内容(要素)</th>
                  <th scope="col">公开依据</th>
                  <th scope="col">公开时限</th>
                  <th scope="col">公开方式</th>
                  <th scope="col">公开层级</th>
                  <th scope="col">{props.commentable ? '审核意见' : '操作'}</th>
                </tr>
              </thead>
              <tbody>
                {props.entries
                  .filter((e) => e.fieldCode === code)
                  .map((entry) => (
                    <tr id={`entry-${entry.id}`}>
                      <td>{entry.itemL1}</td>
                      <td>{entry.itemL2}</td>
                      <td class="pre">{entry.contentElements.join('\n')}</td>
                      <td class="pre small">{formatLegalBasis(entry.legalBasis)}</td>
                      <td>{formatTimeLimit(entry.timeLimit)}</td>
                      <td>{formatMode(entry.mode)}</td>
                      <td>{formatLevels(entry.levels)}</td>
                      <td>
                        {props.commentable ? (
                          <span>
                            <label for={`comment-${entry.id}`} class="visually-hidden">
                              对“{entry.itemL1} {entry.itemL2}”的意见
                            </label>
                            <textarea id={`comment-${entry.id}`} name={`comment-${entry.id}`} rows={2} />
                          </span>
                        ) : (
                          <span>
                            {entry.reviewComment ? <p class="field-error">审核意见：{entry.reviewComment}</p> : null}
                            {props.editable ? (
                              <span>
                                <a href={`/admin/catalog-entries/${entry.id}/edit`}>编辑</a>
                                <form method="post" action={`/admin/catalog-entries/${entry.id}/delete`} class="inline">
                                  <Csrf token={props.csrfToken ?? ''} />
                                  <button type="submit" class="link-button danger">
                                    删除
                                  </button>
                                </form>
                              </span>
                            ) : null}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

function NegativeList(props: { workspace: CatalogWorkspace; editable: boolean; csrfToken: string }) {
  const { workingNegative, org } = props.workspace;
  return (
    <section class="panel">
      <h2>不予公开事项清单</h2>
      {workingNegative.length === 0 ? <p class="empty">暂无。</p> : null}
      <ul>
        {workingNegative.map((item) => (
          <li>
            {item.item}（{formatLegalBasis(item.legalBasis).replace(/\n/g, '；')}）{item.note ? `　${item.note}` : ''}
            {props.editable ? (
              <form method="post" action={`/admin/catalogs/${org.code}/negative/${item.id}/delete`} class="inline">
                <Csrf token={props.csrfToken} />
                <button type="submit" class="link-button danger">
                  删除
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {props.editable ? (
        <form method="post" action={`/admin/catalogs/${org.code}/negative`} class="form filter-form">
          <Csrf token={props.csrfToken} />
          <div class="form-row">
            <label for="neg-item">事项</label>
            <input id="neg-item" name="item" type="text" required />
          </div>
          <div class="form-row">
            <label for="neg-basis">依据（如：【行政法规】《中华人民共和国政府信息公开条例》第十四条）</label>
            <input id="neg-basis" name="legalBasis" type="text" required />
          </div>
          <div class="form-row">
            <label for="neg-note">说明</label>
            <input id="neg-note" name="note" type="text" />
          </div>
          <button type="submit" class="button">
            加入清单
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Added, removed and changed entries, element by element. */
export function DiffSummary(props: { diff: CatalogDiff; title: string; localFields: LocalField[] }) {
  const { diff } = props;
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <section class="panel">
      <h2>{props.title}</h2>
      {none ? <p>没有变化。</p> : null}
      {diff.added.length > 0 ? (
        <div>
          <h3>新增事项（{diff.added.length}）</h3>
          <ul>
            {diff.added.map((e) => (
              <li>
                {fieldLabel(e.fieldCode, props.localFields)}：{e.itemL1} {e.itemL2}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.removed.length > 0 ? (
        <div>
          <h3>删除事项（{diff.removed.length}）</h3>
          <ul>
            {diff.removed.map((e) => (
              <li>
                {fieldLabel(e.fieldCode, props.localFields)}：{e.itemL1} {e.itemL2}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.changed.length > 0 ? (
        <div>
          <h3>修改事项（{diff.changed.length}）</h3>
          <ul>
            {diff.changed.map((c) => (
              <li>
                {c.after.itemL1} {c.after.itemL2}
                <ul>
                  {c.changes.map((change) => (
                    <li>
                      {change.label}：<del>{change.before || '（空）'}</del> → <ins>{change.after || '（空）'}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** The form for one entry with all ten elements. */
export function EntryForm(props: {
  action: string;
  heading: string;
  csrfToken: string;
  values: EntryFormValues;
  issues: FieldIssue[];
  localFields: LocalField[];
  cancelHref: string;
  reviewComment?: string | null;
}) {
  const v = props.values;
  const check = (name: string, value: string, label: string, checked: boolean) => (
    <div class="checkbox">
      <input id={`${name}-${value}`} type="checkbox" name={name} value={value} checked={checked} />
      <label for={`${name}-${value}`}>{label}</label>
    </div>
  );
  return (
    <section>
      <h1>{props.heading}</h1>
      {props.reviewComment ? (
        <p class="notice notice-warning" role="note">
          审核意见：{props.reviewComment}
        </p>
      ) : null}
      <ErrorSummary issues={props.issues} />
      <form method="post" action={props.action} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <div class="form-grid">
          <div class="form-row">
            <label for="fieldCode">所属领域</label>
            <select id="fieldCode" name="fieldCode">
              <option value="">请选择</option>
              {[...PILOT_FIELDS, ...props.localFields].map((f) => (
                <option value={f.code} selected={v.fieldCode === f.code}>
                  {f.code} {f.name}
                </option>
              ))}
            </select>
            <FieldError issues={props.issues} field="fieldCode" />
          </div>
          <div class="form-row">
            <label for="itemL1">一级事项</label>
            <input id="itemL1" name="itemL1" type="text" value={v.itemL1} />
            <FieldError issues={props.issues} field="itemL1" />
          </div>
          <div class="form-row">
            <label for="itemL2">二级事项</label>
            <input id="itemL2" name="itemL2" type="text" value={v.itemL2} />
            <FieldError issues={props.issues} field="itemL2" />
          </div>
          <div class="form-row">
            <label for="publisher">公开主体</label>
            <input id="publisher" name="publisher" type="text" value={v.publisher} />
            <FieldError issues={props.issues} field="publisher" />
          </div>
        </div>
        <div class="form-row wide">
          <label for="contentElements">公开内容（要素），每行一项</label>
          <textarea id="contentElements" name="contentElements" rows={5}>
            {v.contentElements}
          </textarea>
          <FieldError issues={props.issues} field="contentElements" />
        </div>
        <div class="form-row wide">
          <label for="legalBasis">公开依据，每行一项，如：【法律】《中华人民共和国预算法》第十四条</label>
          <textarea id="legalBasis" name="legalBasis" rows={4}>
            {v.legalBasis}
          </textarea>
          <FieldError issues={props.issues} field="legalBasis" />
        </div>
        <fieldset class="form-row wide">
          <legend>公开时限</legend>
          <div class="checkbox">
            <input
              id="tl-days"
              type="radio"
              name="timeLimitKind"
              value="working_days"
              checked={v.timeLimitKind === 'working_days'}
            />
            <label for="tl-days">信息形成或者变更之日起</label>
            <label for="timeLimitDays" class="visually-hidden">
              工作日数
            </label>
            <input
              id="timeLimitDays"
              name="timeLimitDays"
              type="number"
              min={1}
              max={365}
              value={v.timeLimitDays}
              class="narrow"
            />
            <span>个工作日内</span>
          </div>
          <div class="checkbox">
            <input
              id="tl-realtime"
              type="radio"
              name="timeLimitKind"
              value="realtime"
              checked={v.timeLimitKind === 'realtime'}
            />
            <label for="tl-realtime">实时公开</label>
          </div>
          <div class="checkbox">
            <input
              id="tl-timely"
              type="radio"
              name="timeLimitKind"
              value="timely"
              checked={v.timeLimitKind === 'timely'}
            />
            <label for="tl-timely">及时公开</label>
          </div>
          <div class="checkbox">
            <input
              id="tl-custom"
              type="radio"
              name="timeLimitKind"
              value="custom"
              checked={v.timeLimitKind === 'custom'}
            />
            <label for="tl-custom">其他：</label>
            <label for="timeLimitText" class="visually-hidden">
              其他时限
            </label>
            <input id="timeLimitText" name="timeLimitText" type="text" value={v.timeLimitText} />
          </div>
          <FieldError issues={props.issues} field="timeLimit" />
        </fieldset>
        <fieldset class="form-row wide">
          <legend>公开渠道和载体</legend>
          <div class="check-grid">
            {CHANNELS.filter((c) => c !== '其他').map((c) => check('channels', c, c, v.channels.includes(c)))}
          </div>
          <label for="otherChannels">其他渠道（用顿号分隔）</label>
          <input id="otherChannels" name="otherChannels" type="text" value={v.otherChannels} />
          <FieldError issues={props.issues} field="channels" />
        </fieldset>
        <div class="form-grid">
          <fieldset class="form-row">
            <legend>公开对象</legend>
            {check('audience', 'public', '全社会', v.audience.includes('public'))}
            {check('audience', 'specific', '特定群体', v.audience.includes('specific'))}
            <FieldError issues={props.issues} field="audience" />
          </fieldset>
          <fieldset class="form-row">
            <legend>公开方式</legend>
            {check('mode', 'proactive', '主动', v.mode.includes('proactive'))}
            {check('mode', 'onRequest', '依申请', v.mode.includes('onRequest'))}
            <FieldError issues={props.issues} field="mode" />
          </fieldset>
          <fieldset class="form-row">
            <legend>公开层级</legend>
            {DISCLOSURE_LEVELS.map((l) => check('levels', l, DISCLOSURE_LEVEL_LABELS[l], v.levels.includes(l)))}
            <FieldError issues={props.issues} field="levels" />
          </fieldset>
          <fieldset class="form-row">
            <legend>五公开</legend>
            {FIVE_OPEN.map((t) => check('fiveOpen', t, `${t}公开`, v.fiveOpen.includes(t)))}
          </fieldset>
          <div class="form-row">
            <label for="retention">公开时长</label>
            <input id="retention" name="retention" type="text" value={v.retention} placeholder="如：长期、最新有效" />
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary">
            保存
          </button>
          <a class="button" href={props.cancelHref}>
            取消
          </a>
        </div>
      </form>
    </section>
  );
}

/** Late documents and empty entries of one unit. */
export function TimelinessPage(props: { report: TimelinessReport; warning: string | undefined }) {
  const { report } = props;
  return (
    <section>
      <h1>{report.org.name} 公开时限报告</h1>
      {props.warning ? (
        <p class="notice notice-warning" role="note">
          {props.warning}
        </p>
      ) : null}
      {!report.hasCatalog ? <p>该单位尚未发布标准目录。</p> : null}
      <ul class="stat-list">
        <li>
          <span>
            <span class="stat-number">{report.documents.length}</span>
            <span class="stat-label">归入目录的信息</span>
          </span>
        </li>
        <li>
          <span>
            <span class="stat-number">{report.late.length}</span>
            <span class="stat-label">逾期公开</span>
          </span>
        </li>
        <li>
          <span>
            <span class="stat-number">{report.emptyEntries.length}</span>
            <span class="stat-label">尚无信息的事项</span>
          </span>
        </li>
      </ul>
      <section class="panel">
        <h2>逾期公开的信息（{report.late.length}）</h2>
        {report.late.length === 0 ? <p class="empty">没有逾期公开的信息。</p> : null}
        {report.late.length > 0 ? (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">目录事项</th>
                <th scope="col">形成日期</th>
                <th scope="col">应公开日期</th>
                <th scope="col">实际发布</th>
              </tr>
            </thead>
            <tbody>
              {report.late.map(({ item, entry, timeliness }) => (
                <tr>
                  <td>
                    <a href={`/admin/documents/${item.document.id}`}>{item.edition.content.title}</a>
                  </td>
                  <td>
                    {entry.itemL1} {entry.itemL2}（{formatTimeLimit(entry.timeLimit)}）
                  </td>
                  <td class="nowrap">{item.edition.content.formedOn}</td>
                  <td class="nowrap">{'dueOn' in timeliness ? timeliness.dueOn : ''}</td>
                  <td class="nowrap">
                    {item.edition.content.publishedOn}{' '}
                    <span class="tag state-rejected">{TIMELINESS_LABELS[timeliness.kind]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section class="panel">
        <h2>尚无公开信息的目录事项（{report.emptyEntries.length}）</h2>
        <ul>
          {report.emptyEntries.map((e) => (
            <li>
              {e.fieldCode} {e.itemL1} {e.itemL2}（{formatTimeLimit(e.timeLimit)}）
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
