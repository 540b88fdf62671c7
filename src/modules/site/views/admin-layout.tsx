import type { Child } from 'hono/jsx';
import { canAnywhere, type Actor } from '../../auth/domain/actor.ts';
import type { Permission } from '../../auth/domain/roles.ts';
import type { SiteSettings } from '../domain/site-settings.ts';

type MenuItem = { key: string; label: string; href: string; permission?: Permission };

const ADMIN_MENU: MenuItem[] = [
  { key: 'dashboard', label: '工作台', href: '/admin/' },
  { key: 'documents', label: '信息发布', href: '/admin/documents', permission: 'document.read' },
  { key: 'catalogs', label: '标准目录', href: '/admin/catalogs', permission: 'document.read' },
  { key: 'orgs', label: '组织机构', href: '/admin/orgs', permission: 'document.read' },
  { key: 'users', label: '用户与角色', href: '/admin/users', permission: 'user.manage' },
  { key: 'audit', label: '审计日志', href: '/admin/audit', permission: 'audit.read' },
  { key: 'calendar', label: '工作日历', href: '/admin/calendar', permission: 'calendar.manage' },
  { key: 'settings', label: '站点设置', href: '/admin/settings', permission: 'settings.manage' },
  { key: 'account', label: '我的账户', href: '/admin/account' },
];

/** A message shown once after a redirect ("已提交审核"). */
export type Flash = { kind: 'success' | 'error'; text: string };

/** The back-office shell: header with the user and sign-out, the menu, and the flash message. */
export function AdminLayout(props: {
  site: SiteSettings;
  title: string;
  actor: Actor;
  csrfToken: string;
  active?: string;
  flash?: Flash | undefined;
  children?: Child;
}) {
  const staff = props.actor.kind === 'staff' ? props.actor : undefined;
  const menu = ADMIN_MENU.filter((item) => !item.permission || canAnywhere(props.actor, item.permission));
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} - ${site(props.site)}后台`}</title>
        <link rel="stylesheet" href="/static/admin.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="admin-header">
          <a class="admin-brand" href="/admin/">
            公开 · {site(props.site)}后台
          </a>
          {props.site.isDemo ? <span class="demo-badge">示范区演示数据</span> : null}
          {staff ? (
            <div class="admin-user">
              <span>
                {staff.displayName}（{staff.username}）
              </span>
              <a href="/" class="admin-link">
                查看网站
              </a>
              <form method="post" action="/admin/logout" class="inline">
                <input type="hidden" name="_csrf" value={props.csrfToken} />
                <button type="submit" class="link-button">
                  退出
                </button>
              </form>
            </div>
          ) : null}
        </header>
        <div class="admin-body">
          {staff ? (
            <nav class="admin-menu" aria-label="后台菜单">
              <ul>
                {menu.map((item) => (
                  <li>
                    <a href={item.href} aria-current={props.active === item.key ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <main id="main" class="admin-main" tabindex={-1}>
            {props.flash ? (
              <p class={`flash flash-${props.flash.kind}`} role={props.flash.kind === 'error' ? 'alert' : 'status'}>
                {props.flash.text}
              </p>
            ) : null}
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}

function site(settings: SiteSettings): string {
  return settings.siteName;
}
