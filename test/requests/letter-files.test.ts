import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerLetterRenderer } from '../../src/adapters/letters/worker-letters.ts';
import { composeReplyLetter } from '../../src/modules/requests/domain/letter.ts';
import { REGISTERED } from '../../src/modules/requests/domain/request.fixture.ts';
import { HAS_LIBREOFFICE, LIBREOFFICE_PATH } from '../environment.ts';

const run = promisify(execFile);

/** A partial disclosure to an applicant whose name has characters outside GB2312's common set. */
const LETTER = composeReplyLetter(
  {
    ...REGISTERED,
    applicant: { ...REGISTERED.applicant, name: '鬲乇卮示范' },
    state: 'replied',
    reply: {
      outcome: '3.2',
      repliedOn: '2026-10-09',
      reason: '所申请信息部分涉及第三方商业秘密。',
      withheld: [{ part: '附件2 投标报价明细', reason: '涉及商业秘密，第三方不同意公开' }],
      letter: null,
    },
  },
  { type: 'department', name: '示范区教育局' },
  '示范区人民政府',
);

/** What LibreOffice must read back from both files. */
const EXPECTED = [
  '示范区教育局',
  '政府信息公开申请答复告知书',
  '鬲乇卮示范',
  '附件2 投标报价明细',
  '申请行政复议',
  '2026年10月9日',
];

/**
 * The reply letter as files: the PDF (Chinese set in an embedded font) and the DOCX both open in
 * LibreOffice, and the letter's Chinese text is what it reads.
 */
describe.skipIf(!HAS_LIBREOFFICE)('reply letter files in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-letters-'));
  const renderer = createWorkerLetterRenderer();
  afterAll(async () => {
    await renderer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Converts a file with LibreOffice headless, its own profile so runs never share a lock. */
  async function convert(file: string, to: string): Promise<string> {
    await run(
      LIBREOFFICE_PATH,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, file, '--outdir', dir],
      { timeout: 120_000 },
    );
    return readFileSync(join(dir, file.replace(/^.*\//, '').replace(/\.\w+$/, `.${to.split(':')[0]}`)), 'utf8');
  }

  it('reads the DOCX as text (--convert-to txt)', async () => {
    const docx = await renderer.docx(LETTER);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    writeFileSync(join(dir, 'letter.docx'), docx);
    const text = await convert(join(dir, 'letter.docx'), 'txt:Text');
    for (const part of EXPECTED) expect(text).toContain(part);
  }, 150_000);

  it('reads the PDF’s embedded Chinese text (PDF import, then HTML)', async () => {
    const pdf = await renderer.pdf(LETTER);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(dir, 'letter.pdf'), pdf);
    const html = await convert(join(dir, 'letter.pdf'), 'html');
    // Draw places each line in its own frame: join the text back before looking for phrases.
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    for (const part of EXPECTED) expect(text).toContain(part.replace(/\s+/g, ''));
  }, 150_000);
});
