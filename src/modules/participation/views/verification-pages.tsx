import type { FieldIssue } from '../../../platform/errors.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { TextField } from '../../../platform/web/fields.tsx';
import { VERIFICATION_TEXT as T } from '../domain/verification-strings.ts';
import { VERIFY_PATH, verifyPath } from './verification-paths.ts';

/**
 * The first step: the resident types an e-mail address (or a mobile number where SMS is
 * configured) and asks for a code. Someone verified already is told until when, with a link on.
 */
export function VerifyStartPage(props: {
  next: string;
  contact: string;
  issues: FieldIssue[];
  message?: string | undefined;
  csrfToken: string;
  smsAvailable: boolean;
  verifiedUntil: Date | null;
}) {
  return (
    <section class="panel verification">
      <h1>{T.title}</h1>
      <p>{T.intro}</p>
      {props.verifiedUntil !== null ? (
        <p class="notice">
          {T.alreadyVerified(chinaDateTime(props.verifiedUntil.toISOString()))} <a href={props.next}>{T.continue}</a>
        </p>
      ) : null}
      <ErrorSummary issues={props.issues} message={props.message} />
      <form method="post" action={VERIFY_PATH} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="contact"
          label={props.smsAvailable ? T.contactLabel : T.contactLabelEmailOnly}
          type={props.smsAvailable ? 'text' : 'email'}
          value={props.contact}
          maxlength={254}
          issues={props.issues}
          hint={props.smsAvailable ? T.contactHint : T.contactHintEmailOnly}
          autocomplete={props.smsAvailable ? 'on' : 'email'}
          required
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {T.send}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The second step: the code sent to the masked contact. A code that can no longer verify (used,
 * burned, expired) is said so, with the way to a new one instead of the form.
 */
export function VerifyCodePage(props: {
  id: string;
  next: string;
  maskedContact: string;
  issues: FieldIssue[];
  message?: string | undefined;
  /** The code can no longer verify: only the way to a new one is offered. */
  isSpent: boolean;
  /** Mail goes to the outbox folder (no SMTP server configured): the demo's operator is told where the code is. */
  isOutbox: boolean;
  csrfToken: string;
}) {
  return (
    <section class="panel verification">
      <h1>{T.codeTitle}</h1>
      <ErrorSummary issues={props.issues} message={props.message} />
      {props.isSpent ? null : (
        <>
          <p class="notice">{T.codeSent(props.maskedContact)}</p>
          {props.isOutbox ? <p class="hint">{T.outbox}</p> : null}
          <form method="post" action={`${VERIFY_PATH}${props.id}`} class="form" id="form">
            <Csrf token={props.csrfToken} />
            <input type="hidden" name="next" value={props.next} />
            <TextField
              name="code"
              label={T.codeLabel}
              value=""
              maxlength={12}
              inputmode="numeric"
              autocomplete="one-time-code"
              issues={props.issues}
              hint={T.codeHint}
              required
            />
            <div class="form-actions">
              <button type="submit" class="button button-primary">
                {T.confirm}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <a href={verifyPath(props.next)}>{props.isSpent ? T.restart : T.changeContact}</a>
      </p>
    </section>
  );
}
