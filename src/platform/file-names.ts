import { stripInvisibleControls } from './text.ts';

/** The extension of a file name, lower case, without the dot. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Keeps a file name people recognise while removing path parts, control characters, and the
 * invisible characters that make one name look like another ("\u202Egnp.pdf" shown as "fdp.png").
 */
export function cleanFileName(fileName: string): string {
  const base = stripInvisibleControls(fileName).split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  return cleaned.slice(-120) || 'file';
}
