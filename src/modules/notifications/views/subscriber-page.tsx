import type { FieldIssue } from '../../../platform/errors.ts';
import { ErrorSummary } from '../../../platform/web/components.tsx';
import { RadioGroup } from '../../../platform/web/fields.tsx';
import { maskAddress } from '../domain/address.ts';
import { FREQUENCIES, type ChoiceKind, type Choices } from '../domain/choices.ts';
import type { Subscriber } from '../ports.ts';
import type { ChoiceOption } from '../queries/choice-catalog.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import { ChoiceFields } from './choice-fields.tsx';
import { FOLDED } from './subscribe-page.tsx';

const STATE_TEXT = {
  pending: '尚未确认：确认后才会推送。',
  active: '订阅中。',
  unsubscribed: '已退订，不再推送。',
} as const;

/**
 * A subscriber's own page, reached by the signed link in every mail: confirm a pending subscription,
 * change what and how often, unsubscribe, or erase everything. The link is the proof; no account.
 */
export function SubscriberPage(props: {
  subscriber: Subscriber;
  base: string;
  values: { frequency: string; choices: Choices };
  issues: FieldIssue[];
  options: Record<ChoiceKind, ChoiceOption[]>;
  notice?: string | undefined;
}) {
  const s = props.subscriber;
  return (
    <section class="panel prose">
      <h1>{NOTIFICATION_TEXT.manageTitle}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        {NOTIFICATION_TEXT.channels[s.channel]}：{maskAddress(s.channel, s.address)}　{STATE_TEXT[s.state]}
      </p>
      {s.state === 'pending' ? (
        <form method="post" action={`${props.base}/confirm`} class="form">
          <div class="form-actions">
            <button type="submit" class="button primary">
              {NOTIFICATION_TEXT.confirmButton}
            </button>
          </div>
        </form>
      ) : null}
      <h2>订阅内容</h2>
      <ErrorSummary issues={props.issues} />
      <form method="post" action={`${props.base}/preferences`} class="form">
        <ChoiceFields options={props.options} values={props.values.choices} issues={props.issues} folded={FOLDED} />
        <RadioGroup
          name="frequency"
          legend="推送频率"
          value={props.values.frequency}
          options={FREQUENCIES.map((f) => ({ value: f, label: NOTIFICATION_TEXT.frequencies[f] }))}
          issues={props.issues}
        />
        <div class="form-actions">
          <button type="submit" class="button primary">
            {s.state === 'unsubscribed' ? NOTIFICATION_TEXT.resubscribe : '保存设置'}
          </button>
        </div>
      </form>
      <h2>退订和删除</h2>
      <div class="form-actions">
        {s.state !== 'unsubscribed' ? (
          <form method="post" action={`${props.base}/unsubscribe`}>
            <button type="submit" class="button">
              {NOTIFICATION_TEXT.unsubscribeButton}
            </button>
          </form>
        ) : null}
        <form method="post" action={`${props.base}/erase`}>
          <button type="submit" class="button">
            {NOTIFICATION_TEXT.eraseButton}
          </button>
        </form>
      </div>
    </section>
  );
}

/** The page an unsubscribe link opens in a browser: one button, so a mail scanner's visit changes nothing. */
export function UnsubscribePage(props: { subscriber: Subscriber; base: string }) {
  const s = props.subscriber;
  return (
    <section class="panel prose">
      <h1>{NOTIFICATION_TEXT.unsubscribeTitle}</h1>
      <p>
        {NOTIFICATION_TEXT.channels[s.channel]}：{maskAddress(s.channel, s.address)}
      </p>
      {s.state === 'unsubscribed' ? (
        <p role="status">{NOTIFICATION_TEXT.unsubscribed}</p>
      ) : (
        <form method="post" action={`${props.base}/unsubscribe`} class="form">
          <div class="form-actions">
            <button type="submit" class="button primary">
              {NOTIFICATION_TEXT.unsubscribeButton}
            </button>
          </div>
        </form>
      )}
      <p>
        <a href={props.base}>管理我的订阅</a>
      </p>
    </section>
  );
}
