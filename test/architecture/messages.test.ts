import { describe, expect, it } from 'vitest';
import { readSources } from '../../tools/module-graph.ts';

const HAN = '[\\u4e00-\\u9fa5]';
/** A message or flash text written in place: `message: '…汉字…'`, `text: \`…汉字…\``. */
const INLINE_MESSAGE = new RegExp(`\\b(message|text)\\s*:\\s*(['"\`])[^'"\`]*${HAN}`, 'g');
/** An error thrown with Chinese text of its own in its arguments (a literal on one line). */
const INLINE_ERROR = new RegExp(`new DomainError\\([^)]*(['"\`])[^'"\`\\n]*${HAN}`, 'g');

/** Where people's text may be written: the strings files, the error table, the views. */
function mayHoldText(path: string): boolean {
  return (
    path.endsWith('strings.ts') ||
    path.endsWith('platform/errors.ts') ||
    path.includes('/views/') ||
    path.endsWith('.test.ts') ||
    path.endsWith('.test.tsx')
  );
}

/**
 * Error messages, field messages and flash texts come from a strings file (each module's
 * `strings.ts`, the platform's, or the error table), never from the line that throws or redirects.
 */
describe('user-facing messages', () => {
  it('are never written where an error is thrown or a flash is set', () => {
    const found: string[] = [];
    for (const [path, source] of [
      ...readSources('src/modules'),
      ...readSources('src/platform'),
      ...readSources('src/app'),
    ]) {
      if (mayHoldText(path)) continue;
      for (const pattern of [INLINE_MESSAGE, INLINE_ERROR]) {
        for (const match of source.matchAll(pattern)) {
          const line = source.slice(0, match.index).split('\n').length;
          found.push(`${path}:${line}: ${match[0].slice(0, 60)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
