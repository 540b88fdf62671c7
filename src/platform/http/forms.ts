import type { FastifyRequest } from 'fastify';
import { ReceivedForm, type ReceivedFile } from './uploads.ts';

/** A file from a multipart form, in a temporary file that is deleted once the response is sent. */
export type UploadedFile = Pick<ReceivedFile, 'fileName' | 'sizeBytes' | 'path'>;

/**
 * The fields of a submitted form, whether it came URL-encoded or as multipart: every value as a
 * string (repeated fields as arrays of strings). Files are left out; read them with `formFile`.
 */
export function formFields(request: FastifyRequest): Record<string, string | string[]> {
  const body = request.body;
  if (body instanceof ReceivedForm) return body.fields;
  if (body === null || typeof body !== 'object') return {};
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const items: unknown[] = Array.isArray(raw) ? raw : [raw];
    const values = items
      .filter((item) => item !== undefined && item !== null)
      .map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

/** True when the request's body came as a multipart form (the only way files arrive). */
export function isMultipartForm(request: FastifyRequest): boolean {
  return request.body instanceof ReceivedForm;
}

/** One named file of a multipart form, or undefined when none was chosen. */
export function formFile(request: FastifyRequest, name: string): UploadedFile | undefined {
  const body = request.body;
  if (!(body instanceof ReceivedForm)) return undefined;
  const file = body.files.find((item) => item.fieldName === name);
  return file && { fileName: file.fileName, sizeBytes: file.sizeBytes, path: file.path };
}

/** Every file chosen under one name of a multipart form (an `<input type="file" multiple>`), in order. */
export function formFileList(request: FastifyRequest, name: string): UploadedFile[] {
  const body = request.body;
  if (!(body instanceof ReceivedForm)) return [];
  return body.files
    .filter((item) => item.fieldName === name)
    .map((file) => ({ fileName: file.fileName, sizeBytes: file.sizeBytes, path: file.path }));
}

/** A single string field ('' when absent). */
export function field(fields: Record<string, string | string[]>, name: string): string {
  const value = fields[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Every value of a field sent several times (checkboxes), in the order sent; [] when absent. */
export function fieldList(fields: Record<string, string | string[]>, name: string): string[] {
  const value = fields[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}
