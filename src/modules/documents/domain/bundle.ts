import { safeFileName } from '../../../platform/http/download.ts';
import { DOCUMENT_TEXT } from '../strings.ts';

/**
 * A column list's documents as one ZIP (打包下载): what the public may already read one by one
 * (条例 Art. 23: disclosed information made easy to obtain), bounded so one request cannot ask the
 * server for an archive of everything.
 */

/** At most this many documents of a list go into one archive (the list's first, in its order). */
export const BUNDLE_MAX_DOCUMENTS = 100;
/** At most this many bytes of pages and attachments (before compression) go into one archive. */
export const BUNDLE_MAX_BYTES = 200 * 1024 * 1024;

/** What could not go into an archive, and why. */
export type LeftOut =
  | { kind: 'document'; title: string }
  | { kind: 'attachment'; title: string; fileName: string }
  | { kind: 'missing_file'; title: string; fileName: string };

/** The bounds of one archive. */
export type BundleBounds = { maxDocuments: number; maxBytes: number };

/**
 * Keeps count of the bytes an archive has taken: an item goes in only when it still fits, so the
 * archive never passes `maxBytes`; a large attachment left out does not stop smaller ones after it.
 */
export function byteBudget(maxBytes: number) {
  let used = 0;
  return {
    take(bytes: number): boolean {
      if (used + bytes > maxBytes) return false;
      used += bytes;
      return true;
    },
    get used() {
      return used;
    },
  };
}

/** A ZIP-safe folder or file name: no path separators or control characters, not `.`/`..`, at most `max` characters. */
export function entryName(text: string, max = 60): string {
  const cleaned = safeFileName(text, Number.POSITIVE_INFINITY);
  const characters = [...cleaned];
  if (characters.length <= max) return cleaned;
  // Keep the extension of a long file name.
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 8 ? cleaned.slice(dot) : '';
  return characters.slice(0, max - [...extension].length).join('') + extension;
}

/** The folder of the `position`-th document (from 1): its number, so the list's order shows, and its title. */
export function documentFolder(position: number, title: string): string {
  return `${String(position).padStart(3, '0')}-${entryName(title, 40)}`;
}

/** A name not yet taken in a folder: `附件.pdf`, then `附件(2).pdf`, … (names compared without case). */
export function uniqueName(taken: Set<string>, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}(${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The 说明.txt of an archive that is not the whole list: how many the list holds and how many are
 * in the archive, and every document or attachment left out by name, with the reason. Undefined
 * when nothing was left out.
 */
export function bundleNote(options: {
  listTitle: string;
  total: number;
  included: number;
  bounds: BundleBounds;
  leftOut: readonly LeftOut[];
}): string | undefined {
  const { total, included, bounds, leftOut } = options;
  const overCount = total > bounds.maxDocuments;
  if (!overCount && leftOut.length === 0) return undefined;
  const text = DOCUMENT_TEXT.bundle;
  const lines = [text.noteHeading(options.listTitle), '', text.noteCounts(total, included)];
  if (overCount) lines.push(text.noteOverCount(bounds.maxDocuments, total - bounds.maxDocuments));
  const documents = leftOut.filter((item) => item.kind === 'document');
  const attachments = leftOut.filter((item) => item.kind === 'attachment');
  const missing = leftOut.filter((item) => item.kind === 'missing_file');
  if (documents.length > 0 || attachments.length > 0) lines.push(text.noteOverBytes(formatMegabytes(bounds.maxBytes)));
  for (const item of documents) lines.push(`  - ${text.noteDocument(item.title)}`);
  for (const item of attachments) lines.push(`  - ${text.noteAttachment(item.title, item.fileName)}`);
  if (missing.length > 0) lines.push(text.noteMissing);
  for (const item of missing) lines.push(`  - ${text.noteAttachment(item.title, item.fileName)}`);
  lines.push('', text.noteAdvice);
  // CRLF: the note is read in Windows' Notepad as often as anywhere.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
