import { strToU8, zipSync } from 'fflate';

/** One file of a ZIP: its path inside the archive and its bytes or UTF-8 text. */
export type ZipEntry = { name: string; content: Uint8Array | string };

/**
 * A ZIP archive of small files (a case file of a few hundred kilobytes), built in memory. Names are
 * UTF-8 (the ZIP's language flag is set by fflate), so Chinese file names open as written.
 */
export function zipFiles(entries: readonly ZipEntry[], at: Date): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const entry of entries) {
    files[entry.name] = [typeof entry.content === 'string' ? strToU8(entry.content) : entry.content, { mtime: at }];
  }
  return zipSync(files, { level: 6 });
}
