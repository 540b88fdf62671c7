import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf } from '../../../platform/web/components.tsx';
import { TextArea, TextField } from '../../../platform/web/fields.tsx';
import type { Org } from '../../orgs/index.ts';
import { formatLegalBasis, formatMode, formatTimeLimit, formatLevels } from '../domain/cell-text.ts';
import { fieldName, type CatalogEntry, type LocalField } from '../domain/entry.ts';
import { VERSION_STATE_LABELS, type CatalogDiff, type CatalogVersion } from '../domain/version.ts';
import type { CatalogWorkspace } from '../queries/catalog-views.ts';

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
          <TextArea name="comment" label="总体意见（退回时填写）" wide rows={3} />
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
          <TextField name="item" id="neg-item" label="事项" required />
          <TextField
            name="legalBasis"
            id="neg-basis"
            label="依据（如：【行政法规】《中华人民共和国政府信息公开条例》第十四条）"
            required
          />
          <TextField name="note" id="neg-note" label="说明" />
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
