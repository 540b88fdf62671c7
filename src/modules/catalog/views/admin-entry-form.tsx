import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../../platform/web/fields.tsx';
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
        <CheckboxGroup
          name="channels"
          legend="公开渠道和载体"
          wide
          grid
          values={v.channels}
          options={CHANNELS.filter((c) => c !== '其他').map((c) => ({ value: c, label: c }))}
          issues={issues}
        >
          <label for="otherChannels">其他渠道（用顿号分隔）</label>
          <input id="otherChannels" name="otherChannels" type="text" value={v.otherChannels} />
        </CheckboxGroup>
        <div class="form-grid">
          <CheckboxGroup
            name="audience"
            legend="公开对象"
            values={v.audience}
            options={[
              { value: 'public', label: '全社会' },
              { value: 'specific', label: '特定群体' },
            ]}
            issues={issues}
          />
          <CheckboxGroup
            name="mode"
            legend="公开方式"
            values={v.mode}
            options={[
              { value: 'proactive', label: '主动' },
              { value: 'onRequest', label: '依申请' },
            ]}
            issues={issues}
          />
          <CheckboxGroup
            name="levels"
            legend="公开层级"
            values={v.levels}
            options={DISCLOSURE_LEVELS.map((l) => ({ value: l, label: DISCLOSURE_LEVEL_LABELS[l] }))}
            issues={issues}
          />
          <CheckboxGroup
            name="fiveOpen"
            legend="五公开"
            values={v.fiveOpen}
            options={FIVE_OPEN.map((t) => ({ value: t, label: `${t}公开` }))}
            issues={issues}
          />
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
