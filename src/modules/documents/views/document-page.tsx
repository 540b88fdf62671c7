import type { Child } from 'hono/jsx';
import { chinaDateTime } from '../../../platform/clock.ts';
import { FileField } from '../../../platform/web/fields.tsx';
import { Csrf } from '../../../platform/web/components.tsx';
import { pilotField } from '../../../reference/pilot-fields.ts';
import { documentPath, formatBytes, versionLabel } from '../http/present.ts';
import type { Attachment } from '../ports.ts';
import type { StaffDocumentView } from '../queries/get-document.ts';

import type { AvailableAction } from '../domain/available-actions.ts';
import { StateTag } from './document-list.tsx';
import { WorkflowActions } from './workflow-actions.tsx';

/** A document for staff: the working edition, its actions, attachments and all editions. */
export function AdminDocumentPage(props: {
  view: StaffDocumentView;
  /** What the reader may do with the working edition, from the domain. */
  actions: AvailableAction[];
  csrfToken: string;
  userNames: Map<string, string>;
  maxUploadMb: number;
  /** The catalog entry the working edition is filed under, with its time limit and how it stands. */
  filing?: { label: string; limit: string; status: string | null; late: boolean } | undefined;
  /** What other modules add below the workflow actions (see DocumentPageAdditions.forAdminPage). */
  extra?: Child | null;
}) {
  const { document, org, editions, attachments } = props.view;
  const working = [...editions].sort((a, b) => b.number - a.number)[0]!;
  const live = editions.find((e) => e.state === 'published' || e.state === 'withdrawn');
  const name = (id: string | null) => (id ? (props.userNames.get(id) ?? id) : '—');
  const canEdit = props.actions.some((item) => item.kind === 'action' && item.action === 'edit');
  const files = attachments.get(working.id) ?? [];
  return (
    <section>
      <div class="page-head">
        <h1>{working.content.title}</h1>
        <StateTag edition={working} />
      </div>
      <dl class="summary-list">
        <div>
          <dt>发布单位</dt>
          <dd>{org.name}</dd>
        </div>
        <div>
          <dt>索引号</dt>
          <dd>{document.indexNumber ?? '（首次发布时生成）'}</dd>
        </div>
        <div>
          <dt>当前版本</dt>
          <dd>
            第{working.number}版{versionLabel(working) ? `（v${versionLabel(working)}）` : ''}
          </dd>
        </div>
        <div>
          <dt>起草人</dt>
          <dd>{name(working.createdBy)}</dd>
        </div>
        {working.submittedBy ? (
          <div>
            <dt>提交人</dt>
            <dd>
              {name(working.submittedBy)} {working.submittedAt ? chinaDateTime(working.submittedAt) : ''}
            </dd>
          </div>
        ) : null}
        {working.reviewedBy ? (
          <div>
            <dt>审核人</dt>
            <dd>
              {name(working.reviewedBy)} {working.reviewedAt ? chinaDateTime(working.reviewedAt) : ''}
            </dd>
          </div>
        ) : null}
        {working.scheduledAt ? (
          <div>
            <dt>定时发布时间</dt>
            <dd>{chinaDateTime(working.scheduledAt)}</dd>
          </div>
        ) : null}
        {live ? (
          <div>
            <dt>公众页面</dt>
            <dd>
              <a href={documentPath(document.id)}>{documentPath(document.id)}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {working.rejectionReason && working.state === 'rejected' ? (
        <p class="notice notice-warning" role="note">
          退回原因：{working.rejectionReason}
        </p>
      ) : null}
      {working.forcePublished ? (
        <p class="notice notice-warning" role="note">
          该版本由 {name(working.reviewedBy)} 强制发布，原因：{working.forcePublishReason}
          {working.retroApprovedBy
            ? `；已由 ${name(working.retroApprovedBy)} 于 ${chinaDateTime(working.retroApprovedAt!)} 事后审核确认。`
            : '；尚待事后审核。'}
        </p>
      ) : null}
      {working.sensitiveOverrideReason ? (
        <p class="notice" role="note">
          个人信息检查已由 {name(working.sensitiveOverrideBy)} 确认放行，理由：{working.sensitiveOverrideReason}
        </p>
      ) : null}
      {working.state === 'withdrawn' ? (
        <p class="notice notice-warning" role="note">
          已于 {chinaDateTime(working.withdrawnAt!)} 撤回，原因：{working.withdrawalReason}
        </p>
      ) : null}

      <WorkflowActions
        actions={props.actions}
        editionId={working.id}
        documentId={document.id}
        csrfToken={props.csrfToken}
      />
      {props.extra ?? null}

      <section class="panel">
        <h2>元数据</h2>
        <table class="meta-table">
          <tbody>
            <tr>
              <th scope="row">文号</th>
              <td>{working.content.docNumber ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">发布机构</th>
              <td>{working.content.issuer}</td>
            </tr>
            <tr>
              <th scope="row">成文日期</th>
              <td>{working.content.writtenOn ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">发布日期</th>
              <td>{working.content.publishedOn ?? '（发布当天）'}</td>
            </tr>
            <tr>
              <th scope="row">主题分类</th>
              <td>{working.content.topic}</td>
            </tr>
            <tr>
              <th scope="row">体裁</th>
              <td>{working.content.genre}</td>
            </tr>
            <tr>
              <th scope="row">有效性</th>
              <td>
                {working.content.validity}
                {working.content.validityOn ? `（${working.content.validityOn}）` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">试点领域</th>
              <td>
                {working.content.fieldCode
                  ? `${working.content.fieldCode} ${pilotField(working.content.fieldCode)?.name ?? ''}`
                  : '—'}
              </td>
            </tr>
            <tr>
              <th scope="row">规范性文件</th>
              <td>{working.content.isNormative ? '是' : '否'}</td>
            </tr>
            <tr>
              <th scope="row">关键词</th>
              <td>{working.content.keywords.join('、') || '—'}</td>
            </tr>
            <tr>
              <th scope="row">标准目录事项</th>
              <td>
                {props.filing ? (
                  <span>
                    {props.filing.label}（{props.filing.limit}）
                    {props.filing.status ? (
                      <span class={`tag ${props.filing.late ? 'state-rejected' : 'state-published'}`}>
                        {props.filing.status}
                      </span>
                    ) : null}
                  </span>
                ) : working.content.catalogEntryKey ? (
                  '（所归目录事项已不在现行目录中）'
                ) : (
                  '—'
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">信息形成或变更日期</th>
              <td>{working.content.formedOn ?? '—'}</td>
            </tr>
            {working.number > 1 ? (
              <tr>
                <th scope="row">更新说明</th>
                <td>{working.content.isMajor ? (working.content.changeNote ?? '（未填写）') : '文字修订'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>

      <section class="panel">
        <h2>正文</h2>
        <div class="document-body" dangerouslySetInnerHTML={{ __html: working.content.bodyHtml }} />
      </section>

      <AttachmentPanel
        files={files}
        canEdit={canEdit}
        editionId={working.id}
        csrfToken={props.csrfToken}
        maxUploadMb={props.maxUploadMb}
      />

      <section class="panel">
        <h2>版本记录</h2>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">状态</th>
              <th scope="col">起草</th>
              <th scope="col">发布</th>
              <th scope="col">更新说明</th>
            </tr>
          </thead>
          <tbody>
            {[...editions].reverse().map((e) => (
              <tr>
                <td>
                  第{e.number}版{versionLabel(e) ? `（v${versionLabel(e)}）` : ''}
                </td>
                <td>
                  <StateTag edition={e} />
                </td>
                <td>
                  {name(e.createdBy)} {chinaDateTime(e.createdAt)}
                </td>
                <td>{e.publishedAt ? `${name(e.reviewedBy)} ${chinaDateTime(e.publishedAt)}` : '—'}</td>
                <td>{e.number === 1 ? '首次发布' : e.content.isMajor ? (e.content.changeNote ?? '') : '文字修订'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={`/admin/audit?entityType=document&entityId=${document.id}`}>查看该信息的审计记录</a>
        </p>
      </section>
    </section>
  );
}

function AttachmentPanel(props: {
  files: Attachment[];
  canEdit: boolean;
  editionId: string;
  csrfToken: string;
  maxUploadMb: number;
}) {
  return (
    <section class="panel">
      <h2>附件</h2>
      {props.files.length === 0 ? <p class="empty">没有附件。</p> : null}
      <ul class="attachment-list">
        {props.files.map((file) => (
          <li>
            <a href={`/admin/attachments/${file.id}`}>{file.fileName}</a>{' '}
            <span class="muted">{formatBytes(file.sizeBytes)}</span>
            {props.canEdit ? (
              <form method="post" action={`/admin/attachments/${file.id}/delete`} class="inline">
                <Csrf token={props.csrfToken} />
                <button type="submit" class="link-button danger">
                  删除
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {props.canEdit ? (
        <form
          method="post"
          action={`/admin/editions/${props.editionId}/attachments`}
          enctype="multipart/form-data"
          class="form upload-form"
        >
          <Csrf token={props.csrfToken} />
          <FileField
            name="file"
            label={`上传附件（PDF、DOCX、XLSX、PNG、JPEG，最大 ${props.maxUploadMb} MB）`}
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp"
            required
          />
          <button type="submit" class="button">
            上传
          </button>
        </form>
      ) : null}
    </section>
  );
}
