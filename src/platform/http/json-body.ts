import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { DomainError } from '../errors.ts';
import { jsonNestingExceeds, MAX_INPUT_DEPTH } from './input-guard.ts';

/**
 * JSON bodies: refused before parsing when nested deeper than any real body, then parsed with
 * `__proto__` and `constructor.prototype` keys refused (prototype poisoning), as Fastify's own
 * parser does.
 * @throws DomainError `malformed_json`, `input_too_deep`.
 */
export function installJsonBody(app: FastifyInstance, options: { bodyLimit: number }): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: options.bodyLimit },
    (_request, body, done) => {
      try {
        done(null, parseJsonText(typeof body === 'string' ? body : body.toString('utf8')));
      } catch (error) {
        done(error as DomainError, undefined);
      }
    },
  );
}

/**
 * One JSON text as the body parser reads it: refused when empty or nested deeper than any real
 * body (before parsing), parsed with `__proto__` and `constructor.prototype` keys refused.
 * @throws DomainError `malformed_json`, `input_too_deep`.
 */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new DomainError('malformed_json');
  if (jsonNestingExceeds(text, MAX_INPUT_DEPTH)) throw new DomainError('input_too_deep');
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }) as unknown;
  } catch {
    throw new DomainError('malformed_json');
  }
}
