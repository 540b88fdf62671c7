import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthWebDeps } from './deps.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { flashOutcome, setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { Csrf, ErrorSummary, Pagination } from '../../../platform/web/components.tsx';
import { SelectField, TextField, type Choice } from '../../../platform/web/fields.tsx';
import { parseInput } from '../../../platform/validation.ts';
import type { Org } from '../../orgs/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { grantRole, revokeRole } from '../commands/change-grants.ts';
import { createUser } from '../commands/create-user.ts';
import { setPassword } from '../commands/set-password.ts';
import { setUserEmail } from '../commands/set-user-email.ts';
import { setUserActive } from '../commands/set-user-active.ts';
import {
  can,
  canGrant,
  scopeFor,
  scopeIncludes,
  type Actor,
  ROLE_LABELS,
  ROLES,
  isRole,
  type Role,
} from '../../access/index.ts';
import { AUTH_TEXT } from '../strings.ts';

const UserParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) });
const ListQuery = z.object({
  q: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});

type NewUserValues = {
  username: string;
  displayName: string;
  email: string;
  homeOrgId: string;
  password: string;
  role: string;
};

/** Staff accounts inside the manager's subtree: list, create with a role, grant and revoke, reset password. */
export function registerUserAdminRoutes(app: FastifyInstance, ctx: AuthWebDeps): void {
  const { stores } = ctx;

  app.get('/admin/users', async (request, reply) => {
    const query = parseInput(ListQuery, request.query);
    const scope = scopeFor(request.actor, 'user.manage');
    if (scope.kind === 'subtrees' && scope.paths.length === 0) throw new DomainError('forbidden');
    const pageSize = 30;
    const result = await stores.users.find(
      scope,
      { query: query.q },
      { offset: (query.page - 1) * pageSize, limit: pageSize },
    );
    const orgs = new Map((await listOrgs(stores)).map((o) => [o.id, o]));
    return sendAdminPage(ctx, request, reply, {
      title: '用户与角色',
      active: 'users',
      body: (
        <section>
          <div class="page-head">
            <h1>用户与角色</h1>
            <a class="button primary" href="/admin/users/new">
              新建用户
            </a>
          </div>
          <form method="get" action="/admin/users" class="filter-form" role="search">
            <TextField name="q" id="uq" label="用户名或姓名" type="search" value={query.q ?? ''} />
            <button type="submit" class="button">
              查找
            </button>
          </form>
          <table class="data-table">
            <caption class="visually-hidden">用户列表</caption>
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">所属单位</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((user) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${user.id}`}>{user.username}</a>
                  </td>
                  <td>{user.displayName}</td>
                  <td>{orgs.get(user.homeOrgId)?.name}</td>
                  <td>
                    {user.isActive ? '正常' : '停用'}
                    {user.lockedUntil && user.lockedUntil > ctx.clock.now() ? '（已锁定）' : ''}
                    {user.totpEnabled ? '（已启用双因素）' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            page={query.page}
            pageSize={pageSize}
            total={result.total}
            href={(p) => `/admin/users?page=${p}&q=${encodeURIComponent(query.q ?? '')}`}
          />
        </section>
      ),
    });
  });

  app.get('/admin/users/new', async (request, reply) =>
    renderNewUser(
      request,
      reply,
      { username: '', displayName: '', email: '', homeOrgId: '', password: '', role: 'editor' },
      [],
    ),
  );

  app.post('/admin/users', async (request, reply) => {
    const fields = formFields(request);
    const values: NewUserValues = {
      username: field(fields, 'username'),
      displayName: field(fields, 'displayName'),
      email: field(fields, 'email'),
      homeOrgId: field(fields, 'homeOrgId'),
      password: field(fields, 'password'),
      role: field(fields, 'role'),
    };
    try {
      const role = isRole(values.role) ? values.role : undefined;
      const user = await createUser({
        uow: ctx.uow,
        clock: ctx.clock,
        hasher: ctx.hasher,
        actor: request.actor,
        input: { ...values, grants: role ? [{ role, orgId: values.homeOrgId }] : [] },
      });
      setFlash(reply, { kind: 'success', text: AUTH_TEXT.userCreated });
      return seeOther(reply, `/admin/users/${user.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed') && !isDomainError(error, 'out_of_scope')) throw error;
      return renderNewUser(
        request,
        reply,
        { ...values, password: '' },
        error.fields,
        error.code === 'out_of_scope' ? error.message : undefined,
        error.status,
      );
    }
  });

  app.get('/admin/users/:id', async (request, reply) => {
    const { id } = parseInput(UserParams, request.params);
    const { user, home } = await loadManagedUser(request.actor, id);
    const orgs = await listOrgs(stores);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const grants = await stores.users.grantsOf(user.id);
    const grantable = grantableChoices(request.actor, orgs);
    return sendAdminPage(ctx, request, reply, {
      title: `用户：${user.displayName}`,
      active: 'users',
      body: (
        <section>
          <h1>
            {user.displayName}（{user.username}）
          </h1>
          <p>所属单位：{home.name}</p>
          <section class="panel">
            <h2>提醒邮箱</h2>
            <form method="post" action={`/admin/users/${user.id}/email`} class="form filter-form">
              <Csrf token={request.csrfToken} />
              <TextField
                name="email"
                label="工作电子邮箱（答复期限提醒发往此处）"
                type="email"
                autocomplete="off"
                value={user.email ?? ''}
              />
              <button type="submit" class="button">
                保存邮箱
              </button>
            </form>
          </section>
          <section class="panel">
            <h2>账户状态</h2>
            <p>{user.isActive ? '正常使用中。' : '已停用：不能登录，访问令牌已失效。'}</p>
            {request.actor.kind === 'staff' && request.actor.userId === user.id ? null : (
              <form
                method="post"
                action={`/admin/users/${user.id}/${user.isActive ? 'disable' : 'enable'}`}
                class="inline"
              >
                <Csrf token={request.csrfToken} />
                <button type="submit" class={user.isActive ? 'button danger' : 'button'}>
                  {user.isActive ? '停用账户' : '重新启用账户'}
                </button>
              </form>
            )}
          </section>
          <section class="panel">
            <h2>角色</h2>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">角色</th>
                  <th scope="col">单位（含下级）</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((grant) => (
                  <tr>
                    <td>{ROLE_LABELS[grant.role]}</td>
                    <td>{byId.get(grant.orgId)?.name}</td>
                    <td>
                      {canGrant(request.actor, grant.role, byId.get(grant.orgId)?.path ?? '/') ? (
                        <form method="post" action={`/admin/users/${user.id}/grants/${grant.id}/revoke`} class="inline">
                          <Csrf token={request.csrfToken} />
                          <button type="submit" class="link-button danger">
                            撤销
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {grantable.orgs.length > 0 ? (
              <form method="post" action={`/admin/users/${user.id}/grants`} class="form filter-form">
                <Csrf token={request.csrfToken} />
                <SelectField
                  name="role"
                  id="grant-role"
                  label="角色"
                  options={grantable.roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                />
                <SelectField
                  name="orgId"
                  id="grant-org"
                  label="单位"
                  value={user.homeOrgId}
                  options={orgChoices(grantable.orgs)}
                />
                <button type="submit" class="button">
                  授予角色
                </button>
              </form>
            ) : null}
          </section>
          <section class="panel">
            <h2>重置密码</h2>
            <form method="post" action={`/admin/users/${user.id}/password`} class="form">
              <Csrf token={request.csrfToken} />
              <TextField
                name="newPassword"
                label="新密码（至少10位，含字母和数字）"
                type="password"
                autocomplete="new-password"
                required
              />
              <button type="submit" class="button">
                重置密码
              </button>
            </form>
          </section>
        </section>
      ),
    });
  });

  app.post('/admin/users/:id/grants', async (request, reply) => {
    const { id } = parseInput(UserParams, request.params);
    const fields = formFields(request);
    const role = field(fields, 'role');
    try {
      if (!isRole(role))
        throw new DomainError('validation_failed', { fields: [{ field: 'role', message: AUTH_TEXT.chooseRole }] });
      await grantRole({
        uow: ctx.uow,
        clock: ctx.clock,
        actor: request.actor,
        userId: id,
        role,
        orgId: field(fields, 'orgId'),
      });
      setFlash(reply, { kind: 'success', text: AUTH_TEXT.roleGranted });
    } catch (error) {
      if (!isDomainError(error) || error.status >= 500) throw error;
      setFlash(reply, { kind: 'error', text: error.fields[0]?.message ?? error.message });
    }
    return seeOther(reply, `/admin/users/${id}`);
  });

  app.post('/admin/users/:id/grants/:grantId/revoke', async (request, reply) => {
    const { id, grantId } = parseInput(
      UserParams.extend({ grantId: z.string().regex(/^[0-9a-z]{16}$/) }),
      request.params,
    );
    await revokeRole({ uow: ctx.uow, clock: ctx.clock, actor: request.actor, userId: id, grantId });
    setFlash(reply, { kind: 'success', text: AUTH_TEXT.roleRevoked });
    return seeOther(reply, `/admin/users/${id}`);
  });

  app.post('/admin/users/:id/password', async (request, reply) => {
    const { id } = parseInput(UserParams, request.params);
    await flashOutcome(reply, AUTH_TEXT.passwordReset, () =>
      setPassword({
        uow: ctx.uow,
        clock: ctx.clock,
        hasher: ctx.hasher,
        actor: request.actor,
        userId: id,
        newPassword: field(formFields(request), 'newPassword'),
      }),
    );
    return seeOther(reply, `/admin/users/${id}`);
  });

  app.post('/admin/users/:id/email', async (request, reply) => {
    const { id } = parseInput(UserParams, request.params);
    await loadManagedUser(request.actor, id);
    await flashOutcome(reply, AUTH_TEXT.emailSaved, () =>
      setUserEmail({
        uow: ctx.uow,
        clock: ctx.clock,
        actor: request.actor,
        userId: id,
        email: field(formFields(request), 'email'),
      }),
    );
    return seeOther(reply, `/admin/users/${id}`);
  });

  for (const [action, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    app.post(`/admin/users/:id/${action}`, async (request, reply) => {
      const { id } = parseInput(UserParams, request.params);
      await loadManagedUser(request.actor, id);
      await setUserActive({ uow: ctx.uow, clock: ctx.clock, actor: request.actor, userId: id, active });
      setFlash(reply, { kind: 'success', text: active ? AUTH_TEXT.userEnabled : AUTH_TEXT.userDisabled });
      return seeOther(reply, `/admin/users/${id}`);
    });
  }

  async function loadManagedUser(actor: Actor, id: string) {
    const user = await stores.users.getById(id);
    const home = user && (await stores.orgs.getById(user.homeOrgId));
    if (!user || !home || !scopeIncludes(scopeFor(actor, 'user.manage'), home.path)) throw new DomainError('not_found');
    return { user, home };
  }

  async function renderNewUser(
    request: FastifyRequest,
    reply: FastifyReply,
    values: NewUserValues,
    issues: FieldIssue[],
    message?: string,
    status = 200,
  ) {
    const orgs = (await listOrgs(stores)).filter((org) => can(request.actor, 'user.manage', org.path));
    if (orgs.length === 0) throw new DomainError('forbidden');
    const grantable = grantableChoices(request.actor, orgs);
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: '新建用户',
        active: 'users',
        body: (
          <section>
            <h1>新建用户</h1>
            <ErrorSummary issues={issues} message={message} />
            <form method="post" action="/admin/users" class="form">
              <Csrf token={request.csrfToken} />
              <div class="form-grid">
                <TextField
                  name="username"
                  label="用户名"
                  required
                  value={values.username}
                  autocomplete="off"
                  issues={issues}
                />
                <TextField name="displayName" label="姓名" required value={values.displayName} issues={issues} />
                <TextField
                  name="email"
                  label="工作电子邮箱（可不填）"
                  type="email"
                  autocomplete="off"
                  value={values.email}
                  issues={issues}
                />
                <SelectField
                  name="homeOrgId"
                  label="所属单位"
                  value={values.homeOrgId}
                  options={orgChoices(orgs)}
                  issues={issues}
                />
                <SelectField
                  name="role"
                  label="在所属单位的角色"
                  value={values.role}
                  options={grantable.roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                  issues={issues}
                />
                <TextField
                  name="password"
                  label="初始密码（至少10位，含字母和数字）"
                  type="password"
                  required
                  autocomplete="new-password"
                  issues={issues}
                />
              </div>
              <div class="form-actions">
                <button type="submit" class="button primary">
                  创建
                </button>
                <a class="button" href="/admin/users">
                  取消
                </a>
              </div>
            </form>
          </section>
        ),
      },
      status,
    );
  }
}

/** Units as select options, indented by their depth in the tree. */
function orgChoices(orgs: Org[]): Choice[] {
  return orgs.map((org) => ({ value: org.id, label: `${'　'.repeat(org.depth)}${org.name}` }));
}

/** Roles the actor may grant somewhere, and the units where they may grant anything. */
function grantableChoices(actor: Actor, orgs: Org[]): { roles: Role[]; orgs: Org[] } {
  return {
    roles: ROLES.filter((role) => orgs.some((org) => canGrant(actor, role, org.path))),
    orgs: orgs.filter((org) => ROLES.some((role) => canGrant(actor, role, org.path))),
  };
}
