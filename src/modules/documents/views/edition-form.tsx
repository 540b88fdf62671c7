import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import {
  CheckboxField,
  CheckboxGroup,
  DateField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../platform/web/fields.tsx';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import type { Org } from '../../orgs/index.ts';
import { AUDIENCES, GENRES, POLICY_TAGS, TOPICS, VALIDITIES } from '../domain/metadata.ts';
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
  audiences: string[];
  policyTags: string[];
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
    audiences: c.audiences,
    policyTags: c.policyTags,
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
  audiences: [],
  policyTags: [],
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
  const issues = props.issues;
  const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
  return (
    <section>
      <h1>{props.heading}</h1>
      <ErrorSummary issues={issues} message={props.message} />
      <form method="post" action={props.action} class="form edition-form" novalidate>
        <Csrf token={props.csrfToken} />
        {v.expectedUpdatedAt ? <input type="hidden" name="expectedUpdatedAt" value={v.expectedUpdatedAt} /> : null}
        {props.orgChoices ? (
          <SelectField
            name="orgId"
            label="发布单位"
            required
            issues={issues}
            value={v.orgId}
            options={props.orgChoices.map((org) => ({ value: org.id, label: `${'　'.repeat(org.depth)}${org.name}` }))}
          />
        ) : null}
        <TextField name="title" label="标题（必填）" wide required maxlength={200} value={v.title} issues={issues} />
        <div class="form-grid">
          <TextField
            name="docNumber"
            label="文号"
            value={v.docNumber}
            placeholder="示政办发〔2026〕12号"
            hint="年份可用 [ ]、( ) 输入，保存时自动规范为〔 〕。没有文号请留空。"
            issues={issues}
          />
          <TextField
            name="issuer"
            label="发布机构"
            value={v.issuer}
            placeholder="留空则为发布单位名称"
            issues={issues}
          />
          <DateField name="writtenOn" label="成文日期" value={v.writtenOn} issues={issues} />
          <DateField
            name="publishedOn"
            label="发布日期"
            value={v.publishedOn}
            hint="留空则为审核发布当天。"
            issues={issues}
          />
          <SelectField name="topic" label="主题分类" value={v.topic} options={options(TOPICS)} issues={issues} />
          <SelectField name="genre" label="体裁" value={v.genre} options={options(GENRES)} issues={issues} />
          <SelectField
            name="fieldCode"
            label="所属试点领域"
            value={v.fieldCode}
            options={[
              { value: '', label: '（不属于试点领域）' },
              ...PILOT_FIELDS.map((field) => ({ value: field.code, label: `${field.code} ${field.name}` })),
            ]}
            issues={issues}
          />
          <SelectField
            name="catalogEntryKey"
            label="所属标准目录事项"
            value={v.catalogEntryKey}
            options={[{ value: '', label: '（不归入目录事项）' }]}
            groups={(props.catalogChoices ?? []).map((group) => ({
              label: group.orgName,
              options: group.entries.map((entry) => ({ value: entry.key, label: entry.label })),
            }))}
            hint="按本单位已发布的标准目录归类；公开时限从信息形成或变更之日起计算。"
            issues={issues}
          />
          <DateField name="formedOn" label="信息形成或变更日期" value={v.formedOn} issues={issues} />
          <TextField
            name="keywords"
            label="关键词"
            value={v.keywords}
            placeholder="用逗号或顿号分隔，最多10个"
            issues={issues}
          />
          <SelectField
            name="validity"
            label="有效性"
            value={v.validity}
            options={options(VALIDITIES)}
            issues={issues}
          />
          <DateField name="validityOn" label="生效日期/失效或废止日期" value={v.validityOn} issues={issues} />
          <CheckboxField name="isNormative" label="行政规范性文件" checked={v.isNormative} issues={issues} />
        </div>
        <CheckboxGroup
          name="audiences"
          legend="服务对象（订阅了这些对象的公众会收到推送）"
          wide
          grid
          values={v.audiences}
          options={options(AUDIENCES)}
          issues={issues}
        />
        <CheckboxGroup
          name="policyTags"
          legend="政策标签"
          wide
          grid
          values={v.policyTags}
          options={options(POLICY_TAGS)}
          issues={issues}
        />
        <TextArea
          name="bodyHtml"
          label="正文（必填）"
          wide
          rows={18}
          value={v.bodyHtml}
          hint="可直接粘贴文字，每段一行；也可使用段落、标题、列表、表格、加粗、链接等 HTML 标签。脚本和样式会在保存时被清除。"
          issues={issues}
        />
        {props.isFollowUpEdition ? (
          <RadioGroup
            name="isMajor"
            legend="更新类型"
            wide
            value={v.isMajor ? 'major' : 'minor'}
            options={[
              { value: 'major', label: '重大更新（须填写更新说明，公众可见）' },
              { value: 'minor', label: '文字修订（错别字、格式等，不需说明）' },
            ]}
            issues={issues}
          >
            <TextArea name="changeNote" label="更新说明" rows={3} value={v.changeNote} issues={issues} />
          </RadioGroup>
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
