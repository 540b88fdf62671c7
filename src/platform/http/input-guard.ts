import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';

const NUL_MESSAGE = '内容中含有无效的空字符，请删除后重试。';

/**
 * The dotted path of the first text value that holds U+0000, or undefined when there is none.
 * Multipart files are bytes and are not looked at; a multipart field is looked at by its value only
 * (its part object also points back at the whole form).
 */
export function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(root)' : undefined;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  if ('fieldname' in value && 'type' in value) {
    return value.type === 'field' && 'value' in value ? findNulCharacter(value.value, path) : undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findNulCharacter(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses text containing U+0000 anywhere in the query, path or body, before any route reads it.
 * Nobody types it; PostgreSQL cannot store or compare it (a query would fail with a 500), and SQLite
 * would keep it in titles where it does not belong.
 * @throws DomainError `validation_failed` naming the field.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const value of [request.params, request.query, request.body]) {
      const field = findNulCharacter(value);
      if (field) throw new DomainError('validation_failed', { fields: [{ field, message: NUL_MESSAGE }] });
    }
  });
}
