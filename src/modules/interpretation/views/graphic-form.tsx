import { assetUrl } from '../../../platform/web/assets.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { FileField, SelectField, TextArea, TextField } from '../../../platform/web/fields.tsx';
import { CHART_TYPES, MAX_CHART_ROWS } from '../domain/chart-data.ts';
import { GRAPHIC_LIMITS } from '../domain/graphic.ts';
import type { GraphicFormValues } from '../http/graphic-form.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import { formAction, HeadFields, KindSwitch } from './kind-form.tsx';

type Choice = { value: string; label: string };

/**
 * The graphic interpretation builder (图解), a form that works without JavaScript: the unit, the title,
 * the policy document interpreted, then a heading, a text, a key figure and up to two charts, whose
 * data is pasted from a spreadsheet. Errors show beside their fields and everything typed is kept.
 */
export function GraphicForm(props: {
  /** The interpretation being edited, or null for a new one. */
  documentId?: string | null;
  csrfToken: string;
  values: GraphicFormValues;
  issues: FieldIssue[];
  orgChoices: Choice[];
  policyChoices: Choice[];
}) {
  const { values: v, issues } = props;
  const chartTypes = CHART_TYPES.map((type) => ({ value: type, label: INTERPRETATION_TEXT.chartTypes[type] }));
  const chart = (place: 'chart1' | 'chart2', legend: string) => (
    <fieldset class="form-section">
      <legend>{legend}</legend>
      <SelectField
        name={`${place}.type`}
        label="图表类型"
        value={v[`${place}.type`] ?? 'bar'}
        options={chartTypes}
        issues={issues}
      />
      <TextField
        name={`${place}.title`}
        label="图表标题"
        value={v[`${place}.title`]}
        maxlength={GRAPHIC_LIMITS.title}
        issues={issues}
      />
      <TextField
        name={`${place}.unit`}
        label="计量单位"
        hint="如：人、万元、%"
        value={v[`${place}.unit`]}
        maxlength={GRAPHIC_LIMITS.unit}
        issues={issues}
      />
      <TextArea
        name={`${place}.description`}
        label="图表说明"
        hint="用一两句话说明这张图表示什么，看不见图的读者靠这段文字了解它。"
        value={v[`${place}.description`]}
        rows={2}
        maxlength={GRAPHIC_LIMITS.description}
        issues={issues}
        wide
      />
      <TextArea
        name={`${place}.data`}
        label="图表数据"
        hint={`从表格软件复制后粘贴：第一行为表头（类别名称、各系列名称），其下每行一个类别，最多${MAX_CHART_ROWS}行；也可用逗号分隔。`}
        value={v[`${place}.data`]}
        rows={6}
        issues={issues}
        wide
      />
      <FileField
        name={`${place}.file`}
        label="或上传 Excel 工作簿"
        hint="读取第一个工作表（.xlsx），第一行为表头；上传后替换上面粘贴的数据。"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        issues={issues}
      />
    </fieldset>
  );
  return (
    <section>
      {/* With JavaScript on, each chart's data is previewed as it is typed (public/builder.js). */}
      <script src={assetUrl('builder.js')} defer />
      <h1>{props.documentId ? '修改图解' : '新建图解'}</h1>
      {props.documentId ? null : <KindSwitch current="graphic" policy={v.policyDocumentId ?? ''} />}
      <ErrorSummary issues={issues} />
      <form method="post" action={formAction(props.documentId)} class="form" enctype="multipart/form-data">
        <Csrf token={props.csrfToken} />
        <HeadFields values={v} issues={issues} orgChoices={props.orgChoices} policyChoices={props.policyChoices} />
        <fieldset class="form-section">
          <legend>文字内容</legend>
          <TextField
            name="heading.text"
            label="小标题"
            value={v['heading.text']}
            maxlength={GRAPHIC_LIMITS.heading}
            issues={issues}
          />
          <TextArea
            name="text.text"
            label="文字"
            hint="空一行另起一段。"
            value={v['text.text']}
            rows={4}
            issues={issues}
            wide
          />
        </fieldset>
        <fieldset class="form-section">
          <legend>关键数字</legend>
          <TextField name="figure.value" label="数字" value={v['figure.value']} inputmode="text" issues={issues} />
          <TextField
            name="figure.unit"
            label="单位"
            value={v['figure.unit']}
            maxlength={GRAPHIC_LIMITS.figureUnit}
            issues={issues}
          />
          <TextField
            name="figure.caption"
            label="说明"
            value={v['figure.caption']}
            maxlength={GRAPHIC_LIMITS.caption}
            issues={issues}
          />
        </fieldset>
        {chart('chart1', '图表一')}
        {chart('chart2', '图表二（可不填）')}
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
