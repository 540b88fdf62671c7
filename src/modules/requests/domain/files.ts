import type { ErrorCode, FieldIssue } from '../../../platform/errors.ts';
import { cleanFileName, extensionOf } from '../../../platform/file-names.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * The files kept with a request: what the applicant sent with the application (a copy of the
 * identity document, a letter of authorisation, supporting papers: 条例 Art. 29 asks for proof of
 * identity), the government information released with the reply (条例 Art. 36 (2), 40), and the
 * proof that the reply was served (送达凭证, 国办公开办函〔2016〕235号).
 */
export const FILE_PURPOSES = ['application', 'released', 'delivery_proof'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const FILE_PURPOSE_LABELS: Record<FilePurpose, string> = {
  application: '申请材料',
  released: '公开的政府信息',
  delivery_proof: '送达凭证',
};

const MB = 1024 * 1024;

/**
 * How many files each purpose takes and how large each may be, and the form field they come in:
 * an application a few scans or photos, a reply the released documents, a delivery its receipts.
 */
export const FILE_LIMITS: Record<FilePurpose, { maxFiles: number; maxFileBytes: number; field: string }> = {
  application: { maxFiles: 5, maxFileBytes: 10 * MB, field: 'attachments' },
  released: { maxFiles: 10, maxFileBytes: 20 * MB, field: 'releasedFiles' },
  delivery_proof: { maxFiles: 3, maxFileBytes: 10 * MB, field: 'proofFiles' },
};

/** The types a request's files may have, decided from their bytes: documents, sheets and photos. */
export const REQUEST_FILE_TYPES: Record<string, { mediaType: string; extensions: readonly string[] }> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
};

/** What the file inputs accept, for the browser's file picker (the server decides from the bytes). */
export const FILE_ACCEPT = Object.values(REQUEST_FILE_TYPES)
  .flatMap((kind) => kind.extensions.map((ext) => `.${ext}`))
  .join(',');

/** A file kept with a request, stored by its SHA-256. */
export type RequestFile = {
  id: string;
  requestId: string;
  purpose: FilePurpose;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  /** The member of staff who added it, or `public` for the applicant. */
  createdBy: string;
};

/** A file as it arrived: its name, its size, and what its bytes say it is (undefined when unknown). */
export type FileCandidate = { fileName: string; sizeBytes: number; detectedExtension: string | undefined };

/** What the files of one purpose are, or what is wrong with them: a stable code and a line per file. */
export type FileInspection =
  { ok: true; files: { fileName: string; mediaType: string }[] } | { ok: false; code: ErrorCode; issues: FieldIssue[] };

/** The order in which a problem decides the answer's code: the largest problem first. */
const CODE_ORDER: ErrorCode[] = [
  'too_many_files',
  'upload_too_large',
  'upload_type_not_allowed',
  'upload_type_mismatch',
];

/**
 * Checks the files of one purpose: how many, how large, not empty, and of an allowed type decided
 * from the bytes. A name's extension that says another type is a disguised file; a name without an
 * extension (a phone's photo) takes the type its bytes show. Every problem is reported, one line
 * per file, on the purpose's field.
 */
export function inspectFiles(purpose: FilePurpose, candidates: readonly FileCandidate[]): FileInspection {
  const limits = FILE_LIMITS[purpose];
  const issue = (message: string) => ({ field: limits.field, message });
  if (candidates.length > limits.maxFiles) {
    return {
      ok: false,
      code: 'too_many_files',
      issues: [issue(REQUEST_TEXT.filesTooMany(FILE_PURPOSE_LABELS[purpose], limits.maxFiles))],
    };
  }
  const files: { fileName: string; mediaType: string }[] = [];
  const problems: { code: ErrorCode; issue: FieldIssue }[] = [];
  for (const candidate of candidates) {
    const name = cleanFileName(candidate.fileName);
    if (candidate.sizeBytes > limits.maxFileBytes) {
      problems.push({
        code: 'upload_too_large',
        issue: issue(REQUEST_TEXT.fileTooLarge(name, limits.maxFileBytes / MB)),
      });
      continue;
    }
    if (candidate.sizeBytes === 0) {
      problems.push({ code: 'validation_failed', issue: issue(REQUEST_TEXT.fileEmpty(name)) });
      continue;
    }
    const detected = candidate.detectedExtension ? REQUEST_FILE_TYPES[candidate.detectedExtension] : undefined;
    const claimed = extensionOf(name);
    const claimedKind = Object.values(REQUEST_FILE_TYPES).find((kind) => kind.extensions.includes(claimed));
    if (!detected) {
      problems.push({ code: 'upload_type_not_allowed', issue: issue(REQUEST_TEXT.fileTypeNotAllowed(name)) });
      continue;
    }
    const hasExtension = claimed !== '' && claimed.length <= 5 && /^[a-z0-9]+$/.test(claimed);
    if (hasExtension && claimedKind !== detected) {
      problems.push({ code: 'upload_type_mismatch', issue: issue(REQUEST_TEXT.fileTypeMismatch(name)) });
      continue;
    }
    files.push({
      fileName: hasExtension ? name : `${name}.${detected.extensions[0]!}`,
      mediaType: detected.mediaType,
    });
  }
  if (problems.length === 0) return { ok: true, files };
  const code = CODE_ORDER.find((c) => problems.some((p) => p.code === c)) ?? 'validation_failed';
  return { ok: false, code, issues: problems.map((p) => p.issue) };
}
