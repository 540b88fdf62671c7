import { strToU8, zipSync } from 'fflate';

/**
 * One file of a ZIP: its path inside the archive and its bytes or UTF-8 text; `stored` keeps it
 * uncompressed (PDF, Office files and photos are compressed already: deflating them costs time only).
 */
export type ZipEntry = { name: string; content: Uint8Array | string; stored?: boolean };

/**
 * A ZIP archive of small files (a case file of a few hundred kilobytes), built in memory. Names are
 * UTF-8 (the ZIP's language flag is set by fflate), so Chinese file names open as written.
 */
export function zipFiles(entries: readonly ZipEntry[], at: Date): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date; level?: 0 }]> = {};
  for (const entry of entries) {
    const bytes = typeof entry.content === 'string' ? strToU8(entry.content) : entry.content;
    files[entry.name] = [bytes, entry.stored ? { mtime: at, level: 0 } : { mtime: at }];
  }
  return zipSync(files, { level: 6 });
}
