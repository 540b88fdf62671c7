import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ORG_TEXT } from '../strings.ts';
import { z } from 'zod';
import type { OrgsWebDeps } from './deps.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../../platform/web/fields.tsx';
import { parseInput } from '../../../platform/validation.ts';
import { can, canAnywhere, scopeFor, scopeIncludes } from '../../access/index.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { createOrg } from '../commands/create-org.ts';
import { updateOrg } from '../commands/update-org.ts';
import {
  ALLOWED_CHILDREN,
  DISCLOSURE_LEVEL_LABELS,
  DISCLOSURE_LEVELS,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  type DisclosureLevel,
  type Org,
  type OrgType,
} from '../domain/org.ts';
import { listOrgs } from '../queries/org-tree.ts';

const CodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{2,32}$/) });

type OrgFormValues = {
  parentId: string;
  type: string;
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  levels: string[];
  sortOrder: string;
};

/** The organisation tree in the back office: everyone may look at their subtree; system admins change it. */
export function registerOrgAdminRoutes(app: FastifyInstance, ctx: OrgsWebDeps): void {
  app.get('/admin/orgs', async (request, reply) => {
    const scope = scopeFor(request.actor, 'document.read');
    const orgs = (await listOrgs(ctx.stores)).filter((org) => scopeIncludes(scope, org.path));
    const mayManage = canAnywhere(request.actor, 'org.manage');
    return sendAdminPage(ctx, request, reply, {
      title: '组织机构',
      active: 'orgs',
      body: (
        <section>
          <div class="page-head">
            <h1>组织机构</h1>
            {mayManage ? (
              <a class="button primary" href="/admin/orgs/new">
                新增单位
              </a>
            ) : null}
          </div>
          <table class="data-table">
            <caption class="visually-hidden">本人管理范围内的单位</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">类型</th>
                <th scope="col">代码</th>
                <th scope="col">公开层级</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((org) => (
                <tr>
                  <td>
                    <span class="tree-indent">{'　'.repeat(org.depth)}</span>
                    {org.name}
                    {org.isDemo ? <span class="tag tag-muted">演示</span> : null}
                  </td>
                  <td>{ORG_TYPE_LABELS[org.type]}</td>
                  <td>{org.code}</td>
                  <td>{org.levels.map((l) => DISCLOSURE_LEVEL_LABELS[l]).join('、')}</td>
                  <td>
                    <a href={`/admin/documents?org=${org.code}`}>信息</a>
                    {can(request.actor, 'org.manage', org.path) ? (
                      <span>
                        {' '}
                        | <a href={`/admin/orgs/${org.code}/edit`}>编辑</a>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ),
    });
  });

  app.get('/admin/orgs/new', async (request, reply) => {
    const parents = await manageableOrgs(request);
    if (parents.length === 0) throw new DomainError('forbidden');
    return renderForm(
      request,
      reply,
      null,
      {
        parentId: parents[0]!.id,
        type: 'department',
        code: '',
        name: '',
        shortName: '',
        creditCode: '',
        levels: [],
        sortOrder: '0',
      },
      [],
    );
  });

  app.post('/admin/orgs', async (request, reply) => {
    const values = orgFormValues(formFields(request));
    try {
      await createOrg({
        uow: ctx.uow,
        clock: ctx.clock,
        actor: request.actor,
        parentId: values.parentId,
        input: orgInput(values),
      });
      setFlash(reply, { kind: 'success', text: ORG_TEXT.created });
      return seeOther(reply, '/admin/orgs');
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderForm(request, reply, null, values, error.fields, 400);
    }
  });

  app.get('/admin/orgs/:code/edit', async (request, reply) => {
    const { code } = parseInput(CodeParams, request.params);
    const org = await ctx.stores.orgs.getByCode(code);
    if (!org || !can(request.actor, 'org.manage', org.path)) throw new DomainError('not_found');
    return renderForm(
      request,
      reply,
      org,
      {
        parentId: org.parentId ?? '',
        type: org.type,
        code: org.code,
        name: org.name,
        shortName: org.shortName,
        creditCode: org.creditCode ?? '',
        levels: org.levels,
        sortOrder: String(org.sortOrder),
      },
      [],
    );
  });

  app.post('/admin/orgs/:code', async (request, reply) => {
    const { code } = parseInput(CodeParams, request.params);
    const org = await ctx.stores.orgs.getByCode(code);
    if (!org) throw new DomainError('not_found');
    const values = orgFormValues(formFields(request));
    try {
      await updateOrg({ uow: ctx.uow, clock: ctx.clock, actor: request.actor, orgId: org.id, input: orgInput(values) });
      setFlash(reply, { kind: 'success', text: ORG_TEXT.saved });
      return seeOther(reply, '/admin/orgs');
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderForm(request, reply, org, values, error.fields, 400);
    }
  });

  async function manageableOrgs(request: FastifyRequest): Promise<Org[]> {
    return (await listOrgs(ctx.stores)).filter(
      (org) => can(request.actor, 'org.manage', org.path) && ALLOWED_CHILDREN[org.type].length > 0,
    );
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    existing: Org | null,
    values: OrgFormValues,
    issues: FieldIssue[],
    status = 200,
  ) {
    const parents = existing ? [] : await manageableOrgs(request);
    const action = existing ? `/admin/orgs/${existing.code}` : '/admin/orgs';
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: existing ? '编辑单位' : '新增单位',
        active: 'orgs',
        body: (
          <section>
            <h1>{existing ? `编辑单位：${existing.name}` : '新增单位'}</h1>
            <ErrorSummary issues={issues} />
            <form method="post" action={action} class="form">
              <Csrf token={request.csrfToken} />
              {existing ? null : (
                <div class="form-grid">
                  <SelectField
                    name="parentId"
                    label="上级单位"
                    value={values.parentId}
                    options={parents.map((org) => ({ value: org.id, label: `${'　'.repeat(org.depth)}${org.name}` }))}
                    issues={issues}
                  />
                  <SelectField
                    name="type"
                    label="单位类型"
                    value={values.type}
                    options={ORG_TYPES.filter((t) => t !== 'district').map((t) => ({
                      value: t,
                      label: ORG_TYPE_LABELS[t],
                    }))}
                    issues={issues}
                  />
                </div>
              )}
              <div class="form-grid">
                <TextField name="name" label="单位名称" required value={values.name} issues={issues} />
                <TextField name="shortName" label="简称" value={values.shortName} issues={issues} />
                <TextField name="code" label="单位代码（用于索引号）" required value={values.code} issues={issues} />
                <TextField name="creditCode" label="统一社会信用代码" value={values.creditCode} issues={issues} />
                <TextField name="sortOrder" label="排序号" type="number" value={values.sortOrder} issues={issues} />
              </div>
              <CheckboxGroup
                name="levels"
                legend="公开层级"
                values={values.levels}
                options={DISCLOSURE_LEVELS.map((level) => ({ value: level, label: DISCLOSURE_LEVEL_LABELS[level] }))}
                issues={issues}
              />
              <div class="form-actions">
                <button type="submit" class="button primary">
                  保存
                </button>
                <a class="button" href="/admin/orgs">
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

function orgFormValues(fields: Record<string, string | string[]>): OrgFormValues {
  const levels = fields.levels;
  return {
    parentId: field(fields, 'parentId'),
    type: field(fields, 'type'),
    code: field(fields, 'code').trim(),
    name: field(fields, 'name'),
    shortName: field(fields, 'shortName'),
    creditCode: field(fields, 'creditCode').trim().toUpperCase(),
    levels: Array.isArray(levels) ? levels : levels ? [levels] : [],
    sortOrder: field(fields, 'sortOrder'),
  };
}

function orgInput(values: OrgFormValues) {
  return {
    type: (ORG_TYPES as readonly string[]).includes(values.type) ? (values.type as OrgType) : 'department',
    code: values.code,
    name: values.name,
    shortName: values.shortName,
    creditCode: values.creditCode || undefined,
    levels: levelsOrDefault(
      values.levels.filter((l): l is DisclosureLevel => (DISCLOSURE_LEVELS as readonly string[]).includes(l)),
    ),
    sortOrder: Number.isFinite(Number(values.sortOrder)) ? Math.trunc(Number(values.sortOrder)) : 0,
  };
}

/** No level ticked means: the default levels of the unit's type. */
function levelsOrDefault(levels: DisclosureLevel[]): DisclosureLevel[] | undefined {
  return levels.length > 0 ? levels : undefined;
}
