import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthWebDeps } from './deps.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import { SESSION_COOKIE } from './request-session.ts';
import { flashOutcome, setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { z } from 'zod';
import { Csrf } from '../../../platform/web/components.tsx';
import { TextField } from '../../../platform/web/fields.tsx';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { createApiToken } from '../commands/create-api-token.ts';
import { revokeApiToken } from '../commands/revoke-api-token.ts';
import { beginTotpEnrolment, confirmTotpEnrolment } from '../commands/manage-totp.ts';
import { setPassword } from '../commands/set-password.ts';
import { setUserEmail } from '../commands/set-user-email.ts';
import type { StaffActor } from '../../access/index.ts';
import { ROLE_LABELS } from '../../access/index.ts';
import { isTokenUsable } from '../domain/user.ts';
import { mustEnrolSecondFactor } from '../domain/second-factor-policy.ts';
import { totpUri } from '../domain/totp.ts';
import { AUTH_TEXT } from '../strings.ts';

const TokenParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) });

const staffOf = (request: FastifyRequest): StaffActor => {
  if (request.actor.kind !== 'staff') throw new DomainError('unauthenticated');
  return request.actor;
};

/** The signed-in user's own account: password and personal API tokens. */
export function registerAccountRoutes(app: FastifyInstance, ctx: AuthWebDeps): void {
  app.get('/admin/account', async (request, reply) => renderAccount(request, reply));

  app.post('/admin/account/password', async (request, reply) => {
    const actor = staffOf(request);
    const fields = formFields(request);
    try {
      await setPassword({
        uow: ctx.uow,
        clock: ctx.clock,
        hasher: ctx.hasher,
        actor,
        userId: actor.userId,
        currentPassword: field(fields, 'currentPassword'),
        newPassword: field(fields, 'newPassword'),
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      setFlash(reply, { kind: 'success', text: AUTH_TEXT.passwordChanged });
      return seeOther(reply, '/admin/login');
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      setFlash(reply, { kind: 'error', text: error.fields.map((f) => f.message).join(' ') });
      return seeOther(reply, '/admin/account');
    }
  });

  app.post('/admin/account/email', async (request, reply) => {
    const actor = staffOf(request);
    await flashOutcome(reply, AUTH_TEXT.emailSaved, () =>
      setUserEmail({
        uow: ctx.uow,
        clock: ctx.clock,
        actor,
        userId: actor.userId,
        email: field(formFields(request), 'email'),
      }),
    );
    return seeOther(reply, '/admin/account');
  });

  app.post('/admin/account/tokens', async (request, reply) => {
    const actor = staffOf(request);
    const { token } = await createApiToken({
      uow: ctx.uow,
      clock: ctx.clock,
      actor,
      username: actor.username,
      name: field(formFields(request), 'name').slice(0, 60),
      lifetimeDays: ctx.config.tokenLifetimeDays,
    });
    // Shown on this response only, never stored or redirected with.
    return renderAccount(request, reply, token);
  });

  app.post('/admin/account/tokens/:id/revoke', async (request, reply) => {
    const actor = staffOf(request);
    const { id } = parseInput(TokenParams, request.params);
    const token = await ctx.stores.tokens.getById(id);
    // Only one's own tokens here; managers revoke others' through the account's page or the CLI.
    if (!token || token.userId !== actor.userId) throw new DomainError('not_found');
    await revokeApiToken({ uow: ctx.uow, clock: ctx.clock, actor, tokenId: id });
    setFlash(reply, { kind: 'success', text: AUTH_TEXT.tokenRevoked });
    return seeOther(reply, '/admin/account');
  });

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, newToken?: string) {
    const actor = staffOf(request);
    const user = request.staffUser;
    const tokens = await ctx.stores.tokens.listForUser(actor.userId);
    const now = ctx.clock.now();
    const site = await ctx.shell.site();
    return sendAdminPage(ctx, request, reply, {
      title: '我的账户',
      active: 'account',
      body: (
        <section>
          <h1>我的账户</h1>
          <p>
            {actor.displayName}（{actor.username}）
          </p>
          <section class="panel">
            <h2>我的角色</h2>
            <ul>
              {actor.grants.map((grant) => (
                <li>{ROLE_LABELS[grant.role]}</li>
              ))}
            </ul>
          </section>
          <section class="panel">
            <h2>双因素认证</h2>
            {user?.totpEnabled ? (
              <p>已启用。登录时需输入验证器应用中的6位动态验证码。</p>
            ) : (
              <p>
                未启用。{mustEnrolSecondFactor(actor.grants, false, site.isDemo) ? '您的角色要求必须启用。' : ''}
                <a href="/admin/account/2fa">立即启用</a>
              </p>
            )}
          </section>
          <section class="panel">
            <h2>提醒邮箱</h2>
            <p>依申请公开的答复期限提醒等通知发送到此邮箱。</p>
            <form method="post" action="/admin/account/email" class="form">
              <Csrf token={request.csrfToken} />
              <TextField
                name="email"
                label="工作电子邮箱（不填则不接收邮件提醒）"
                type="email"
                autocomplete="email"
                value={user?.email ?? ''}
              />
              <button type="submit" class="button">
                保存邮箱
              </button>
            </form>
          </section>
          <section class="panel">
            <h2>修改密码</h2>
            <form method="post" action="/admin/account/password" class="form">
              <Csrf token={request.csrfToken} />
              <TextField
                name="currentPassword"
                label="当前密码"
                type="password"
                autocomplete="current-password"
                required
              />
              <TextField
                name="newPassword"
                label="新密码（至少10位，含字母和数字）"
                type="password"
                autocomplete="new-password"
                required
              />
              <button type="submit" class="button">
                修改密码
              </button>
            </form>
          </section>
          <section class="panel">
            <h2>个人访问令牌（API）</h2>
            {newToken ? (
              <div class="notice notice-success" role="status">
                <p>{AUTH_TEXT.tokenCreated}</p>
                <p>
                  <code class="token">{newToken}</code>
                </p>
              </div>
            ) : null}
            <p class="hint">
              令牌自生成起 {ctx.config.tokenLifetimeDays} 天内有效；修改密码、账户停用或角色被撤销时，所有令牌立即失效。
            </p>
            {tokens.length > 0 ? (
              <table class="data-table">
                <caption>我的访问令牌</caption>
                <thead>
                  <tr>
                    <th scope="col">用途</th>
                    <th scope="col">创建时间</th>
                    <th scope="col">有效期至</th>
                    <th scope="col">最近使用</th>
                    <th scope="col">状态</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((token) => {
                    const usable = isTokenUsable(token, now);
                    return (
                      <tr>
                        <td>{token.name}</td>
                        <td>{chinaDateTime(token.createdAt)}</td>
                        <td>{chinaDateTime(token.expiresAt)}</td>
                        <td>{token.lastUsedAt ? chinaDateTime(token.lastUsedAt) : '尚未使用'}</td>
                        <td>{token.revokedAt ? '已撤销' : usable ? '有效' : '已过期'}</td>
                        <td>
                          {usable ? (
                            <form method="post" action={`/admin/account/tokens/${token.id}/revoke`} class="inline">
                              <Csrf token={request.csrfToken} />
                              <button type="submit" class="link-button danger" aria-label={`撤销令牌“${token.name}”`}>
                                撤销
                              </button>
                            </form>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
            <form method="post" action="/admin/account/tokens" class="form filter-form">
              <Csrf token={request.csrfToken} />
              <TextField name="name" id="token-name" label="令牌用途" required placeholder="例如：数据对接" />
              <button type="submit" class="button">
                生成令牌
              </button>
            </form>
          </section>
        </section>
      ),
    });
  }
}

/**
 * Enrolment in two-factor sign-in: the one part of the back office an administrator who still owes
 * it may open.
 */
export function registerSecondFactorEnrolmentRoutes(app: FastifyInstance, ctx: AuthWebDeps): void {
  app.get('/admin/account/2fa', async (request, reply) => {
    const actor = staffOf(request);
    const user = request.staffUser;
    if (user?.totpEnabled) return seeOther(reply, '/admin/account');
    const secret = await beginTotpEnrolment({ uow: ctx.uow, actor });
    return renderEnrolment(request, reply, actor, secret);
  });

  app.post('/admin/account/2fa', async (request, reply) => {
    const actor = staffOf(request);
    try {
      await confirmTotpEnrolment({ uow: ctx.uow, clock: ctx.clock, actor, code: field(formFields(request), 'code') });
      setFlash(reply, { kind: 'success', text: AUTH_TEXT.totpEnabled });
      return seeOther(reply, '/admin/account');
    } catch (error) {
      if (!isDomainError(error, 'totp_invalid')) throw error;
      const credentials = await ctx.stores.users.getCredentials(actor.userId);
      return renderEnrolment(request, reply, actor, credentials?.totpSecret ?? '', error.message, 401);
    }
  });

  async function renderEnrolment(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: StaffActor,
    secret: string,
    error?: string,
    status = 200,
  ) {
    const site = await ctx.shell.site();
    const uri = totpUri(secret, actor.username, site.siteName);
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: '启用双因素认证',
        active: 'account',
        body: (
          <section>
            <h1>启用双因素认证</h1>
            {error ? (
              <p class="flash flash-error" role="alert">
                {error}
              </p>
            ) : null}
            <ol>
              <li>在手机上打开验证器应用（如 Microsoft Authenticator、FreeOTP 等）。</li>
              <li>
                添加账户，选择“手动输入密钥”，输入下面的密钥（基于时间，6位，30秒）：
                <p>
                  <code class="token">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
                </p>
                <p class="hint">
                  或使用配置链接：<code class="token small">{uri}</code>
                </p>
              </li>
              <li>输入应用显示的6位动态验证码完成启用。</li>
            </ol>
            <form method="post" action="/admin/account/2fa" class="form">
              <Csrf token={request.csrfToken} />
              <TextField name="code" label="动态验证码" inputmode="numeric" autocomplete="one-time-code" required />
              <button type="submit" class="button primary">
                启用
              </button>
            </form>
          </section>
        ),
      },
      status,
    );
  }
}
