import type { SiteIdentity } from './site-identity.ts';
import { PublicLayout } from './public-layout.tsx';

/** The page shown for an error on the public site or the back office. */
export function ErrorPage(props: {
  site: SiteIdentity;
  status: number;
  message: string;
  elderMode: boolean;
  currentPath: string;
}) {
  const title = props.status === 404 ? '页面不存在' : props.status >= 500 ? '系统繁忙' : '无法完成请求';
  return (
    <PublicLayout site={props.site} title={title} elderMode={props.elderMode} currentPath={props.currentPath}>
      <section class="panel error-panel">
        <h1>{title}</h1>
        <p role="alert">{props.message}</p>
        <p>
          <a href="/">返回首页</a>　<a href="/xxgk/">政府信息公开</a>
        </p>
      </section>
    </PublicLayout>
  );
}
