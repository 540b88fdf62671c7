import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { takeFlash } from '../../../platform/http/flash.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { SettingsStore } from '../ports.ts';
import { getSiteSettings } from '../queries/get-site-settings.ts';
import { AdminLayout } from '../views/admin-layout.tsx';
import { PublicLayout, type Crumb, type NavKey } from '../views/public-layout.tsx';

/** What page helpers need from the application. */
export type PageDeps = { stores: { settings: SettingsStore } };

/** Renders a page of the public site inside the portal shell. */
export async function sendPublicPage(
  deps: PageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: { title: string; crumbs?: Crumb[]; active?: NavKey; body: Child },
  status = 200,
): Promise<FastifyReply> {
  const site = await getSiteSettings(deps.stores);
  return sendPage(
    reply,
    <PublicLayout
      site={site}
      title={page.title}
      crumbs={page.crumbs ?? []}
      elderMode={request.elderMode}
      currentPath={request.url}
      active={page.active}
    >
      {page.body}
    </PublicLayout>,
    status,
  );
}

/** Renders a back-office page inside the admin shell, with any flash message. */
export async function sendAdminPage(
  deps: PageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: { title: string; active?: string; body: Child },
  status = 200,
): Promise<FastifyReply> {
  const site = await getSiteSettings(deps.stores);
  return sendPage(
    reply,
    <AdminLayout
      site={site}
      title={page.title}
      actor={request.actor}
      csrfToken={request.csrfToken}
      active={page.active}
      flash={takeFlash(request, reply)}
    >
      {page.body}
    </AdminLayout>,
    status,
  );
}
