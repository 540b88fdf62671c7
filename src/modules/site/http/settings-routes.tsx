import type { FastifyInstance } from 'fastify';
import { SITE_TEXT } from '../strings.ts';
import type { SiteWebDeps } from './deps.ts';
import { isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { TextField } from '../../../platform/web/fields.tsx';
import { requireGlobalPermission } from '../../access/index.ts';
import { updateSiteSettings } from '../commands/update-site-settings.ts';
import type { SiteSettings } from '../domain/site-settings.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';

type EditableSettings = Omit<SiteSettings, 'isDemo'>;

const FIELDS: { key: keyof EditableSettings; label: string; hint?: string }[] = [
  { key: 'siteName', label: '网站名称' },
  { key: 'districtName', label: '行政区名称' },
  { key: 'organizer', label: '主办单位' },
  { key: 'siteIdentifier', label: '网站标识码', hint: '10位，由全国政府网站信息报送系统分配（国办发〔2017〕47号）。' },
  { key: 'icpNumber', label: 'ICP 备案号' },
  { key: 'policeNumber', label: '公安机关备案号' },
  { key: 'contactPhone', label: '联系电话' },
  { key: 'contactAddress', label: '联系地址' },
];

/** Site identity and the footer's filing numbers, edited by system administrators. */
export function registerSettingsRoutes(app: FastifyInstance, ctx: SiteWebDeps): void {
  app.get('/admin/settings', async (request, reply) => {
    requireGlobalPermission(request.actor, 'settings.manage');
    return render(request, reply, await ctx.siteSettings.get(), []);
  });

  app.post('/admin/settings', async (request, reply) => {
    const fields = formFields(request);
    const input = Object.fromEntries(FIELDS.map(({ key }) => [key, field(fields, key)])) as EditableSettings;
    try {
      await updateSiteSettings({ uow: ctx.uow, clock: ctx.clock, actor: request.actor, input });
      ctx.siteSettings.forget();
      setFlash(reply, { kind: 'success', text: SITE_TEXT.saved });
      return seeOther(reply, '/admin/settings');
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return render(request, reply, input, error.fields, 400);
    }
  });

  async function render(
    request: Parameters<typeof sendAdminPage>[1],
    reply: Parameters<typeof sendAdminPage>[2],
    values: EditableSettings,
    issues: FieldIssue[],
    status = 200,
  ) {
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: '站点设置',
        active: 'settings',
        body: (
          <section>
            <h1>站点设置</h1>
            <ErrorSummary issues={issues} />
            <form method="post" action="/admin/settings" class="form">
              <Csrf token={request.csrfToken} />
              <div class="form-grid">
                {FIELDS.map(({ key, label, hint }) => (
                  <TextField name={key} label={label} value={values[key]} hint={hint} issues={issues} />
                ))}
              </div>
              <button type="submit" class="button primary">
                保存
              </button>
            </form>
          </section>
        ),
      },
      status,
    );
  }
}
