import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { PLATFORM_TEXT } from '../strings.ts';
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { formFields } from './forms.ts';

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
  auth: 'public' | 'token';
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Multipart upload: the body schema describes the form fields; files arrive as `file`. */
  multipart?: boolean;
  response: z.ZodType<R>;
  successStatus?: number;
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

/** Defines a route with its types inferred from its schemas. */
export function apiRoute<P, Q, B, R>(route: ApiRoute<P, Q, B, R>): ApiRoute {
  return route as unknown as ApiRoute;
}

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
  for (const route of routes) {
    if (!route.path.startsWith(`${options.prefix}/`)) throw new Error(`${route.path} is outside ${options.prefix}`);
    api.route({
      method: route.method,
      url: route.path.slice(options.prefix.length).replace(/\{(\w+)\}/g, ':$1'),
      config: { uploads: route.multipart === true },
      ...(route.auth === 'token' ? { onRequest: options.requireToken } : {}),
      handler: async (request, reply) => {
        const staff = route.auth === 'token' ? options.callerOf(request) : undefined;
        const params = route.params ? parseInput(route.params, request.params) : undefined;
        const query = route.query ? parseInput(route.query, request.query) : undefined;
        let body: unknown;
        if (route.body) {
          const missing = !route.multipart && (request.body === undefined || request.body === null);
          // A body whose fields are all optional may be left out altogether (curl -X POST …/submit).
          if (missing && !route.body.safeParse({}).success) {
            throw new DomainError('malformed_json', { message: PLATFORM_TEXT.bodyRequired });
          }
          body = parseInput(route.body, route.multipart ? multipartFields(request) : missing ? {} : request.body);
        }
        const result = await route.handler({ params, query, body, request, reply, staff: staff! });
        return reply.status(route.successStatus ?? 200).send(result);
      },
    });
  }
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
): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [...schemaParameters(route.params, 'path'), ...schemaParameters(route.query, 'query')];
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.auth === 'token' ? { security: [{ bearerAuth: [] }] } : {}),
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: '成功',
          content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
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
                  properties: { file: { type: 'string', format: 'binary' }, ...propertiesOf(route.body) },
                  required: ['file'],
                },
              },
            }
          : { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ApiError: jsonSchema(ApiErrorSchema, 'output') },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: '个人访问令牌（gongkai token create）' },
      },
    },
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function propertiesOf(schema: z.ZodType): Record<string, unknown> {
  const json = jsonSchema(schema, 'input');
  return (json.properties as Record<string, unknown> | undefined) ?? {};
}

function schemaParameters(schema: z.ZodType | undefined, location: 'path' | 'query'): object[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input');
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
