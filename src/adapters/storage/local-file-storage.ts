import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { FileContent, FileStorage } from '../../modules/documents/ports.ts';
import { newId, sha256Hex } from '../../platform/ids.ts';

/**
 * Files on local disk under `<dataDir>/files/ab/abcdef…`, named by their SHA-256, written through a
 * temporary file and a rename so a crash never leaves half a file under a real name.
 */
export function createLocalFileStorage(root: string): FileStorage {
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256);
  return {
    async put(content) {
      const sha256 = 'bytes' in content ? sha256Hex(content.bytes) : await sha256OfFile(content.path);
      const target = pathOf(sha256);
      if (await exists(target)) return sha256;
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${newId()}.tmp`;
      if ('bytes' in content) await writeFile(temporary, content.bytes);
      else await copyFile(content.path, temporary);
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
    async stream(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256) || !(await exists(pathOf(sha256)))) return undefined;
      return createReadStream(pathOf(sha256), { highWaterMark: 256 * 1024 });
    },
    exists: (sha256) => exists(pathOf(sha256)),
  };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** What the content of a file says it is (by magic numbers), as an extension; undefined when unknown. */
export async function sniffFileType(content: FileContent): Promise<string | undefined> {
  const result = 'bytes' in content ? await fileTypeFromBuffer(content.bytes) : await fileTypeFromFile(content.path);
  if (result) return result.ext;
  // WebVTT captions are text, which file-type does not name: the format's own signature says it.
  const head = 'bytes' in content ? content.bytes.subarray(0, 16) : await firstBytes(content.path, 16);
  return /^(\uFEFF)?WEBVTT([ \t\r\n]|$)/.test(head.toString('utf8')) ? 'vtt' : undefined;
}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
