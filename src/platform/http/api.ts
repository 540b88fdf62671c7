import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { PLATFORM_TEXT } from '../strings.ts';
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { formFields } from './forms.ts';
import { findInputProblem } from './input-guard.ts';
import { parseJsonText } from './json-body.ts';
import { SIGNATURE_HEADERS, SIGNATURE_TOLERANCE_SECONDS } from '../signed-body.ts';

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The caller of a route that needs a token: a member of staff, as the module that sets
 * `request.actor` types it (the platform names the shape, never the module).
 */
export type TokenCaller = Extract<FastifyRequest['actor'], { kind: 'staff' }>;

/** The arguments an API handler receives, already parsed by the route's schemas. */
export type ApiInput<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
  /** The token's owner, for routes that need a token. */
  staff: TokenCaller;
};

/**
 * One JSON API route: its schemas are used both to parse requests and to write the OpenAPI
 * document, so the two cannot drift apart.
 */
export type ApiRoute<P = unknown, Q = unknown, B = unknown, R = unknown> = {
  method: HttpMethod;
  /** OpenAPI-style path: /api/v1/documents/{id}. */
  path: string;
  summary: string;
  tag: string;
  /**
   * Who may call: anybody, a member of staff with a bearer token, or (`signed`) another platform
   * signing each body with a shared secret (`platform/signed-body.ts`), checked by `verifyRawBody`.
   */
  auth: 'public' | 'token' | 'signed';
  /**
   * A `signed` route's check of the body's raw bytes and the request's headers, run before anything
   * parses the body (the body's schema is applied only once it passes).
   * @throws DomainError to refuse the request.
   */
  verifyRawBody?: (raw: Buffer, request: FastifyRequest) => Promise<void>;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Multipart upload: the body schema describes the form fields; files arrive as `file`. */
  multipart?: boolean;
  response: z.ZodType<R>;
  /**
   * A file, not JSON: the media types it may come as. The handler sends the file through `reply`
   * itself (streamed, with its Content-Disposition) and `response` is not used; errors thrown before
   * it sends are the usual `{ code, message }`.
   */
  produces?: readonly string[];
  successStatus?: number;
  /** A limit per client address of its own (public writes); open reads share OPEN_READ_LIMIT. */
  rateLimit?: { max: number; timeWindow: string };
  handler: (input: ApiInput<P, Q, B>) => Promise<R>;
};

/** The error body every API error has. */
export const ApiErrorSchema = z
  .object({
    code: z.string().meta({ description: '稳定的错误代码，例如 validation_failed' }),
    message: z.string().meta({ description: '中文错误说明' }),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'ApiError' });

/**
 * A request Gongkai sends to another system (OpenAPI 3.1 `webhooks`), described from the zod schema
 * of its body, so the receiving side can be built from the same document as the API.
 */
export type ApiWebhook = {
  name: string;
  summary: string;
  description: string;
  body: z.ZodType;
  /** Signed like the `signed` routes' bodies (`platform/signed-body.ts`). */
  signed: boolean;
};

/** Defines a route with its types inferred from its schemas. */
export function apiRoute<P, Q, B, R>(route: ApiRoute<P, Q, B, R>): ApiRoute {
  return route as unknown as ApiRoute;
}

/**
 * Public reads are open to pages and programs of other platforms (the open API): any origin may
 * read them with CORS, without credentials (nothing a public read answers depends on who asks), and
 * each client address may make OPEN_READ_LIMIT of them a minute.
 */
const OPEN_READ_HEADERS = { 'access-control-allow-origin': '*' } as const;
const OPEN_READ_PREFLIGHT = {
  ...OPEN_READ_HEADERS,
  'access-control-allow-methods': 'GET',
  'access-control-allow-headers': 'Accept, Accept-Language, Content-Type, If-None-Match',
  'access-control-max-age': '86400',
} as const;
const OPEN_READ_LIMIT = { max: 600, timeWindow: '1 minute' } as const;

/**
 * Registers API routes in the API's route group (mounted at `prefix`): parse with the schemas, run.
 * A route that needs a token gets `requireToken` as its own first hook, so nothing of the request's
 * body is read before the caller is known; a multipart route is the only kind that takes files.
 */
export function registerApiRoutes(
  api: FastifyInstance,
  routes: ApiRoute[],
  options: {
    prefix: string;
    /** Refuses a request without a valid token, before its body is read. */
    requireToken: onRequestAsyncHookHandler;
    /** The token's owner of a request that passed `requireToken`. */
    callerOf: (request: FastifyRequest) => TokenCaller;
  },
): void {
  const add = (group: FastifyInstance, route: ApiRoute) => {
    if (!route.path.startsWith(`${options.prefix}/`)) throw new Error(`${route.path} is outside ${options.prefix}`);
    if (route.auth === 'signed' && !route.verifyRawBody) throw new Error(`${route.path} is signed but checks nothing`);
    const url = route.path.slice(options.prefix.length).replace(/\{(\w+)\}/g, ':$1');
    const openRead = route.auth === 'public' && route.method === 'GET';
    if (openRead) {
      group.route({
        method: 'OPTIONS',
        url,
        handler: async (_request, reply) => reply.headers(OPEN_READ_PREFLIGHT).status(204).send(),
      });
    }
    group.route({
      method: route.method,
      url,
      config: {
        uploads: route.multipart === true,
        ...(openRead ? { rateLimit: OPEN_READ_LIMIT } : {}),
        ...(route.rateLimit ? { rateLimit: route.rateLimit } : {}),
      },
      ...(route.auth === 'token' ? { onRequest: options.requireToken } : {}),
      // Every answer of an open read, errors and the rate limit's included, readable by other origins.
      ...(openRead
        ? { onSend: async (_request: FastifyRequest, reply: FastifyReply) => void reply.headers(OPEN_READ_HEADERS) }
        : {}),
      handler: async (request, reply) => {
        const staff = route.auth === 'token' ? options.callerOf(request) : undefined;
        const params = route.params ? parseInput(route.params, request.params) : undefined;
        const query = route.query ? parseInput(route.query, request.query) : undefined;
        let body: unknown;
        if (route.auth === 'signed') {
          const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          await route.verifyRawBody!(raw, request);
          if (route.body) body = parseInput(route.body, signedJson(raw, request));
        } else if (route.body) {
          const missing = !route.multipart && (request.body === undefined || request.body === null);
          // A body whose fields are all optional may be left out altogether (curl -X POST …/submit).
          if (missing && !route.body.safeParse({}).success) {
            throw new DomainError('malformed_json', { message: PLATFORM_TEXT.bodyRequired });
          }
          body = parseInput(route.body, route.multipart ? multipartFields(request) : missing ? {} : request.body);
        }
        const result = await route.handler({ params, query, body, request, reply, staff: staff! });
        if (route.produces) return reply;
        return reply.status(route.successStatus ?? 200).send(result);
      },
    });
  };
  for (const route of routes) if (route.auth !== 'signed') add(api, route);
  const signed = routes.filter((route) => route.auth === 'signed');
  if (signed.length > 0) {
    void api.register(async (group) => {
      // Signed bodies reach their route as the bytes that came (within the body limit), whatever
      // their type: the signature is over those bytes, and nothing is parsed before it is checked.
      group.removeAllContentTypeParsers();
      group.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, raw, done) => done(null, raw));
      for (const route of signed) add(group, route);
    });
  }
}

/**
 * The JSON value of a signed body whose signature passed, with the same checks as every JSON body
 * (type, UTF-8, depth, prototype keys, NUL characters).
 * @throws DomainError `unsupported_media_type`, `malformed_json`, `input_too_deep`, `validation_failed`.
 */
function signedJson(raw: Buffer, request: FastifyRequest): unknown {
  if (raw.length === 0) throw new DomainError('malformed_json', { message: PLATFORM_TEXT.bodyRequired });
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    throw new DomainError('unsupported_media_type');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new DomainError('malformed_json');
  }
  const value = parseJsonText(text);
  const problem = findInputProblem(value);
  if (problem?.kind === 'too_deep') throw new DomainError('input_too_deep');
  if (problem?.kind === 'nul') {
    throw new DomainError('validation_failed', { fields: [{ field: problem.path, message: PLATFORM_TEXT.nul }] });
  }
  return value;
}

function multipartFields(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formFields(request))) out[key] = Array.isArray(value) ? value[0]! : value;
  return out;
}

/** The OpenAPI 3.1 document for the routes, generated from their zod schemas. */
export function openApiDocument(
  routes: ApiRoute[],
  info: { title: string; version: string; description: string },
  webhooks: ApiWebhook[] = [],
): object {
  const paths: Record<string, Record<string, unknown>> = {};
  // Named schemas (a recursive one such as a unit's tree) go to components.schemas: a `$ref` to
  // `#/$defs/…` inside a schema would be read from the document's root, where there is none.
  const defs: Record<string, unknown> = {};
  const schemaOf: SchemaOf = (schema, io) => hoistDefs(jsonSchema(schema, io), io, defs);
  for (const route of routes) {
    const parameters = [
      ...schemaParameters(route.params, 'path', schemaOf),
      ...schemaParameters(route.query, 'query', schemaOf),
      ...(route.auth === 'signed' ? SIGNATURE_PARAMETERS : []),
    ];
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.auth === 'token' ? { security: [{ bearerAuth: [] }] } : {}),
      ...(route.auth === 'signed' ? { security: [{ signedBody: [] }] } : {}),
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: '成功',
          content: route.produces
            ? Object.fromEntries(route.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))
            : { 'application/json': { schema: schemaOf(route.response, 'output') } },
        },
        default: {
          description: '错误（见 code）',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
        },
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: route.multipart
          ? {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'string', format: 'binary' }, ...propertiesOf(route.body, schemaOf) },
                  required: ['file'],
                },
              },
            }
          : { 'application/json': { schema: schemaOf(route.body, 'input') } },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  const hooks: Record<string, unknown> = {};
  for (const hook of webhooks) {
    hooks[hook.name] = {
      post: {
        summary: hook.summary,
        description: hook.description,
        operationId: hook.name,
        ...(hook.signed ? { security: [{ signedBody: [] }], parameters: SIGNATURE_PARAMETERS } : {}),
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(hook.body, 'output') } } },
        responses: {
          '2XX': { description: '接收方已收到；其他状态码、超时或连接失败均视为未送达，稍后按退避间隔重发' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    ...(webhooks.length > 0 ? { webhooks: hooks } : {}),
    components: {
      schemas: { ApiError: schemaOf(ApiErrorSchema, 'output'), ...defs },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: '个人访问令牌（gongkai token create）' },
        signedBody: {
          type: 'apiKey',
          in: 'header',
          name: SIGNATURE_HEADERS.signature,
          description: SIGNATURE_DESCRIPTION,
        },
      },
    },
  };
}

/** How a signed body is signed, for the document's readers (the code is `platform/signed-body.ts`). */
const SIGNATURE_DESCRIPTION =
  '双方约定的共享密钥签名（HMAC-SHA256）：签名 = 小写十六进制 HMAC-SHA256(密钥, 时间戳 + "\\n" + 随机数 + "\\n" + 请求体原始字节)。' +
  'X-Gongkai-Timestamp 为签名时的 Unix 时间（秒），与接收方时钟相差不得超过' +
  `${SIGNATURE_TOLERANCE_SECONDS / 60}分钟；X-Gongkai-Nonce 为16至64位字母、数字、“_”或“-”，每次请求（包括重发）都须新生成，` +
  '用过的随机数在有效期内再次出现即视为重放；X-Gongkai-Signature 为签名。接收方先验证签名，再解析请求体。';

/** The three headers of a signed body, as OpenAPI parameters (header names ignore case). */
const SIGNATURE_PARAMETERS = [
  {
    name: SIGNATURE_HEADERS.timestamp,
    in: 'header',
    required: true,
    description: '签名时的 Unix 时间（秒）',
    schema: { type: 'string', pattern: '^\\d{1,12}$' },
  },
  {
    name: SIGNATURE_HEADERS.nonce,
    in: 'header',
    required: true,
    description: '每次请求（包括重发）新生成的随机数',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' },
  },
  {
    name: SIGNATURE_HEADERS.signature,
    in: 'header',
    required: true,
    description: 'HMAC-SHA256 签名（十六进制）',
    schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
  },
];

type SchemaOf = (schema: z.ZodType, io: 'input' | 'output') => Record<string, unknown>;

/**
 * A schema with its `$defs` moved to `defs` (the document's components.schemas) and its references
 * pointed there; a name already taken by a different form gets `Input` or `Output` added.
 * @throws Error when two different schemas share a name.
 */
function hoistDefs(
  json: Record<string, unknown>,
  io: 'input' | 'output',
  defs: Record<string, unknown>,
): Record<string, unknown> {
  const { $defs, ...rest } = json as { $defs?: Record<string, unknown> };
  if (!$defs) return rest;
  const names = new Map<string, string>();
  for (const name of Object.keys($defs)) {
    const text = JSON.stringify($defs[name]);
    const taken = defs[name] !== undefined && JSON.stringify(defs[name]) !== text;
    names.set(name, taken ? `${name}${io === 'input' ? 'Input' : 'Output'}` : name);
  }
  const repoint = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_, name: string) =>
        JSON.stringify(`#/components/schemas/${names.get(name) ?? name}`),
      ),
    ) as Record<string, unknown>;
  for (const [name, def] of Object.entries($defs)) {
    const target = names.get(name)!;
    const schema = repoint(def);
    if (defs[target] !== undefined && JSON.stringify(defs[target]) !== JSON.stringify(schema)) {
      throw new Error(`Two different schemas are named ${target}`);
    }
    defs[target] = schema;
  }
  return repoint(rest);
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function propertiesOf(schema: z.ZodType, schemaOf: SchemaOf): Record<string, unknown> {
  const json = schemaOf(schema, 'input');
  return (json.properties as Record<string, unknown> | undefined) ?? {};
}

function schemaParameters(schema: z.ZodType | undefined, location: 'path' | 'query', schemaOf: SchemaOf): object[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}
