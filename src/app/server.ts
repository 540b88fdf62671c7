import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { isDatabaseReachable } from '../adapters/db/database.ts';
import { registerAuditAdminRoutes } from '../modules/audit/http/admin-routes.tsx';
import { registerCalendarAdminRoutes } from '../modules/calendar/http/admin-routes.tsx';
import { registerCatalogAdminRoutes } from '../modules/catalog/http/admin-routes.tsx';
import { registerCatalogPublicRoutes } from '../modules/catalog/http/public-routes.tsx';
import { registerAccountRoutes } from '../modules/auth/http/account-routes.tsx';
import { installAdminGuard } from '../modules/auth/http/admin-guard.ts';
import { installAuthentication } from '../modules/auth/http/authentication.ts';
import { registerLoginRoutes } from '../modules/auth/http/login-routes.tsx';
import { registerUserAdminRoutes } from '../modules/auth/http/user-admin-routes.tsx';
import { documentApiRoutes } from '../modules/documents/http/api-routes.ts';
import { registerDocumentAdminRoutes } from '../modules/documents/http/admin-routes.tsx';
import { registerColumnRoutes } from '../modules/documents/http/column-routes.tsx';
import { orgApiRoutes } from '../modules/orgs/http/api-routes.ts';
import { registerOrgAdminRoutes } from '../modules/orgs/http/admin-routes.tsx';
import { registerDashboardRoutes } from '../modules/site/http/dashboard-routes.tsx';
import { registerSitePublicRoutes } from '../modules/site/http/public-routes.tsx';
import { registerSettingsRoutes } from '../modules/site/http/settings-routes.tsx';
import { getSiteSettings } from '../modules/site/queries/get-site-settings.ts';
import { ErrorPage } from '../modules/site/views/error-page.tsx';
import { openApiDocument, registerApiRoutes, type ApiRoute } from '../platform/http/api.ts';
import { ELDER_COOKIE } from '../platform/http/context.ts';
import { apiErrorBody, isApiRequest, toPublicError } from '../platform/http/error-handler.ts';
import { installInputGuard } from '../platform/http/input-guard.ts';
import { sendPage } from '../platform/http/render.ts';
import type { AppContext } from './context.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** The JSON API routes of every module, in the order the OpenAPI document lists them. */
export function allApiRoutes(ctx: AppContext): ApiRoute[] {
  return [...orgApiRoutes(ctx), ...documentApiRoutes(ctx)];
}

/**
 * Builds the HTTP server: security headers, cookies, forms and uploads, who-is-asking, the
 * public site, the back office, the JSON API with its OpenAPI document, and error pages in Chinese.
 */
export async function buildServer(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 4 * 1024 * 1024,
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:', 'http:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Government portals are linked from elsewhere; keep the referrer to our own origin only.
    referrerPolicy: { policy: 'same-origin' },
    hsts: ctx.config.secureCookies,
  });
  await app.register(fastifyCookie, { secret: ctx.secret });
  await app.register(fastifyFormbody, { bodyLimit: 4 * 1024 * 1024 });
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: ctx.config.maxUploadBytes, files: 5, fields: 200, fieldSize: 4 * 1024 * 1024 },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h' });

  app.decorateRequest('elderMode', false);
  app.addHook('onRequest', async (request) => {
    request.elderMode = request.cookies[ELDER_COOKIE] === '1';
  });
  installInputGuard(app);
  installAuthentication(app, {
    stores: ctx.stores,
    clock: ctx.clock,
    secret: ctx.secret,
    idleMinutes: ctx.config.sessionIdleMinutes,
    secureCookies: ctx.config.secureCookies,
  });
  installAdminGuard(app, ctx);

  app.setErrorHandler(async (error, request, reply) => {
    const publicError = toPublicError(error);
    if (publicError.isUnexpected) request.log.error({ err: error }, 'unexpected error');
    if (isApiRequest(request)) return reply.status(publicError.status).send(apiErrorBody(publicError));
    if (publicError.code === 'unauthenticated' && request.url.startsWith('/admin')) {
      return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    const site = await getSiteSettings(ctx.stores);
    return sendPage(
      reply,
      ErrorPage({
        site,
        status: publicError.status,
        message:
          publicError.fields.length > 0 ? publicError.fields.map((f) => f.message).join(' ') : publicError.message,
        elderMode: request.elderMode,
        currentPath: request.url,
      }),
      publicError.status,
    );
  });
  app.setNotFoundHandler(async (request, reply) => {
    const publicError = toPublicError({ statusCode: 404 });
    if (isApiRequest(request)) return reply.status(404).send(apiErrorBody(publicError));
    const site = await getSiteSettings(ctx.stores);
    return sendPage(
      reply,
      ErrorPage({
        site,
        status: 404,
        message: publicError.message,
        elderMode: request.elderMode,
        currentPath: request.url,
      }),
      404,
    );
  });

  app.get('/healthz', async (_request, reply) => {
    const ok = await isDatabaseReachable(ctx.database.db);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database_unreachable' });
  });

  const apiRoutes = allApiRoutes(ctx);
  registerApiRoutes(app, apiRoutes);
  const openApi = openApiDocument(apiRoutes, {
    title: 'Gongkai 政务公开平台 API',
    version: '1',
    description: '公开读取组织机构和政府信息；工作人员凭个人访问令牌办理信息发布流程。错误统一返回 { code, message }。',
  });
  app.get('/api/v1/openapi.json', async () => openApi);

  registerSitePublicRoutes(app, ctx);
  registerColumnRoutes(app, ctx);
  registerCatalogPublicRoutes(app, ctx);
  registerLoginRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerDocumentAdminRoutes(app, ctx);
  registerOrgAdminRoutes(app, ctx);
  registerUserAdminRoutes(app, ctx);
  registerAuditAdminRoutes(app, ctx);
  registerCatalogAdminRoutes(app, ctx);
  registerCalendarAdminRoutes(app, ctx);
  registerSettingsRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  return app;
}
