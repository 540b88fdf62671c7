import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';
import { PLATFORM_TEXT } from '../strings.ts';
import { ReceivedForm } from './uploads.ts';

/** Deepest nesting of arrays and objects any input may have; no form or API body comes near it. */
export const MAX_INPUT_DEPTH = 64;

/** What the walk over an input found: nothing, a NUL character at a path, or too deep a nesting. */
export type InputProblem = { kind: 'nul'; path: string } | { kind: 'too_deep' } | undefined;

/**
 * The first problem in a parsed input: text holding U+0000 (reported with its dotted path) or
 * nesting deeper than `maxDepth`. Walks with its own stack, so no input can exhaust the call stack.
 * A received multipart form is looked at by its text fields only; files are bytes.
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    let current = item.value;
    if (current instanceof ReceivedForm) current = current.fields;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { kind: 'nul', path: item.path || '(root)' };
      continue;
    }
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    if (item.depth >= maxDepth) return { kind: 'too_deep' };
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((element: unknown, index) => [String(index), element])
      : Object.entries(current);
    // Pushed in reverse so the first field is looked at first, as a reader would.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, path: item.path ? `${item.path}.${key}` : key, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/**
 * Refuses text containing U+0000 anywhere in the query, path or body, and inputs nested deeper than
 * any real one, before any route reads them. Nobody types U+0000; PostgreSQL cannot store or compare
 * it (a query would fail with a 500), and SQLite would keep it in titles where it does not belong.
 * @throws DomainError `validation_failed` naming the field, or `input_too_deep`.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const value of [request.params, request.query, request.body]) {
      const problem = findInputProblem(value);
      if (problem?.kind === 'nul') {
        throw new DomainError('validation_failed', { fields: [{ field: problem.path, message: PLATFORM_TEXT.nul }] });
      }
      if (problem?.kind === 'too_deep') throw new DomainError('input_too_deep');
    }
  });
}

/**
 * True when a JSON text nests arrays and objects deeper than `maxDepth`: one pass over the
 * characters, before the parser builds anything (a recursive parser or walker would overflow).
 */
export function jsonNestingExceeds(text: string, maxDepth = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}
