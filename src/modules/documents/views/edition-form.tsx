import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import type { Org } from '../../orgs/index.ts';
import { GENRES, TOPICS, VALIDITIES } from '../domain/metadata.ts';
import { type Edition } from '../domain/workflow.ts';
import type { EntryChoiceGroup } from '../ports.ts';

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
