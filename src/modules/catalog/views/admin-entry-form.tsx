import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import { SelectField, TextArea, TextField } from '../../../platform/web/fields.tsx';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import { DISCLOSURE_LEVEL_LABELS, DISCLOSURE_LEVELS } from '../../../reference/disclosure-levels.ts';
import { CHANNELS, FIVE_OPEN, type LocalField } from '../domain/entry.ts';
import type { EntryFormValues } from '../http/entry-form.ts';

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
  const issues = props.issues;
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
      <ErrorSummary issues={issues} />
      <form method="post" action={props.action} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <div class="form-grid">
          <SelectField
            name="fieldCode"
            label="所属领域"
            value={v.fieldCode}
            options={[
              { value: '', label: '请选择' },
              ...[...PILOT_FIELDS, ...props.localFields].map((f) => ({ value: f.code, label: `${f.code} ${f.name}` })),
            ]}
            issues={issues}
          />
          <TextField name="itemL1" label="一级事项" value={v.itemL1} issues={issues} />
          <TextField name="itemL2" label="二级事项" value={v.itemL2} issues={issues} />
          <TextField name="publisher" label="公开主体" value={v.publisher} issues={issues} />
        </div>
        <TextArea
          name="contentElements"
          label="公开内容（要素），每行一项"
          wide
          rows={5}
          value={v.contentElements}
          issues={issues}
        />
        <TextArea
          name="legalBasis"
          label="公开依据，每行一项，如：【法律】《中华人民共和国预算法》第十四条"
          wide
          rows={4}
          value={v.legalBasis}
          issues={issues}
        />
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
          <FieldError issues={issues} field="timeLimit" />
        </fieldset>
        <fieldset class="form-row wide">
          <legend>公开渠道和载体</legend>
          <div class="check-grid">
            {CHANNELS.filter((c) => c !== '其他').map((c) => check('channels', c, c, v.channels.includes(c)))}
          </div>
          <label for="otherChannels">其他渠道（用顿号分隔）</label>
          <input id="otherChannels" name="otherChannels" type="text" value={v.otherChannels} />
          <FieldError issues={issues} field="channels" />
        </fieldset>
        <div class="form-grid">
          <fieldset class="form-row">
            <legend>公开对象</legend>
            {check('audience', 'public', '全社会', v.audience.includes('public'))}
            {check('audience', 'specific', '特定群体', v.audience.includes('specific'))}
            <FieldError issues={issues} field="audience" />
          </fieldset>
          <fieldset class="form-row">
            <legend>公开方式</legend>
            {check('mode', 'proactive', '主动', v.mode.includes('proactive'))}
            {check('mode', 'onRequest', '依申请', v.mode.includes('onRequest'))}
            <FieldError issues={issues} field="mode" />
          </fieldset>
          <fieldset class="form-row">
            <legend>公开层级</legend>
            {DISCLOSURE_LEVELS.map((l) => check('levels', l, DISCLOSURE_LEVEL_LABELS[l], v.levels.includes(l)))}
            <FieldError issues={issues} field="levels" />
          </fieldset>
          <fieldset class="form-row">
            <legend>五公开</legend>
            {FIVE_OPEN.map((t) => check('fiveOpen', t, `${t}公开`, v.fiveOpen.includes(t)))}
          </fieldset>
          <TextField
            name="retention"
            label="公开时长"
            value={v.retention}
            placeholder="如：长期、最新有效"
            issues={issues}
          />
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
