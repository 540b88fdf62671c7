import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import { checkUpload, cleanFileName, extensionOf } from './attachment-policy.ts';

const MB = 1024 * 1024;
const MAX = 10 * MB;

function upload(fileName: string, detectedExtension: string | undefined, sizeBytes = 1000) {
  return { fileName, detectedExtension, sizeBytes, maxBytes: MAX };
}

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('checkUpload', () => {
  it.each([
    { fileName: '报告.pdf', detected: 'pdf', mediaType: 'application/pdf' },
    {
      fileName: '通知.docx',
      detected: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    {
      fileName: '预算表.xlsx',
      detected: 'xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    { fileName: '现场.png', detected: 'png', mediaType: 'image/png' },
    { fileName: '现场.jpg', detected: 'jpg', mediaType: 'image/jpeg' },
    { fileName: '现场.jpeg', detected: 'jpg', mediaType: 'image/jpeg' },
    { fileName: '现场.JPEG', detected: 'jpg', mediaType: 'image/jpeg' },
    { fileName: '动图.gif', detected: 'gif', mediaType: 'image/gif' },
    { fileName: '图.webp', detected: 'webp', mediaType: 'image/webp' },
  ])('accepts $fileName whose bytes are $detected as $mediaType', ({ fileName, detected, mediaType }) => {
    expect(checkUpload(upload(fileName, detected))).toEqual({ mediaType, fileName });
  });

  it('accepts a file exactly at the size limit', () => {
    expect(checkUpload(upload('a.pdf', 'pdf', MAX)).mediaType).toBe('application/pdf');
  });

  it('refuses a file one byte over the size limit, naming the limit', () => {
    const error = failure(() => checkUpload(upload('a.pdf', 'pdf', MAX + 1)));
    expect(error.code).toBe('upload_too_large');
    expect(error.message).toContain('10 MB');
  });

  it('refuses an empty file as a problem with the file field', () => {
    const error = failure(() => checkUpload(upload('a.pdf', 'pdf', 0)));
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([{ field: 'file', message: '上传的文件是空的。' }]);
  });

  it.each([
    { fileName: 'setup.exe', detected: 'exe' },
    { fileName: 'notes.txt', detected: undefined },
    { fileName: 'old.doc', detected: 'cfb' },
    { fileName: 'archive.zip', detected: 'zip' },
    { fileName: 'page.html', detected: undefined },
    { fileName: 'no-extension', detected: undefined },
  ])('refuses $fileName ($detected) as a type not allowed', ({ fileName, detected }) => {
    expect(failure(() => checkUpload(upload(fileName, detected))).code).toBe('upload_type_not_allowed');
  });

  it.each([
    { fileName: 'report.pdf', detected: 'png', why: 'an image named as a PDF' },
    { fileName: 'photo.jpg', detected: 'pdf', why: 'a PDF named as an image' },
    { fileName: 'photo.png', detected: 'jpg', why: 'a JPEG named .png' },
    { fileName: 'invoice.pdf', detected: 'exe', why: 'a program named as a PDF' },
    { fileName: 'report.pdf', detected: undefined, why: 'unrecognised bytes named as a PDF' },
    { fileName: 'photo.exe', detected: 'png', why: 'an image with a disallowed extension' },
  ])('refuses $why as a mismatch', ({ fileName, detected }) => {
    expect(failure(() => checkUpload(upload(fileName, detected))).code).toBe('upload_type_mismatch');
  });

  it('returns the cleaned file name', () => {
    expect(checkUpload(upload('C:\\Users\\张三\\Desktop\\报告.pdf', 'pdf')).fileName).toBe('报告.pdf');
  });
});

describe('extensionOf', () => {
  it.each([
    { fileName: 'a.PDF', expected: 'pdf' },
    { fileName: 'archive.tar.gz', expected: 'gz' },
    { fileName: 'no-extension', expected: '' },
    { fileName: '.hidden', expected: 'hidden' },
  ])('reads $expected from $fileName', ({ fileName, expected }) => {
    expect(extensionOf(fileName)).toBe(expected);
  });
});

describe('cleanFileName', () => {
  it.each([
    { input: '2026年预算.xlsx', expected: '2026年预算.xlsx', why: 'keeps an ordinary Chinese name' },
    { input: '../../etc/passwd', expected: 'passwd', why: 'strips a relative Unix path' },
    { input: 'C:\\Windows\\system32\\a.pdf', expected: 'a.pdf', why: 'strips a Windows path' },
    { input: 'a\u0000b\u001f\u007fc.pdf', expected: 'abc.pdf', why: 'strips control characters' },
    {
      input: '\u202egnp.pdf',
      expected: 'gnp.pdf',
      why: 'strips a right-to-left override that disguises the extension',
    },
    {
      input: '通知\u200b\u2066全文\u2069.pdf',
      expected: '通知全文.pdf',
      why: 'strips zero-width and isolate characters',
    },
    { input: 'x<y>:"|?*z.pdf', expected: 'xyz.pdf', why: 'strips characters forbidden in file names' },
    { input: '  报告.pdf  ', expected: '报告.pdf', why: 'trims spaces' },
    { input: '', expected: 'file', why: 'names an empty name "file"' },
    { input: 'folder/', expected: 'file', why: 'names a bare folder "file"' },
    { input: '\u0001\u0002', expected: 'file', why: 'names a name of control characters only "file"' },
  ])('$why', ({ input, expected }) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it('shortens a long name to 120 characters, keeping its extension', () => {
    const cleaned = cleanFileName(`${'长'.repeat(200)}.pdf`);
    expect(cleaned).toHaveLength(120);
    expect(cleaned.endsWith('长.pdf')).toBe(true);
  });
});
