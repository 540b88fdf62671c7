/**
 * The OpenAPI document of the server, read as a client would: its operations, and plausible
 * request bodies built from their schemas, for the fuzz of `test/security/hostile-input/`.
 */

/** The parts of a JSON Schema the fuzz reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  format?: string;
};
type OpenApiOperation = {
  security?: unknown[];
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
};
/** The parts of an OpenAPI document the fuzz reads. */
export type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

/** One API operation as the fuzz sees it. */
export type ApiOperation = {
  method: string;
  /** OpenAPI path with `{name}` parameters. */
  path: string;
  needsToken: boolean;
  pathParams: string[];
  queryParams: string[];
  body: { kind: 'json'; schema: JsonSchema } | { kind: 'multipart'; fields: string[] } | undefined;
};

/** Every operation of the document, with its parameters and the kind of body it takes. */
export function operationsOf(document: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json'];
      const form = content['multipart/form-data'];
      operations.push({
        method: method.toUpperCase(),
        path,
        needsToken: (operation.security ?? []).length > 0,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: json
          ? { kind: 'json', schema: json.schema ?? {} }
          : form
            ? { kind: 'multipart', fields: Object.keys(form.schema?.properties ?? {}) }
            : undefined,
      });
    }
  }
  return operations;
}

/** A plausible value for a schema, from known good values by field name where there are any. */
export function sampleOf(schema: JsonSchema, name: string, known: Record<string, unknown>, depth = 0): unknown {
  if (name in known) return known[name];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const branch = (schema.anyOf ?? schema.oneOf ?? []).find((s) => s.type !== 'null');
  if (branch) return sampleOf(branch, name, known, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? '') {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || key in known) out[key] = sampleOf(property, key, known, depth + 1);
      }
      return out;
    }
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return 1;
    case 'string':
      return schema.format === 'date-time' ? '2026-03-09T02:00:00Z' : '测试';
    default:
      return null;
  }
}
