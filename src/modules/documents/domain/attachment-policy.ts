import { DomainError } from '../../../platform/errors.ts';
import { PLATFORM_TEXT } from '../../../platform/strings.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { cleanFileName, extensionOf } from '../../../platform/file-names.ts';

export { cleanFileName, extensionOf };

/**
 * Files that may be attached to government information: PDF, DOCX, XLSX and common images. The
 * type is decided from the bytes, and the name's extension must agree with it.
 */
export const ALLOWED_UPLOADS: Record<string, { mediaType: string; extensions: readonly string[]; label: string }> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel',
  },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  gif: { mediaType: 'image/gif', extensions: ['gif'], label: 'GIF 图片' },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: 'WebP 图片' },
  // Video interpretations (视频/动漫, plan §三.5) with their captions: a video is published with a
  // WebVTT captions file so that it can be followed without sound.
  mp4: { mediaType: 'video/mp4', extensions: ['mp4'], label: 'MP4 视频' },
  webm: { mediaType: 'video/webm', extensions: ['webm'], label: 'WebM 视频' },
  vtt: { mediaType: 'text/vtt', extensions: ['vtt'], label: 'WebVTT 字幕' },
};

/**
 * Decides whether an upload is acceptable and returns its media type.
 * `detectedExtension` is what the bytes say the file is (undefined when unknown).
 * @throws DomainError `upload_too_large`, `upload_type_not_allowed` or `upload_type_mismatch`.
 */
export function checkUpload(upload: {
  fileName: string;
  sizeBytes: number;
  maxBytes: number;
  detectedExtension: string | undefined;
}): { mediaType: string; fileName: string } {
  if (upload.sizeBytes > upload.maxBytes) {
    throw new DomainError('upload_too_large', {
      message: PLATFORM_TEXT.uploadTooLarge(upload.maxBytes),
    });
  }
  if (upload.sizeBytes === 0) {
    throw new DomainError('validation_failed', { fields: [{ field: 'file', message: DOCUMENT_TEXT.emptyFile }] });
  }
  const claimed = extensionOf(upload.fileName);
  const claimedKind = Object.values(ALLOWED_UPLOADS).find((kind) => kind.extensions.includes(claimed));
  const detectedKind = upload.detectedExtension ? ALLOWED_UPLOADS[upload.detectedExtension] : undefined;
  if (!claimedKind && !detectedKind) throw new DomainError('upload_type_not_allowed');
  if (!detectedKind || detectedKind !== claimedKind) throw new DomainError('upload_type_mismatch');
  return { mediaType: detectedKind.mediaType, fileName: cleanFileName(upload.fileName) };
}

/** The attachments whose text is extracted and searched: PDF, Word and Excel files (images have none). */
export const TEXT_BEARING_MEDIA_TYPES: readonly string[] = [
  ALLOWED_UPLOADS.pdf!.mediaType,
  ALLOWED_UPLOADS.docx!.mediaType,
  ALLOWED_UPLOADS.xlsx!.mediaType,
];
