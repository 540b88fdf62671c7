import type { FastifyRequest } from 'fastify';

/** A file from a multipart form, read into memory (uploads are size-limited by the server). */
export type UploadedFile = { fileName: string; bytes: Buffer };

type MultipartPart =
  { type: 'field'; value: unknown } | { type: 'file'; filename: string; toBuffer(): Promise<Buffer> };

/**
 * The fields of a submitted form, whether it came URL-encoded or as multipart: every value as a
 * string (repeated fields as arrays of strings). Files are left out; read them with `formFile`.
 */
export function formFields(request: FastifyRequest): Record<string, string | string[]> {
  const body = request.body;
  if (body === null || typeof body !== 'object') return {};
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const items: unknown[] = Array.isArray(raw) ? raw : [raw];
    const values = items
      .map((item): unknown => (isPart(item) ? (item.type === 'field' ? item.value : undefined) : item))
      .filter((item) => item !== undefined && item !== null)
      .map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

/** One named file of a multipart form, or undefined when none was chosen. */
export async function formFile(request: FastifyRequest, name: string): Promise<UploadedFile | undefined> {
  const body = request.body as Record<string, unknown> | null | undefined;
  const part = body?.[name];
  const first: unknown = Array.isArray(part) ? part[0] : part;
  if (!isPart(first) || first.type !== 'file' || first.filename === '') return undefined;
  return { fileName: first.filename, bytes: await first.toBuffer() };
}

/** A single string field ('' when absent). */
export function field(fields: Record<string, string | string[]>, name: string): string {
  const value = fields[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function isPart(value: unknown): value is MultipartPart {
  return (
    typeof value === 'object' && value !== null && 'type' in value && (value.type === 'field' || value.type === 'file')
  );
}
