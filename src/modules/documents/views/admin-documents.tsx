import { chinaDateTime } from '../../../platform/clock.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError, Pagination } from '../../../platform/web/components.tsx';
import { PILOT_FIELDS, pilotField } from '../../../reference/pilot-fields.ts';
import { can, type Actor } from '../../access/index.ts';
import type { Org } from '../../orgs/index.ts';
import { GENRES, TOPICS, VALIDITIES } from '../domain/metadata.ts';
import {
  ALLOWED_FROM,
  EDITION_STATE_LABELS,
  EDITION_STATES,
  awaitsRetrospectiveApproval,
  reasonToPreventApproval,
  UNPUBLISHED_STATES,
  type Edition,
} from '../domain/workflow.ts';
import { documentPath, formatBytes, versionLabel } from '../http/present.ts';
import type { StaffListQuery } from '../http/schemas.ts';
import type { Attachment, EditionListItem, EntryChoiceGroup } from '../ports.ts';
import type { StaffDocumentView } from '../queries/get-document.ts';

/** The values of the edit form as typed, so a refused save shows exactly what was entered. */
export type EditionFormValues = {
  orgId?: string;
  title: string;
  docNumber: string;
  issuer: string;
  writtenOn: string;
  publishedOn: string;
  topic: string;
  genre: string;
  isNormative: boolean;
  validity: string;
  validityOn: string;
  fieldCode: string;
  keywords: string;
  bodyHtml: string;
  changeNote: string;
  isMajor: boolean;
  catalogEntryKey: string;
  formedOn: string;
  expectedUpdatedAt?: string;
};

export function formValuesOf(edition: Edition): EditionFormValues {
  const c = edition.content;
  return {
    title: c.title,
    docNumber: c.docNumber ?? '',
    issuer: c.issuer,
    writtenOn: c.writtenOn ?? '',
    publishedOn: c.publishedOn ?? '',
    topic: c.topic,
    genre: c.genre,
    isNormative: c.isNormative,
    validity: c.validity,
    validityOn: c.validityOn ?? '',
    fieldCode: c.fieldCode ?? '',
    keywords: c.keywords.join('，'),
    bodyHtml: c.bodyHtml,
    changeNote: c.changeNote ?? '',
    isMajor: c.isMajor,
    catalogEntryKey: c.catalogEntryKey ?? '',
    formedOn: c.formedOn ?? '',
    expectedUpdatedAt: edition.updatedAt,
  };
}

export const EMPTY_FORM: EditionFormValues = {
  title: '',
  docNumber: '',
  issuer: '',
  writtenOn: '',
  publishedOn: '',
  topic: '综合政务',
  genre: '通知',
  isNormative: false,
  validity: '有效',
  validityOn: '',
  fieldCode: '',
  keywords: '',
  bodyHtml: '',
  changeNote: '',
  isMajor: true,
  catalogEntryKey: '',
  formedOn: '',
};

/** The list of documents in the actor's subtrees, with filters that work as a plain GET form. */
export function AdminDocumentList(props: {
  items: EditionListItem[];
  total: number;
  query: StaffListQuery;
  orgs: Org[];
  canCreate: boolean;
}) {
  const { query } = props;
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, page: String(page) })) {
      if (value !== undefined && value !== '' && key !== 'pageSize') params.set(key, String(value));
    }
    return `/admin/documents?${params.toString()}`;
  };
  return (
    <section>
      <div class="page-head">
        <h1>信息发布</h1>
        {props.canCreate ? (
          <a class="button primary" href="/admin/documents/new">
            新建信息
          </a>
        ) : null}
      </div>
      <form method="get" action="/admin/documents" class="filter-form">
        <div class="form-row">
          <label for="f-state">状态</label>
          <select id="f-state" name="state">
            <option value="">全部</option>
            {EDITION_STATES.map((state) => (
              <option value={state} selected={query.state === state}>
                {EDITION_STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="f-org">单位</label>
          <select id="f-org" name="org">
            <option value="">全部</option>
            {props.orgs.map((org) => (
              <option value={org.code} selected={query.org === org.code}>
                {'　'.repeat(org.depth)}
                {org.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="f-q">标题/文号/索引号</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} />
        </div>
        <div class="form-row checkbox">
          <input id="f-mine" name="mine" type="checkbox" value="1" checked={query.mine === '1'} />
          <label for="f-mine">只看我起草的</label>
        </div>
        <div class="form-row checkbox">
          <input id="f-flagged" name="flagged" type="checkbox" value="1" checked={query.flagged === '1'} />
          <label for="f-flagged">待事后审核的强制发布</label>
        </div>
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <EditionTable items={props.items} caption="信息列表" />
      <Pagination page={query.page} pageSize={query.pageSize} total={props.total} href={href} />
    </section>
  );
}

/** A table of editions for staff: title, unit, state, dates. */
export function EditionTable(props: { items: EditionListItem[]; caption: string }) {
  if (props.items.length === 0) return <p class="empty">没有符合条件的信息。</p>;
  return (
    <table class="data-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">单位</th>
          <th scope="col">状态</th>
          <th scope="col">发布日期</th>
          <th scope="col">最后修改</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map(({ edition, document, org }) => (
          <tr>
            <td>
              <a href={`/admin/documents/${document.id}`}>{edition.content.title}</a>
              {edition.number > 1 ? <span class="muted">（第{edition.number}版）</span> : null}
            </td>
            <td>{org.name}</td>
            <td>
              <StateTag edition={edition} />
            </td>
            <td class="nowrap">{edition.content.publishedOn ?? '—'}</td>
            <td class="nowrap">{chinaDateTime(edition.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StateTag(props: { edition: Edition }) {
  return (
    <span>
      <span class={`tag state-${props.edition.state}`}>{EDITION_STATE_LABELS[props.edition.state]}</span>
      {awaitsRetrospectiveApproval(props.edition) ? <span class="tag tag-warning">待事后审核</span> : null}
    </span>
  );
}

/** The edit form for a new document or a draft edition. */
export function EditionForm(props: {
  action: string;
  csrfToken: string;
  values: EditionFormValues;
  issues: FieldIssue[];
  message?: string | undefined;
  orgChoices?: Org[];
  isFollowUpEdition: boolean;
  heading: string;
  cancelHref: string;
  catalogChoices?: EntryChoiceGroup[];
}) {
  const v = props.values;
  const describedBy = (field: string) => (props.issues.some((i) => i.field === field) ? `${field}-error` : undefined);
  return (
    <section>
      <h1>{props.heading}</h1>
      <ErrorSummary issues={props.issues} message={props.message} />
      <form method="post" action={props.action} class="form edition-form" novalidate>
        <Csrf token={props.csrfToken} />
        {v.expectedUpdatedAt ? <input type="hidden" name="expectedUpdatedAt" value={v.expectedUpdatedAt} /> : null}
        {props.orgChoices ? (
          <div class="form-row">
            <label for="orgId">发布单位</label>
            <select id="orgId" name="orgId" required aria-describedby={describedBy('orgId')}>
              {props.orgChoices.map((org) => (
                <option value={org.id} selected={v.orgId === org.id}>
                  {'　'.repeat(org.depth)}
                  {org.name}
                </option>
              ))}
            </select>
            <FieldError issues={props.issues} field="orgId" />
          </div>
        ) : null}
        <div class="form-row wide">
          <label for="title">标题（必填）</label>
          <input
            id="title"
            name="title"
            type="text"
            required
            maxlength={200}
            value={v.title}
            aria-describedby={describedBy('title')}
          />
          <FieldError issues={props.issues} field="title" />
        </div>
        <div class="form-grid">
          <div class="form-row">
            <label for="docNumber">文号</label>
            <input
              id="docNumber"
              name="docNumber"
              type="text"
              value={v.docNumber}
              placeholder="示政办发〔2026〕12号"
              aria-describedby={describedBy('docNumber') ?? 'docNumber-hint'}
            />
            <p class="hint" id="docNumber-hint">
              年份可用 [ ]、( ) 输入，保存时自动规范为〔 〕。没有文号请留空。
            </p>
            <FieldError issues={props.issues} field="docNumber" />
          </div>
          <div class="form-row">
            <label for="issuer">发布机构</label>
            <input
              id="issuer"
              name="issuer"
              type="text"
              value={v.issuer}
              placeholder="留空则为发布单位名称"
              aria-describedby={describedBy('issuer')}
            />
            <FieldError issues={props.issues} field="issuer" />
          </div>
          <div class="form-row">
            <label for="writtenOn">成文日期</label>
            <input
              id="writtenOn"
              name="writtenOn"
              type="date"
              value={v.writtenOn}
              aria-describedby={describedBy('writtenOn')}
            />
            <FieldError issues={props.issues} field="writtenOn" />
          </div>
          <div class="form-row">
            <label for="publishedOn">发布日期</label>
            <input
              id="publishedOn"
              name="publishedOn"
              type="date"
              value={v.publishedOn}
              aria-describedby={describedBy('publishedOn') ?? 'publishedOn-hint'}
            />
            <p class="hint" id="publishedOn-hint">
              留空则为审核发布当天。
            </p>
            <FieldError issues={props.issues} field="publishedOn" />
          </div>
          <div class="form-row">
            <label for="topic">主题分类</label>
            <select id="topic" name="topic" aria-describedby={describedBy('topic')}>
              {TOPICS.map((topic) => (
                <option value={topic} selected={v.topic === topic}>
                  {topic}
                </option>
              ))}
            </select>
            <FieldError issues={props.issues} field="topic" />
          </div>
          <div class="form-row">
            <label for="genre">体裁</label>
            <select id="genre" name="genre" aria-describedby={describedBy('genre')}>
              {GENRES.map((genre) => (
                <option value={genre} selected={v.genre === genre}>
                  {genre}
                </option>
              ))}
            </select>
            <FieldError issues={props.issues} field="genre" />
          </div>
          <div class="form-row">
            <label for="fieldCode">所属试点领域</label>
            <select id="fieldCode" name="fieldCode" aria-describedby={describedBy('fieldCode')}>
              <option value="">（不属于试点领域）</option>
              {PILOT_FIELDS.map((field) => (
                <option value={field.code} selected={v.fieldCode === field.code}>
                  {field.code} {field.name}
                </option>
              ))}
            </select>
            <FieldError issues={props.issues} field="fieldCode" />
          </div>
          <div class="form-row">
            <label for="catalogEntryKey">所属标准目录事项</label>
            <select
              id="catalogEntryKey"
              name="catalogEntryKey"
              aria-describedby={describedBy('catalogEntryKey') ?? 'catalogEntryKey-hint'}
            >
              <option value="">（不归入目录事项）</option>
              {(props.catalogChoices ?? []).map((group) => (
                <optgroup label={group.orgName}>
                  {group.entries.map((entry) => (
                    <option value={entry.key} selected={v.catalogEntryKey === entry.key}>
                      {entry.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <p class="hint" id="catalogEntryKey-hint">
              按本单位已发布的标准目录归类；公开时限从信息形成或变更之日起计算。
            </p>
            <FieldError issues={props.issues} field="catalogEntryKey" />
          </div>
          <div class="form-row">
            <label for="formedOn">信息形成或变更日期</label>
            <input
              id="formedOn"
              name="formedOn"
              type="date"
              value={v.formedOn}
              aria-describedby={describedBy('formedOn')}
            />
            <FieldError issues={props.issues} field="formedOn" />
          </div>
          <div class="form-row">
            <label for="keywords">关键词</label>
            <input
              id="keywords"
              name="keywords"
              type="text"
              value={v.keywords}
              placeholder="用逗号或顿号分隔，最多10个"
              aria-describedby={describedBy('keywords')}
            />
            <FieldError issues={props.issues} field="keywords" />
          </div>
          <div class="form-row">
            <label for="validity">有效性</label>
            <select id="validity" name="validity" aria-describedby={describedBy('validity')}>
              {VALIDITIES.map((validity) => (
                <option value={validity} selected={v.validity === validity}>
                  {validity}
                </option>
              ))}
            </select>
            <FieldError issues={props.issues} field="validity" />
          </div>
          <div class="form-row">
            <label for="validityOn">生效日期/失效或废止日期</label>
            <input
              id="validityOn"
              name="validityOn"
              type="date"
              value={v.validityOn}
              aria-describedby={describedBy('validityOn')}
            />
            <FieldError issues={props.issues} field="validityOn" />
          </div>
          <div class="form-row checkbox">
            <input id="isNormative" name="isNormative" type="checkbox" checked={v.isNormative} />
            <label for="isNormative">行政规范性文件</label>
          </div>
        </div>
        <div class="form-row wide">
          <label for="bodyHtml">正文（必填）</label>
          <textarea
            id="bodyHtml"
            name="bodyHtml"
            rows={18}
            aria-describedby={describedBy('bodyHtml') ?? 'bodyHtml-hint'}
          >
            {v.bodyHtml}
          </textarea>
          <p class="hint" id="bodyHtml-hint">
            可直接粘贴文字，每段一行；也可使用段落、标题、列表、表格、加粗、链接等 HTML
            标签。脚本和样式会在保存时被清除。
          </p>
          <FieldError issues={props.issues} field="bodyHtml" />
        </div>
        {props.isFollowUpEdition ? (
          <fieldset class="form-row wide">
            <legend>更新类型</legend>
            <div class="checkbox">
              <input id="isMajor-major" type="radio" name="isMajor" value="major" checked={v.isMajor} />
              <label for="isMajor-major">重大更新（须填写更新说明，公众可见）</label>
            </div>
            <div class="checkbox">
              <input id="isMajor-minor" type="radio" name="isMajor" value="minor" checked={!v.isMajor} />
              <label for="isMajor-minor">文字修订（错别字、格式等，不需说明）</label>
            </div>
            <label for="changeNote">更新说明</label>
            <textarea id="changeNote" name="changeNote" rows={3} aria-describedby={describedBy('changeNote')}>
              {v.changeNote}
            </textarea>
            <FieldError issues={props.issues} field="changeNote" />
          </fieldset>
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button primary">
            保存草稿
          </button>
          <a href={props.cancelHref} class="button">
            取消
          </a>
        </div>
      </form>
    </section>
  );
}

/** A document for staff: the working edition, its actions, attachments and all editions. */
export function AdminDocumentPage(props: {
  view: StaffDocumentView;
  actor: Actor;
  csrfToken: string;
  userNames: Map<string, string>;
  maxUploadMb: number;
  /** The catalog entry the working edition is filed under, with its time limit and how it stands. */
  filing?: { label: string; limit: string; status: string | null; late: boolean } | undefined;
}) {
  const { document, org, editions, attachments } = props.view;
  const working = [...editions].sort((a, b) => b.number - a.number)[0]!;
  const live = editions.find((e) => e.state === 'published' || e.state === 'withdrawn');
  const name = (id: string | null) => (id ? (props.userNames.get(id) ?? id) : '—');
  const canEdit =
    ALLOWED_FROM.edit.includes(working.state) &&
    (can(props.actor, 'document.draft', org.path) || can(props.actor, 'document.review', org.path));
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
        edition={working}
        org={org}
        actor={props.actor}
        csrfToken={props.csrfToken}
        documentId={document.id}
        hasDraft={editions.some((e) => UNPUBLISHED_STATES.includes(e.state))}
      />

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
          <div class="form-row">
            <label for="file">上传附件（PDF、DOCX、XLSX、PNG、JPEG，最大 {props.maxUploadMb} MB）</label>
            <input id="file" name="file" type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp" required />
          </div>
          <button type="submit" class="button">
            上传
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** The actions the actor may take on the edition now, each a small form. */
function WorkflowActions(props: {
  edition: Edition;
  org: Org;
  actor: Actor;
  csrfToken: string;
  documentId: string;
  hasDraft: boolean;
}) {
  const { edition, org, actor } = props;
  const base = `/admin/editions/${edition.id}`;
  const mayDraft = can(actor, 'document.draft', org.path) || can(actor, 'document.review', org.path);
  const mayReview = can(actor, 'document.review', org.path);
  const mayForce = can(actor, 'document.force_publish', org.path);
  const actorId = actor.kind === 'staff' ? actor.userId : null;
  const blockedAsAuthor = reasonToPreventApproval(edition, actorId) !== undefined;
  const forms = [];
  if (ALLOWED_FROM.edit.includes(edition.state) && mayDraft) {
    forms.push(
      <a class="button" href={`${base}/edit`}>
        编辑
      </a>,
    );
    forms.push(
      <form method="post" action={`${base}/submit`} class="action-form">
        <Csrf token={props.csrfToken} />
        {mayReview ? (
          <details>
            <summary>个人信息检查放行（审核人员）</summary>
            <label for="overrideReason">如标题或正文中的身份证号、手机号、银行卡号确需公开，请填写理由</label>
            <textarea id="overrideReason" name="overrideReason" rows={2} />
          </details>
        ) : null}
        <button type="submit" class="button primary">
          提交审核
        </button>
      </form>,
    );
    forms.push(
      <form method="post" action={`${base}/discard`} class="action-form">
        <Csrf token={props.csrfToken} />
        <button type="submit" class="button danger">
          删除草稿
        </button>
      </form>,
    );
  }
  if (edition.state === 'submitted' && mayReview) {
    if (blockedAsAuthor) {
      forms.push(<p class="notice">您参与了该版本的起草或提交，须由其他审核人员审核发布（双人审核）。</p>);
    } else {
      forms.push(
        <form method="post" action={`${base}/publish`} class="action-form">
          <Csrf token={props.csrfToken} />
          <button type="submit" class="button primary">
            审核发布
          </button>
        </form>,
      );
      forms.push(
        <form method="post" action={`${base}/schedule`} class="action-form">
          <Csrf token={props.csrfToken} />
          <label for="scheduledAt">定时发布时间</label>
          <input id="scheduledAt" name="scheduledAt" type="datetime-local" required />
          <button type="submit" class="button">
            定时发布
          </button>
        </form>,
      );
    }
    forms.push(
      <form method="post" action={`${base}/reject`} class="action-form">
        <Csrf token={props.csrfToken} />
        <label for="rejectReason">退回原因</label>
        <textarea id="rejectReason" name="reason" rows={2} required />
        <button type="submit" class="button">
          退回修改
        </button>
      </form>,
    );
  }
  if (edition.state === 'scheduled' && mayReview) {
    forms.push(
      <form method="post" action={`${base}/unschedule`} class="action-form">
        <Csrf token={props.csrfToken} />
        <button type="submit" class="button">
          取消定时发布
        </button>
      </form>,
    );
  }
  if (ALLOWED_FROM.force_publish.includes(edition.state) && mayForce) {
    forms.push(
      <form method="post" action={`${base}/force-publish`} class="action-form">
        <Csrf token={props.csrfToken} />
        <label for="forceReason">强制发布原因（将记录在案，并须由他人事后审核）</label>
        <textarea id="forceReason" name="reason" rows={2} required />
        <button type="submit" class="button danger">
          强制发布
        </button>
      </form>,
    );
  }
  if (awaitsRetrospectiveApproval(edition) && (mayReview || mayForce)) {
    const isForcer = actorId !== null && actorId === edition.reviewedBy;
    forms.push(
      isForcer || blockedAsAuthor ? (
        <p class="notice">该强制发布须由发布人和起草人以外的人员事后审核确认。</p>
      ) : (
        <form method="post" action={`${base}/approve`} class="action-form">
          <Csrf token={props.csrfToken} />
          <button type="submit" class="button primary">
            事后审核确认
          </button>
        </form>
      ),
    );
  }
  if ((edition.state === 'published' || edition.state === 'withdrawn') && mayDraft && !props.hasDraft) {
    forms.push(
      <form method="post" action={`/admin/documents/${props.documentId}/new-edition`} class="action-form">
        <Csrf token={props.csrfToken} />
        <button type="submit" class="button">
          修改（创建新版本）
        </button>
      </form>,
    );
  }
  if (edition.state === 'published' && mayReview) {
    forms.push(
      <form method="post" action={`${base}/withdraw`} class="action-form">
        <Csrf token={props.csrfToken} />
        <label for="withdrawReason">撤回原因（公众页面将显示）</label>
        <textarea id="withdrawReason" name="reason" rows={2} required />
        <button type="submit" class="button danger">
          撤回
        </button>
      </form>,
    );
  }
  if (forms.length === 0) return null;
  return (
    <section class="panel workflow-actions" aria-label="操作">
      <h2>操作</h2>
      <div class="action-row">{forms}</div>
    </section>
  );
}
