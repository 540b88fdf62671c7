import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { FileStorage } from '../../modules/documents/ports.ts';
import { newId, sha256Hex } from '../../platform/ids.ts';

/**
 * Files on local disk under `<dataDir>/files/ab/abcdef…`, named by their SHA-256, written through a
 * temporary file and a rename so a crash never leaves half a file under a real name.
 */
export function createLocalFileStorage(root: string): FileStorage {
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256);
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const target = pathOf(sha256);
      if (await exists(target)) return sha256;
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${newId()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
      return sha256;
    },
    async read(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
      try {
        return await readFile(pathOf(sha256));
      } catch {
        return undefined;
      }
    },
    exists: (sha256) => exists(pathOf(sha256)),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** What the bytes of a file say it is (by magic numbers), as an extension; undefined when unknown. */
export async function sniffFileType(bytes: Buffer): Promise<string | undefined> {
  const result = await fileTypeFromBuffer(bytes);
  return result?.ext;
}
