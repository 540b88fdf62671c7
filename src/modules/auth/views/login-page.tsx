import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import type { FieldIssue } from '../../../platform/errors.ts';
import { TextField } from '../../../platform/web/fields.tsx';

/** The sign-in form. */
export function LoginForm(props: {
  csrfToken: string;
  next: string;
  username?: string;
  error?: string;
  issues?: FieldIssue[];
}) {
  return (
    <section class="login-panel">
      <h1>工作人员登录</h1>
      <ErrorSummary issues={props.issues ?? []} message={props.error} />
      <form method="post" action="/admin/login" class="form">
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="username"
          label="用户名"
          autocomplete="username"
          required
          value={props.username ?? ''}
          autofocus
          issues={props.issues}
        />
        <TextField
          name="password"
          label="密码"
          type="password"
          autocomplete="current-password"
          required
          issues={props.issues}
        />
        <button type="submit" class="button primary">
          登录
        </button>
      </form>
      <p class="hint">连续输错5次密码，账户将锁定15分钟。长时间不操作将自动退出。</p>
    </section>
  );
}

/** The second step of sign-in: the code from the authenticator app. */
export function SecondFactorForm(props: { csrfToken: string; error?: string }) {
  return (
    <section class="login-panel">
      <h1>双因素认证</h1>
      <ErrorSummary issues={[]} message={props.error} />
      <form method="post" action="/admin/login/2fa" class="form">
        <Csrf token={props.csrfToken} />
        <TextField
          name="code"
          label="动态验证码（6位数字）"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          required
          autofocus
        />
        <button type="submit" class="button primary">
          验证
        </button>
      </form>
    </section>
  );
}
