import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { DateField, SelectField, TextArea, TextField, type Choice } from '../../../platform/web/fields.tsx';
import { EXTRA_LIMITS } from '../domain/content.ts';
import { GRAPHIC_LIMITS } from '../domain/graphic.ts';
import { placesOf, type FormKind } from '../http/kind-form.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

const KIND_HINTS: Record<FormKind, string> = {
  text: '用文字说明政策的背景、主要内容和适用对象。',
  qa: '用问答回答群众最关心的问题，每组一问一答，最多5组。',
  media: '登记媒体对政策的解读报道：媒体名称、发布日期和原文链接。',
  case: '用具体案例说明政策怎样适用（请隐去个人信息），最多3个案例。',
};

/** The links between the interpretation forms, keeping the policy chosen. */
export function KindSwitch(props: { current: string; policy: string }) {
  const query = props.policy ? `&policy=${encodeURIComponent(props.policy)}` : '';
  const kinds = ['graphic', 'text', 'qa', 'media', 'case', 'video'] as const;
  return (
    <nav class="tabs" aria-label="解读形式">
      <ul>
        {kinds.map((kind) => (
          <li>
            <a
              href={`/admin/interpretations/new?kind=${kind}${query}`}
              aria-current={props.current === kind ? 'page' : undefined}
            >
              {INTERPRETATION_TEXT.kinds[kind]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The fields every interpretation form starts with: the unit, the title, and the policies it
 * interprets (one required, two more optional).
 */
export function HeadFields(props: {
  values: Record<string, string>;
  issues: FieldIssue[];
  orgChoices: Choice[];
  policyChoices: Choice[];
  /** Editing a saved interpretation: its next edition may say what changed (更新说明). */
  editing?: boolean;
}) {
  const { values: v, issues } = props;
  const options = [{ value: '', label: '请选择' }, ...props.policyChoices];
  return (
    <>
      <SelectField name="orgId" label="发布单位" value={v.orgId} options={props.orgChoices} issues={issues} required />
      <TextField name="title" label="标题" value={v.title} maxlength={100} issues={issues} required wide />
      <SelectField
        name="policyDocumentId"
        label="所解读的政策文件"
        hint="只能解读已公开的文件；解读须在文件公开后3个工作日内发布。"
        value={v.policyDocumentId}
        options={options}
        issues={issues}
        required
        wide
      />
      {props.editing ? (
        <TextField
          name="changeNote"
          label="更新说明（可不填）"
          hint="已发布过的解读再次修改时，说明改了什么。"
          value={v.changeNote}
          maxlength={500}
          issues={issues}
          wide
        />
      ) : null}
      {['policy2', 'policy3'].map((name) => (
        <SelectField
          name={name}
          label="同时解读的文件（可不选）"
          value={v[name]}
          options={options}
          issues={issues}
          wide
        />
      ))}
    </>
  );
}

const LABELS: Record<string, { label: string; rows?: number; max: number; date?: boolean; hint?: string }> = {
  'heading.text': { label: '小标题', max: GRAPHIC_LIMITS.heading },
  text: { label: '文字', rows: 5, max: GRAPHIC_LIMITS.text, hint: '空一行另起一段。' },
  question: { label: '问题', max: EXTRA_LIMITS.question },
  answer: { label: '回答', rows: 3, max: EXTRA_LIMITS.answer },
  outlet: { label: '媒体名称', max: EXTRA_LIMITS.outlet },
  publishedOn: { label: '发布日期', max: 10, date: true },
  url: { label: '原文链接', max: EXTRA_LIMITS.url, hint: '以 https:// 开头的网址。' },
  summary: { label: '内容摘要（可不填）', rows: 3, max: EXTRA_LIMITS.summary },
  title: { label: '案例标题', max: EXTRA_LIMITS.caseTitle },
  'case.text': { label: '案例内容', rows: 5, max: EXTRA_LIMITS.caseText },
};

/**
 * The form of the interpretations other than 图解 (文字解读, 简明问答, 媒体解读, 案例说明), without
 * JavaScript: the unit, the title, the policies, then the kind's places. Errors show beside their
 * fields and everything typed is kept; it goes to the unit's reviewers like any document.
 */
export function KindForm(props: {
  /** The interpretation being edited, or null for a new one. */
  documentId?: string | null;
  kind: FormKind;
  csrfToken: string;
  values: Record<string, string>;
  issues: FieldIssue[];
  orgChoices: Choice[];
  policyChoices: Choice[];
}) {
  const { kind, values: v, issues } = props;
  const name = INTERPRETATION_TEXT.kinds[kind];
  const field = (place: string, key: string) => {
    const spec =
      LABELS[`${place}.${key}`] ?? (place.startsWith('case') ? LABELS[`case.${key}`] : undefined) ?? LABELS[key]!;
    const fieldName = `${place}.${key}`;
    if (spec.date) {
      return <DateField name={fieldName} label={spec.label} value={v[fieldName]} issues={issues} />;
    }
    return spec.rows ? (
      <TextArea
        name={fieldName}
        label={spec.label}
        hint={spec.hint}
        value={v[fieldName]}
        rows={spec.rows}
        maxlength={spec.max}
        issues={issues}
        wide
      />
    ) : (
      <TextField
        name={fieldName}
        label={spec.label}
        hint={spec.hint}
        value={v[fieldName]}
        maxlength={spec.max}
        issues={issues}
        wide
      />
    );
  };
  return (
    <section>
      <h1>
        {props.documentId ? '修改' : '新建'}
        {name}
      </h1>
      {props.documentId ? null : <KindSwitch current={kind} policy={v.policyDocumentId ?? ''} />}
      <p class="muted">{KIND_HINTS[kind]}</p>
      <ErrorSummary issues={issues} />
      <form method="post" action={formAction(props.documentId)} class="form">
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="kind" value={kind} />
        <HeadFields values={v} issues={issues} orgChoices={props.orgChoices} policyChoices={props.policyChoices} />
        {placesOf(kind).map(({ place, fields }) =>
          fields.length === 1 ? (
            field(place, fields[0]!)
          ) : (
            <fieldset class="form-section">
              <legend>{legendOf(place)}</legend>
              {fields.map((key) => field(place, key))}
            </fieldset>
          ),
        )}
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            提交审核
          </button>
          <a href="/admin/documents" class="button">
            取消
          </a>
        </div>
      </form>
    </section>
  );
}

function legendOf(place: string): string {
  const number = place.replace(/^\D+/, '');
  if (place.startsWith('qa')) return `问答${number}`;
  if (place.startsWith('case')) return `案例${number}`;
  return '媒体报道';
}

/** Where an interpretation form posts: a new interpretation, or the next edition of one. */
export function formAction(documentId: string | null | undefined): string {
  return documentId ? `/admin/interpretations/${documentId}` : '/admin/interpretations';
}
