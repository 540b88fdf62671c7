import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { takeFlash } from '../http/flash.ts';
import { sendPage } from '../http/render.ts';
import { AdminLayout, type AdminMenuItem, type SignedInUser } from './admin-layout.tsx';
import { ErrorPage } from './error-page.tsx';
import { PublicLayout, type Alternate, type Crumb, type NavKey } from './public-layout.tsx';
import type { SiteIdentity } from './site-identity.ts';

/** A page of the public site: its title, breadcrumb, the main navigation item it belongs to, its body, its feeds. */
export type PublicPage = { title: string; crumbs?: Crumb[]; active?: NavKey; body: Child; alternates?: Alternate[] };

/** A page of the back office: its title, the menu item it belongs to, its body. */
export type AdminPage = { title: string; active?: string; body: Child };

/**
 * Renders pages inside the portal's and the back office's frames. Built once per application by
 * the composition root, which knows where the site's identity comes from and who may see which
 * menu items; modules receive it in their dependencies and know neither.
 */
export interface PageShell {
  /** The site's identity as the frames show it (cached by whoever built the shell). */
  site(): Promise<SiteIdentity>;
  sendPublic(request: FastifyRequest, reply: FastifyReply, page: PublicPage, status?: number): Promise<FastifyReply>;
  sendAdmin(request: FastifyRequest, reply: FastifyReply, page: AdminPage, status?: number): Promise<FastifyReply>;
  sendError(
    request: FastifyRequest,
    reply: FastifyReply,
    error: { status: number; message: string },
  ): Promise<FastifyReply>;
}

/** Builds the page shell from where the site's identity comes from and how a request's menu is made. */
export function createPageShell(options: {
  site: () => Promise<SiteIdentity>;
  /** The signed-in person of a request, or undefined. */
  userOf: (request: FastifyRequest) => SignedInUser | undefined;
  /** The back-office menu items the request's person may open. */
  menuOf: (request: FastifyRequest) => AdminMenuItem[];
  /** The CSRF token a request's forms carry (the sign-out button is a form). */
  csrfTokenOf: (request: FastifyRequest) => string;
  /** Whether the request asked for large type and high contrast (适老化). */
  elderModeOf: (request: FastifyRequest) => boolean;
}): PageShell {
  return {
    site: options.site,
    async sendPublic(request, reply, page, status = 200) {
      const site = await options.site();
      return sendPage(
        reply,
        <PublicLayout
          site={site}
          title={page.title}
          crumbs={page.crumbs ?? []}
          elderMode={options.elderModeOf(request)}
          currentPath={request.url}
          active={page.active}
          alternates={page.alternates ?? []}
        >
          {page.body}
        </PublicLayout>,
        status,
      );
    },
    async sendAdmin(request, reply, page, status = 200) {
      const site = await options.site();
      return sendPage(
        reply,
        <AdminLayout
          site={site}
          title={page.title}
          user={options.userOf(request)}
          menu={options.menuOf(request)}
          csrfToken={options.csrfTokenOf(request)}
          active={page.active}
          flash={takeFlash(request, reply)}
        >
          {page.body}
        </AdminLayout>,
        status,
      );
    },
    async sendError(request, reply, error) {
      const site = await options.site();
      return sendPage(
        reply,
        ErrorPage({
          site,
          status: error.status,
          message: error.message,
          elderMode: options.elderModeOf(request),
          currentPath: request.url,
        }),
        error.status,
      );
    },
  };
}

/** Renders a page of the public site inside the portal shell. */
export function sendPublicPage(
  deps: { shell: PageShell },
  request: FastifyRequest,
  reply: FastifyReply,
  page: PublicPage,
  status = 200,
): Promise<FastifyReply> {
  return deps.shell.sendPublic(request, reply, page, status);
}

/** Renders a back-office page inside the admin shell, with any flash message. */
export function sendAdminPage(
  deps: { shell: PageShell },
  request: FastifyRequest,
  reply: FastifyReply,
  page: AdminPage,
  status = 200,
): Promise<FastifyReply> {
  return deps.shell.sendAdmin(request, reply, page, status);
}
