import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC (SIL Open Font License) as the npm package `@fontsource/noto-sans-sc` ships it: the
 * font cut into about a hundred files by Unicode range. A PDF embeds the few files its text needs;
 * each character is set in the file that holds it, so rare characters in applicants' names print
 * too. Nothing depends on fonts installed on the machine.
 */
const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

type Range = { from: number; to: number; file: string };

let ranges: Range[] | undefined;

function loadRanges(): Range[] {
  const table = JSON.parse(readFileSync(join(PACKAGE_DIR, 'unicode.json'), 'utf8')) as Record<string, string>;
  const out: Range[] = [];
  for (const [key, list] of Object.entries(table)) {
    const subset = key.replace(/^\[(\d+)\]$/, '$1');
    const file = join(PACKAGE_DIR, 'files', `noto-sans-sc-${subset}-400-normal.woff2`);
    for (const item of list.split(',')) {
      const [from, to] = item.trim().replace(/^U\+/i, '').split('-');
      out.push({ from: parseInt(from!, 16), to: parseInt(to ?? from!, 16), file });
    }
  }
  // Latin first: its files are the smallest, and it covers ASCII digits and punctuation.
  return out.sort((a, b) => Number(!a.file.includes('-latin-')) - Number(!b.file.includes('-latin-')));
}

/** The font file that holds a code point, or undefined when none does (the PDF shows a blank). */
export function fontFileFor(codePoint: number): string | undefined {
  ranges ??= loadRanges();
  return ranges.find((r) => codePoint >= r.from && codePoint <= r.to)?.file;
}

/** Text cut into runs that each one font file can set. */
export function fontRuns(text: string): { file: string; text: string }[] {
  const runs: { file: string; text: string }[] = [];
  for (const char of text) {
    const file = fontFileFor(char.codePointAt(0)!) ?? fontFileFor(0x3000)!;
    const last = runs.at(-1);
    // Spaces and line breaks stay with the run they are in.
    if (last && (last.file === file || /\s/.test(char))) last.text += char;
    else runs.push({ file, text: char });
  }
  return runs;
}
