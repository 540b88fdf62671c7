import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, inspectFiles, type FileCandidate } from './files.ts';

const MB = 1024 * 1024;
const pdf = (fileName: string, sizeBytes = 1000): FileCandidate => ({ fileName, sizeBytes, detectedExtension: 'pdf' });

describe('inspectFiles', () => {
  it.each([
    { label: 'a PDF', file: pdf('申请书.pdf'), name: '申请书.pdf', type: 'application/pdf' },
    {
      label: 'a photo named in capitals',
      file: { fileName: 'IMG_0001.JPG', sizeBytes: 2 * MB, detectedExtension: 'jpg' },
      name: 'IMG_0001.JPG',
      type: 'image/jpeg',
    },
    {
      label: 'a phone photo without an extension',
      file: { fileName: 'image', sizeBytes: 5000, detectedExtension: 'png' },
      name: 'image.png',
      type: 'image/png',
    },
    {
      label: 'a name with path parts',
      file: pdf('C:\\Users\\张\\..\\身份证.pdf'),
      name: '身份证.pdf',
      type: 'application/pdf',
    },
    {
      label: 'a name with a right-to-left override',
      file: pdf('\u202Eabc.pdf'),
      name: 'abc.pdf',
      type: 'application/pdf',
    },
    { label: 'exactly the size limit', file: pdf('大.pdf', 10 * MB), name: '大.pdf', type: 'application/pdf' },
  ])('accepts $label', ({ file, name, type }) => {
    expect(inspectFiles('application', [file])).toEqual({ ok: true, files: [{ fileName: name, mediaType: type }] });
  });

  it.each([
    { label: 'one byte over 10 MB', file: pdf('大.pdf', 10 * MB + 1), code: 'upload_too_large', says: '超过 10 MB' },
    { label: 'an empty file', file: pdf('空.pdf', 0), code: 'validation_failed', says: '空文件' },
    {
      label: 'an executable',
      file: { fileName: 'setup.exe', sizeBytes: 100, detectedExtension: 'exe' },
      code: 'upload_type_not_allowed',
      says: '类型不能上传',
    },
    {
      label: 'text nothing can sniff',
      file: { fileName: '说明.txt', sizeBytes: 100, detectedExtension: undefined },
      code: 'upload_type_not_allowed',
      says: '类型不能上传',
    },
    {
      label: 'a PNG named .pdf',
      file: { fileName: 'x.pdf', sizeBytes: 100, detectedExtension: 'png' },
      code: 'upload_type_mismatch',
      says: '内容与扩展名不符',
    },
    {
      label: 'a GIF, allowed for documents but not here',
      file: { fileName: 'a.gif', sizeBytes: 100, detectedExtension: 'gif' },
      code: 'upload_type_not_allowed',
      says: '类型不能上传',
    },
  ])('refuses $label', ({ file, code, says }) => {
    const result = inspectFiles('application', [file]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.field).toBe('attachments');
    expect(result.issues[0]!.message).toContain(says);
  });

  it('refuses more files than the purpose takes, and names every bad file, the largest problem deciding', () => {
    const six = Array.from({ length: 6 }, (_, i) => pdf(`${i}.pdf`));
    expect(inspectFiles('application', six)).toMatchObject({ ok: false, code: 'too_many_files' });
    expect(inspectFiles('released', six).ok).toBe(true);
    const mixed = inspectFiles('delivery_proof', [
      pdf('好.pdf'),
      pdf('空.pdf', 0),
      { fileName: 'x.png', sizeBytes: 10, detectedExtension: 'pdf' },
    ]);
    expect(mixed).toMatchObject({ ok: false, code: 'upload_type_mismatch' });
    if (!mixed.ok) expect(mixed.issues.map((i) => i.field)).toEqual(['proofFiles', 'proofFiles']);
    expect(
      inspectFiles('released', [pdf('大.pdf', FILE_LIMITS.released.maxFileBytes + 1), pdf('空.pdf', 0)]),
    ).toMatchObject({ ok: false, code: 'upload_too_large' });
  });
});
