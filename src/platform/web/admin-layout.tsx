import type { Child } from 'hono/jsx';
import type { SiteIdentity } from './site-identity.ts';
import { assetUrl } from './assets.ts';

/** One entry of the back-office menu, already filtered to what the signed-in person may open. */
export type AdminMenuItem = { key: string; label: string; href: string };

/** Who is signed in, as the header shows them. */
export type SignedInUser = { displayName: string; username: string };

/** A message shown once after a redirect ("已提交审核"). */
export type Flash = { kind: 'success' | 'error'; text: string };

/** The back-office shell: header with the user and sign-out, the menu, and the flash message. */
export function AdminLayout(props: {
  site: SiteIdentity;
  title: string;
  /** Undefined before sign-in: no user box and no menu. */
  user: SignedInUser | undefined;
  menu: AdminMenuItem[];
  csrfToken: string;
  active?: string;
  flash?: Flash | undefined;
  children?: Child;
}) {
  const staff = props.user;
  const menu = props.menu;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} - ${site(props.site)}后台`}</title>
        <link rel="stylesheet" href={assetUrl('admin.css')} />
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

function site(settings: SiteIdentity): string {
  return settings.siteName;
}
