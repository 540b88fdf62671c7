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
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(new DomainError('malformed_json'), undefined);
      if (jsonNestingExceeds(text, MAX_INPUT_DEPTH)) return done(new DomainError('input_too_deep'), undefined);
      try {
        done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
      } catch {
        done(new DomainError('malformed_json'), undefined);
      }
    },
  );
}
