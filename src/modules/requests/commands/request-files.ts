import { newId } from '../../../platform/ids.ts';
import { inspectFiles, type FileInspection, type FilePurpose, type RequestFile } from '../domain/files.ts';
import type { FileServices, IncomingFile, RequestFileStore } from '../ports.ts';

/** The size of some file content, in bytes. */
const sizeOf = (file: IncomingFile) => ('bytes' in file.content ? file.content.bytes.length : file.content.sizeBytes);

/**
 * Tells each incoming file's type from its bytes and checks the files of one purpose, before
 * anything is stored (an empty or oversized file is not read).
 */
export async function inspectIncoming(
  services: FileServices | undefined,
  purpose: FilePurpose,
  incoming: readonly IncomingFile[],
): Promise<FileInspection> {
  if (incoming.length === 0 || !services) return inspectFiles(purpose, []);
  const candidates = await Promise.all(
    incoming.map(async (file) => {
      const sizeBytes = sizeOf(file);
      const readable = sizeBytes > 0 && incoming.length <= 20;
      return {
        fileName: file.fileName,
        sizeBytes,
        detectedExtension: readable ? await services.sniff(file.content) : undefined,
      };
    }),
  );
  return inspectFiles(purpose, candidates);
}

/**
 * Stores checked files and their rows inside the use case's transaction. The bytes are written
 * first: a failed transaction leaves at most unreferenced content, never a row without its bytes.
 */
export async function keepFiles(options: {
  services: FileServices;
  store: RequestFileStore;
  requestId: string;
  purpose: FilePurpose;
  incoming: readonly IncomingFile[];
  accepted: readonly { fileName: string; mediaType: string }[];
  at: Date;
  by: string;
}): Promise<RequestFile[]> {
  const kept: RequestFile[] = [];
  for (const [i, file] of options.incoming.entries()) {
    const checked = options.accepted[i]!;
    const sha256 = await options.services.files.put(file.content);
    const row: RequestFile = {
      id: newId(),
      requestId: options.requestId,
      purpose: options.purpose,
      fileName: checked.fileName,
      mediaType: checked.mediaType,
      sizeBytes: sizeOf(file),
      sha256,
      // Files of one step in the order chosen: the same instant, ordered by a growing suffix.
      createdAt: new Date(options.at.getTime() + i).toISOString(),
      createdBy: options.by,
    };
    await options.store.insert(row);
    kept.push(row);
  }
  return kept;
}

/** What the audit log keeps of files: no names (an applicant's may name them), sizes and digests. */
export function auditedFiles(files: readonly RequestFile[]): { id: string; sizeBytes: number; sha256: string }[] {
  return files.map((f) => ({ id: f.id, sizeBytes: f.sizeBytes, sha256: f.sha256 }));
}
