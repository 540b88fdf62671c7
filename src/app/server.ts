import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { contentVersionReader } from '../adapters/db/content-version.ts';
import { isDatabaseReachable } from '../adapters/db/database.ts';
import { registerAuditAdminRoutes } from '../modules/audit/index.ts';
import { registerCalendarAdminRoutes } from '../modules/calendar/index.ts';
import {
  catalogApiRoutes,
  registerCatalogAdminRoutes,
  registerCatalogPublicRoutes,
  createCatalogFiling,
} from '../modules/catalog/index.ts';
import {
  registerAccountRoutes,
  registerSecondFactorEnrolmentRoutes,
  requireSecondFactorEnrolment,
  requireStaffSession,
  installActor,
  installBearerAuthentication,
  SESSION_COOKIE,
  installSessionAuthentication,
  requireToken,
  registerLoginRoutes,
  registerUserAdminRoutes,
  anonymousFormToken,
} from '../modules/auth/index.ts';
import {
  GENRES,
  TOPICS,
  VALIDITIES,
  documentApiRoutes,
  registerDocumentAdminRoutes,
  registerColumnRoutes,
} from '../modules/documents/index.ts';
import {
  coverageForActor,
  interpretationPageAdditions,
  registerInterpretationAdminRoutes,
  registerConcernAdminRoutes,
  concernApiRoutes,
  registerInterpretationPublicRoutes,
} from '../modules/interpretation/index.ts';
import {
  notificationApiRoutes,
  registerNotificationAdminRoutes,
  registerNotificationLinkRoutes,
  registerNotificationPublicRoutes,
} from '../modules/notifications/index.ts';
import {
  registerParticipationAdminRoutes,
  registerParticipationFormRoutes,
  registerParticipationPublicRoutes,
  participationApiRoutes,
  surveyApiRoutes,
  registerDecisionAdminRoutes,
  registerMeetingAdminRoutes,
  decisionApiRoutes,
  registerMeetingPublicRoutes,
  registerDecisionPublicRoutes,
  registerMessageAdminRoutes,
  registerMessageFormRoutes,
  registerMessagePublicRoutes,
  registerSurveyAdminRoutes,
  registerSurveyFormRoutes,
  registerVerificationRoutes,
  registerSurveyPublicRoutes,
  createInterviewFeed,
  interviewApiRoutes,
  registerInterviewAdminRoutes,
  registerInterviewFormRoutes,
  registerInterviewPublicRoutes,
} from '../modules/participation/index.ts';
import { orgApiRoutes, registerOrgAdminRoutes } from '../modules/orgs/index.ts';
import {
  registerServiceAdminRoutes,
  registerServicePublicRoutes,
  serviceApiRoutes,
} from '../modules/services/index.ts';
import {
  refreshDueDates,
  requestCountsByUnit,
  registerRequestAdminRoutes,
  registerRequestPublicRoutes,
  requestApiRoutes,
  upstreamApiRoutes,
  UPSTREAM_STATUS_WEBHOOK,
} from '../modules/requests/index.ts';
import { registerReportAdminRoutes } from '../modules/reports/index.ts';
import { registerSearchAdminRoutes, registerSearchPublicRoutes, searchApiRoutes } from '../modules/search/index.ts';
import { registerDashboardRoutes, registerSitePublicRoutes, registerSettingsRoutes } from '../modules/site/index.ts';
import { openApiDocument, registerApiRoutes, type ApiRoute } from '../platform/http/api.ts';
import { ELDER_COOKIE, FLASH_COOKIE } from '../platform/http/context.ts';
import { createPageCache } from '../platform/http/page-cache.ts';
import { requestLogController } from '../platform/http/request-logging.ts';
import { registerHashedAssets } from '../platform/web/assets.ts';
import { DomainError } from '../platform/errors.ts';
import { apiErrorBody, toPublicError, type PublicError } from '../platform/http/error-handler.ts';
import { installFormBody } from '../platform/http/form-body.ts';
import { installInputGuard } from '../platform/http/input-guard.ts';
import { installJsonBody } from '../platform/http/json-body.ts';
import { MAX_SEGMENT_LENGTH, normaliseRequestTarget, type NormalisedTarget } from '../platform/http/request-target.ts';
import { installUploads } from '../platform/http/uploads.ts';
import { join } from 'node:path';
import { openXlsxTable } from '../adapters/xlsx/table-stream.ts';
import { readWorkbook, writeWorkbook } from '../adapters/xlsx/workbook.ts';
import { createPageShell } from '../platform/web/page-shell.tsx';
import { staffOf, type Actor } from '../modules/access/index.ts';
import { adminMenuOf } from './admin-menu.ts';
import { AUDIT_ACTION_LABELS } from './audit-actions.ts';
import type { AppContext } from './context.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** The JSON API routes of every module, in the order the OpenAPI document lists them. */
export function allApiRoutes(
  web: Parameters<typeof orgApiRoutes>[0] &
    Parameters<typeof documentApiRoutes>[0] &
    Parameters<typeof requestApiRoutes>[0] &
    Parameters<typeof searchApiRoutes>[0] &
    Parameters<typeof catalogApiRoutes>[0] &
    Parameters<typeof concernApiRoutes>[0] &
    Parameters<typeof serviceApiRoutes>[0] &
    Parameters<typeof notificationApiRoutes>[0] &
    Parameters<typeof participationApiRoutes>[0] &
    Parameters<typeof surveyApiRoutes>[0] &
    Parameters<typeof interviewApiRoutes>[0] &
    Parameters<typeof decisionApiRoutes>[0],
): ApiRoute[] {
  return [
    ...orgApiRoutes(web),
    ...documentApiRoutes(web),
    ...catalogApiRoutes(web),
    ...concernApiRoutes(web),
    ...serviceApiRoutes(web),
    ...notificationApiRoutes(web),
    ...participationApiRoutes(web),
    ...decisionApiRoutes(web),
    ...surveyApiRoutes(web),
    ...interviewApiRoutes(web),
    ...searchApiRoutes(web),
    ...requestApiRoutes(web),
    ...upstreamApiRoutes(web),
  ];
}

const BODY_LIMIT = 4 * 1024 * 1024;
/** An unread request body up to this size is read and dropped; a larger one ends the connection. */
const UNREAD_BODY_DRAIN_BYTES = 64 * 1024;
const API_PREFIX = '/api';
/** Where a refused request target is sent, inside the API group and on the site. */
const REFUSED_TARGET = '/.refused-target';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the server answers, as registered: for the route table tests and diagnostics. */
    routeList: readonly { method: string; url: string }[];
    /** The shared cache of rendered public pages, for diagnostics and the benchmark. */
    pageCache: ReturnType<typeof createPageCache>;
    /** The live pages' channels of online interviews, for diagnostics and tests. */
    interviewFeed: ReturnType<typeof createInterviewFeed>;
  }
}

const REFUSED = Symbol('refusedTarget');
type RawWithRefusal = { url?: string; [REFUSED]?: NormalisedTarget };

/**
 * Builds the HTTP server in route groups, each with its own guards, so that what a guard checks is
 * exactly what the router dispatches:
 *
 * - the root: one canonical spelling of every path (decided before routing), security headers,
 *   body parsers (JSON with a depth limit; multipart only on routes that take files), the input
 *   guard, `/healthz`, and error pages in Chinese;
 * - `/api`: bearer tokens only, JSON errors;
 * - the site: session cookie and CSRF; within it the back office, which needs a signed-in member of
 *   staff, and within that everything but enrolment, which needs two-factor sign-in where required.
 */
export async function buildServer(
  ctx: AppContext,
  options: { logger?: boolean; logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const pageCache = createPageCache({
    enabled: ctx.config.pageCache.maxBytes > 0,
    maxBytes: ctx.config.pageCache.maxBytes,
    checkMs: ctx.config.pageCache.checkMs,
    currentVersion: contentVersionReader(ctx.database),
    now: () => ctx.clock.now().getTime(),
    // A signed-in member of staff (even half signed in) or a flash message makes a page personal.
    isPersonal: (request) =>
      request.actor.kind !== 'public' ||
      request.staffSession !== undefined ||
      request.cookies[FLASH_COOKIE] !== undefined,
    mayBePersonal: (cookies) => cookies[SESSION_COOKIE] !== undefined || cookies[FLASH_COOKIE] !== undefined,
    variantOf: (cookies) => (cookies[ELDER_COOKIE] === '1' ? 'elder' : 'plain'),
    parseCookies: (header) => app.parseCookie(header),
    // The same canonical form `rewriteUrl` gives the router.
    canonicalTarget: (raw) => {
      const target = normaliseRequestTarget(raw);
      return target.kind === 'ok' ? target.url : undefined;
    },
    // Another instance may have changed the settings: drop this one's copy with the pages.
    onContentChange: () => ctx.siteSettings.forget(),
    // As `requestLogController` logs a successful public read: at debug.
    logAnswer: (raw, status, ms) => {
      if (app.log.level !== 'debug' && app.log.level !== 'trace') return;
      app.log.debug(
        { method: raw.method, url: raw.url, route: 'page cache', status, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    },
  });

  const app: FastifyInstance = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: ctx.config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    // One line per request instead of Fastify's two at info; a successful public read at debug.
    logController: requestLogController({
      // A request refused before any hook ran has no actor yet.
      isStaff: (request) =>
        (request.actor as Actor | undefined)?.kind === 'staff' || request.staffSession !== undefined,
    }),
    bodyLimit: BODY_LIMIT,
    // The client's address (sign-in limits, audit) comes through the proxies configured as trusted only.
    // A union of valid values matches none of Fastify's overloads; each member alone is accepted.
    trustProxy: ctx.config.trustProxy as boolean,
    routerOptions: { maxParamLength: MAX_SEGMENT_LENGTH },
    // Fastify's own server, with the page cache's front door before its handler: a kept public page
    // is answered without building a Fastify request (see `createPageCache`).
    serverFactory: (handler, serverOptions) => {
      const server = createServer(serverOptions.http ?? {}, pageCache.front(handler));
      server.keepAliveTimeout = Number(serverOptions.keepAliveTimeout);
      server.requestTimeout = Number(serverOptions.requestTimeout);
      server.setTimeout(Number(serverOptions.connectionTimeout));
      return server;
    },
    rewriteUrl(raw) {
      const target = normaliseRequestTarget(raw.url ?? '/');
      if (target.kind === 'ok') return target.url;
      (raw as RawWithRefusal)[REFUSED] = target;
      return target.api ? `${API_PREFIX}${REFUSED_TARGET}` : REFUSED_TARGET;
    },
    // Errors the router raises before any hook runs; the request target check above leaves none
    // expected, so this is a backstop that still answers in Chinese with the security headers.
    frameworkErrors(error, _request, rawReply) {
      const publicError = toPublicError(error);
      void (rawReply as unknown as FastifyReply)
        .status(publicError.status)
        .headers(BACKSTOP_HEADERS)
        .header('content-type', 'application/json; charset=utf-8')
        .send(apiErrorBody(publicError));
    },
  });

  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: CSP_DIRECTIVES },
    // Government portals are linked from elsewhere; keep the referrer to our own origin only.
    referrerPolicy: { policy: 'same-origin' },
    hsts: ctx.config.secureCookies,
  });
  await app.register(fastifyCookie, { secret: ctx.secret });
  installFormBody(app, { bodyLimit: BODY_LIMIT });
  installJsonBody(app, { bodyLimit: BODY_LIMIT });
  installUploads(app, {
    temporaryDir: join(ctx.config.dataDir, 'tmp'),
    maxFileBytes: ctx.config.maxUploadBytes,
    maxFiles: 5,
    maxFields: 200,
    maxFieldBytes: BODY_LIMIT,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h' });
  // The stylesheets under names carrying their content's hash, cached by browsers for a year.
  registerHashedAssets(app);

  app.decorateRequest('elderMode', false);
  app.addHook('onRequest', async (request) => {
    request.elderMode = request.cookies[ELDER_COOKIE] === '1';
  });
  // A refused request target is answered before any group's hook (session, CSRF, guards) runs; it
  // was routed to a stand-in route in the API group or the site only so the answer has their format.
  const refusalOf = (request: FastifyRequest): DomainError | undefined => {
    const target = (request.raw as RawWithRefusal)[REFUSED];
    if (target?.kind !== 'rejected') return undefined;
    return new DomainError(target.reason === 'too_long' ? 'uri_too_long' : 'path_invalid');
  };
  const refuseTarget = async (request: FastifyRequest) => {
    const refusal = refusalOf(request);
    if (refusal) throw refusal;
  };
  // Asked for by its own name, the stand-in is not there.
  const standIn = async (request: FastifyRequest) => {
    throw refusalOf(request) ?? new DomainError('not_found');
  };
  app.addHook('onRequest', refuseTarget);
  // A request answered before a large body was read (refused by a guard, a wrong media type) closes
  // its connection, so the sender stops sending instead of the server reading and dropping the rest.
  // A small unread body (an ordinary form after a session ended) is drained, keeping the connection.
  app.addHook('onSend', async (request, reply) => {
    if (request.raw.complete) return;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > UNREAD_BODY_DRAIN_BYTES || request.headers['transfer-encoding'] !== undefined) {
      void reply.header('connection', 'close');
    }
  });
  installActor(app);
  installInputGuard(app);

  const authDeps = {
    stores: ctx.stores,
    clock: ctx.clock,
    secret: ctx.secret,
    idleMinutes: ctx.config.sessionIdleMinutes,
    secureCookies: ctx.config.secureCookies,
  };

  const shell = createPageShell({
    site: () => ctx.siteSettings.get(),
    userOf: (request) =>
      request.actor.kind === 'staff'
        ? { displayName: request.actor.displayName, username: request.actor.username }
        : undefined,
    menuOf: adminMenuOf,
    csrfTokenOf: (request) => request.csrfToken,
    elderModeOf: (request) => request.elderMode,
  });
  // What every module's web layer may be given; each takes only what its own deps type names.
  const web = {
    ...ctx,
    shell,
    filing: createCatalogFiling(ctx),
    pageAdditions: interpretationPageAdditions({
      stores: ctx.stores,
      calendar: () => ctx.calendarCache.get(),
      clock: ctx.clock,
    }),
    workbooks: { read: readWorkbook, write: writeWorkbook },
    openXlsx: openXlsxTable,
    searchVocabulary: { genres: GENRES, validities: VALIDITIES, topics: TOPICS },
    actionLabels: AUDIT_ACTION_LABELS,
    requestCounts: (actor: Actor) =>
      requestCountsByUnit({
        requests: ctx.stores.requests,
        calendar: () => ctx.calendarCache.get(),
        clock: ctx.clock,
        actor,
      }),
    interpretationCoverage: async (actor: Actor) =>
      coverageForActor({ stores: ctx.stores, actor, calendar: await ctx.calendarCache.get() }),
    calendarChanged: async () => {
      ctx.calendarCache.forget();
      await refreshDueDates({ uow: ctx.uow, clock: ctx.clock, calendar: await ctx.calendarCache.get() });
    },
    formToken: (request: FastifyRequest, reply: FastifyReply) =>
      anonymousFormToken(request, reply, { secret: ctx.secret, secureCookies: ctx.config.secureCookies }),
    // One channel per followed interview, woken by this process's changes and polling for others'.
    interviewFeed: createInterviewFeed({
      store: ctx.stores.interviews,
      onError: (error: unknown) => app.log.error({ err: error }, 'interview feed'),
    }),
  };
  app.decorate('interviewFeed', web.interviewFeed);
  app.addHook('onClose', async () => web.interviewFeed.close());

  const sendErrorPage = (request: FastifyRequest, reply: FastifyReply, error: PublicError) =>
    shell.sendError(request, reply, {
      status: error.status,
      message: error.fields.length > 0 ? error.fields.map((f) => f.message).join(' ') : error.message,
    });

  app.setErrorHandler(async (error, request, reply) => {
    const publicError = toPublicError(error);
    if (publicError.isUnexpected) request.log.error({ err: error }, 'unexpected error');
    // Only the back office throws this on a page; its guard has usually redirected already.
    if (publicError.code === 'unauthenticated') {
      return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    return sendErrorPage(request, reply, publicError);
  });
  app.setNotFoundHandler(async (request, reply) => sendErrorPage(request, reply, toPublicError({ statusCode: 404 })));

  app.get('/healthz', async (_request, reply) => {
    const ok = await isDatabaseReachable(ctx.database.db);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database_unreachable' });
  });

  const apiRoutes = allApiRoutes(web);
  const openApi = openApiDocument(
    apiRoutes,
    {
      title: 'Gongkai 政务公开平台 API',
      version: '1',
      description:
        '公开读取组织机构和政府信息；工作人员凭个人访问令牌办理信息发布流程；省级政府信息公开申请平台以签名请求转来申请，' +
        '并接收签名的状态推送（见 webhooks）。错误统一返回 { code, message }。',
    },
    [UPSTREAM_STATUS_WEBHOOK],
  );
  await app.register(
    async (api) => {
      installBearerAuthentication(api, authDeps);
      api.setErrorHandler(async (error, request, reply) => {
        const publicError = toPublicError(error);
        if (publicError.isUnexpected) request.log.error({ err: error }, 'unexpected error');
        return reply.status(publicError.status).send(apiErrorBody(publicError));
      });
      api.setNotFoundHandler(async (_request, reply) => {
        const publicError = toPublicError({ statusCode: 404 });
        return reply.status(publicError.status).send(apiErrorBody(publicError));
      });
      registerApiRoutes(api, apiRoutes, { prefix: API_PREFIX, requireToken, callerOf: staffOf });
      api.get('/v1/openapi.json', async () => openApi);
      api.all(REFUSED_TARGET, standIn);
    },
    { prefix: API_PREFIX },
  );

  app.decorate('pageCache', pageCache);

  // A subscriber's own pages, opened from a mail or SMS: the signed link is the proof, so no session
  // and no CSRF token (RFC 8058's one-click unsubscribe POSTs here without cookies).
  await app.register(async (subscriberLinks) => {
    registerNotificationLinkRoutes(subscriberLinks, web);
  });

  await app.register(async (site) => {
    installSessionAuthentication(site, authDeps);
    site.all(REFUSED_TARGET, standIn);
    // The public pages everybody sees alike, served from the shared page cache to anonymous
    // visitors; a route in it that must not be shared says so (`config.pageCache: false`).
    await site.register(async (publicPages) => {
      pageCache.install(publicPages);
      registerSitePublicRoutes(publicPages, web);
      registerColumnRoutes(publicPages, web);
      registerSearchPublicRoutes(publicPages, web);
      registerCatalogPublicRoutes(publicPages, web);
      registerInterpretationPublicRoutes(publicPages, web);
      registerServicePublicRoutes(publicPages, web);
      registerParticipationPublicRoutes(publicPages, web);
      registerMessagePublicRoutes(publicPages, web);
      registerDecisionPublicRoutes(publicPages, web);
      registerSurveyPublicRoutes(publicPages, web);
      registerInterviewPublicRoutes(publicPages, web);
    });
    // Forms with CSRF tokens and pages for one applicant: never cached.
    registerRequestPublicRoutes(site, web);
    registerNotificationPublicRoutes(site, web);
    registerParticipationFormRoutes(site, web);
    registerMessageFormRoutes(site, web);
    registerMeetingPublicRoutes(site, web);
    registerSurveyFormRoutes(site, web);
    // The question form and the live page's event stream: never cached.
    registerInterviewFormRoutes(site, web);
    registerVerificationRoutes(site, web);
    // Sign-in and sign-out: the only back-office pages open to everybody.
    registerLoginRoutes(site, web);
    await site.register(async (backOffice) => {
      requireStaffSession(backOffice);
      registerSecondFactorEnrolmentRoutes(backOffice, web);
      await backOffice.register(async (enrolled) => {
        requireSecondFactorEnrolment(enrolled, web);
        registerDashboardRoutes(enrolled, web);
        registerDocumentAdminRoutes(enrolled, web);
        registerOrgAdminRoutes(enrolled, web);
        registerUserAdminRoutes(enrolled, web);
        registerAuditAdminRoutes(enrolled, web);
        registerCatalogAdminRoutes(enrolled, web);
        registerCalendarAdminRoutes(enrolled, web);
        registerSearchAdminRoutes(enrolled, web);
        registerRequestAdminRoutes(enrolled, web);
        registerReportAdminRoutes(enrolled, web);
        registerInterpretationAdminRoutes(enrolled, web);
        registerConcernAdminRoutes(enrolled, web);
        registerNotificationAdminRoutes(enrolled, web);
        registerServiceAdminRoutes(enrolled, web);
        registerParticipationAdminRoutes(enrolled, web);
        registerMessageAdminRoutes(enrolled, web);
        registerDecisionAdminRoutes(enrolled, web);
        registerMeetingAdminRoutes(enrolled, web);
        registerSurveyAdminRoutes(enrolled, web);
        registerInterviewAdminRoutes(enrolled, web);
        registerSettingsRoutes(enrolled, web);
        registerAccountRoutes(enrolled, web);
      });
    });
  });
  return app;
}

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:', 'http:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** The headers helmet gives every response, for the few answered before any hook runs. */
const BACKSTOP_HEADERS = {
  'content-security-policy': "default-src 'self';frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};
