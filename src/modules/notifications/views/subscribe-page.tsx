import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { RadioGroup, TextField } from '../../../platform/web/fields.tsx';
import { FREQUENCIES, type ChoiceKind, type Choices } from '../domain/choices.ts';
import type { ChoiceOption } from '../queries/choice-catalog.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import { ChoiceFields } from './choice-fields.tsx';

/** What the subscribe form holds as typed, so a refused form shows it again. */
export type SubscribeValues = { channel: string; address: string; code: string; frequency: string; choices: Choices };

export const FOLDED: readonly ChoiceKind[] = ['org', 'field', 'topic'];

/** The resident's subscribe form: what to hear about, how often, and where (e-mail, or a mobile with a code). */
export function SubscribeForm(props: {
  csrfToken: string;
  values: SubscribeValues;
  issues: FieldIssue[];
  options: Record<ChoiceKind, ChoiceOption[]>;
  smsOffered: boolean;
  notice?: string | undefined;
}) {
  const v = props.values;
  return (
    <section class="panel prose">
      <h1>{NOTIFICATION_TEXT.subscribeTitle}</h1>
      <p>{NOTIFICATION_TEXT.subscribeIntro}</p>
      <ErrorSummary issues={props.issues} />
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <form method="post" action="/dingyue/" class="form">
        <Csrf token={props.csrfToken} />
        <ChoiceFields options={props.options} values={v.choices} issues={props.issues} folded={FOLDED} />
        <RadioGroup
          name="frequency"
          legend="推送频率"
          value={v.frequency}
          options={FREQUENCIES.map((f) => ({ value: f, label: NOTIFICATION_TEXT.frequencies[f] }))}
          issues={props.issues}
        />
        {props.smsOffered ? (
          <RadioGroup
            name="channel"
            legend="接收方式"
            value={v.channel}
            options={[
              { value: 'email', label: '电子邮件' },
              { value: 'sms', label: '手机短信（需短信验证码）' },
            ]}
            issues={props.issues}
          />
        ) : (
          <input type="hidden" name="channel" value="email" />
        )}
        <TextField
          name="address"
          label={props.smsOffered ? '电子邮箱或手机号码' : '电子邮箱'}
          value={v.address}
          maxlength={254}
          autocomplete={props.smsOffered ? 'on' : 'email'}
          required
          issues={props.issues}
        />
        {props.smsOffered ? (
          <TextField
            name="code"
            label="短信验证码（选择手机短信时填写）"
            value={v.code}
            maxlength={6}
            autocomplete="one-time-code"
            inputmode="numeric"
            issues={props.issues}
          />
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button primary" name="step" value="subscribe">
            订阅
          </button>
          {props.smsOffered ? (
            <button type="submit" class="button" name="step" value="code">
              获取短信验证码
            </button>
          ) : null}
        </div>
        <p class="hint">
          我们只保存您的邮箱或手机号和所选内容，用于推送；每封推送都附有退订链接，您可以随时退订，或在“管理我的订阅”中删除全部信息。
        </p>
      </form>
    </section>
  );
}

/** A short page that says what happened and what to do next. */
export function NoticePage(props: { title: string; message: string; children?: Child }) {
  return (
    <section class="panel prose">
      <h1>{props.title}</h1>
      <p role="status">{props.message}</p>
      {props.children}
    </section>
  );
}
