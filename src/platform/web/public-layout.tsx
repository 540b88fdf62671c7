import type { Child } from 'hono/jsx';
import type { SiteIdentity } from './site-identity.ts';
import { assetUrl } from './assets.ts';

export type Crumb = { label: string; href?: string | undefined };

/** Another form of the page, linked from its head: a feed (`application/rss+xml`, `application/atom+xml`). */
export type Alternate = { type: string; title: string; href: string };

/** The main navigation of the public site; only sections that exist are listed. */
const MAIN_NAV = [
  { key: 'home', label: '首页', href: '/' },
  { key: 'xxgk', label: '政府信息公开', href: '/xxgk/' },
  { key: 'fdzdgknr', label: '法定主动公开内容', href: '/xxgk/fdzdgknr' },
  { key: 'ysqgk', label: '依申请公开', href: '/xxgk/ysqgk' },
  { key: 'gknb', label: '政府信息公开年报', href: '/xxgk/gknb' },
  { key: 'bsfw', label: '办事服务', href: '/bsfw/' },
  { key: 'hdjl', label: '互动交流', href: '/hdjl/' },
] as const;
export type NavKey = (typeof MAIN_NAV)[number]['key'];

/**
 * The page shell of the public site as people know Chinese government portals: a banner with the
 * site name, the main navigation, the breadcrumb, and the footer with the identifiers that
 * 国办发〔2017〕47号 requires (网站标识码, ICP 备案号, 公安机关备案号).
 */
export function PublicLayout(props: {
  site: SiteIdentity;
  title: string;
  crumbs?: Crumb[];
  elderMode: boolean;
  currentPath: string;
  active?: NavKey;
  alternates?: Alternate[];
  children?: Child;
}) {
  const { site } = props;
  const elderHref = `/a11y?elder=${props.elderMode ? '0' : '1'}&return=${encodeURIComponent(props.currentPath)}`;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${site.siteName}`}</title>
        <link rel="stylesheet" href={assetUrl('site.css')} />
        {(props.alternates ?? []).map((alternate) => (
          <link rel="alternate" type={alternate.type} title={alternate.title} href={alternate.href} />
        ))}
      </head>
      <body class={props.elderMode ? 'elder' : undefined}>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        {/* One banner landmark holds the top links too, so no page content sits outside a landmark. */}
        <header>
          <div class="topbar">
            <div class="wrap topbar-inner">
              <span>欢迎访问{site.siteName}</span>
              <span class="topbar-links">
                <a href={elderHref} rel="nofollow">
                  {props.elderMode ? '退出适老化模式' : '适老化模式（大字号、高对比度）'}
                </a>
                <a href="/dingyue/">订阅推送</a>
                <a href="/admin/">工作人员入口</a>
              </span>
            </div>
          </div>
          <div class="banner">
            <div class="wrap banner-inner">
              <span class="emblem" aria-hidden="true">
                政
              </span>
              <div>
                <p class="site-name">{site.siteName}</p>
                {site.isDemo ? <p class="demo-flag">示范区演示站点：所有单位、人员和文件均为虚构的演示数据</p> : null}
              </div>
            </div>
          </div>
        </header>
        <nav class="mainnav" aria-label="主导航">
          <ul class="wrap">
            {MAIN_NAV.map((item) => (
              <li>
                <a href={item.href} aria-current={props.active === item.key ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="wrap page">
          {props.crumbs && props.crumbs.length > 0 ? (
            <nav class="crumbs" aria-label="当前位置">
              <span>当前位置：</span>
              <ol>
                {props.crumbs.map((crumb, i) => (
                  <li>
                    {crumb.href && i < props.crumbs!.length - 1 ? (
                      <a href={crumb.href}>{crumb.label}</a>
                    ) : (
                      <span aria-current={i === props.crumbs!.length - 1 ? 'page' : undefined}>{crumb.label}</span>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
        </div>
        <footer class="footer">
          <div class="wrap">
            <p>
              主办单位：{site.organizer}
              {site.contactPhone ? <span>　联系电话：{site.contactPhone}</span> : null}
              {site.contactAddress ? <span>　地址：{site.contactAddress}</span> : null}
            </p>
            <p>
              {site.siteIdentifier ? <span>网站标识码：{site.siteIdentifier}　</span> : null}
              {site.icpNumber ? <span>{site.icpNumber}　</span> : null}
              {site.policeNumber ? <span>{site.policeNumber}</span> : null}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
