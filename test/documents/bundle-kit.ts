import { makePdf } from '../../src/demo/files.ts';
import { addAttachment } from '../../src/modules/documents/commands/add-attachment.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import type { EditionContentInput } from '../../src/modules/documents/domain/metadata.ts';
import type { TestApp } from '../app.ts';
import { sampleContent, type Fixture } from '../fixtures.ts';

/** A PDF of about `bytes` bytes: a real PDF header (the upload check sniffs it), padded with spaces. */
export function pdfOfSize(text: string, bytes: number): Buffer {
  const pdf = makePdf(text);
  return Buffer.concat([pdf, Buffer.alloc(Math.max(0, bytes - pdf.length), 0x20)]);
}

/** Publishes a document of `org` (its `<org>.editor` and `<org>.reviewer`) with these files attached to it. */
export async function publishedWithFiles(
  app: TestApp,
  fixture: Fixture,
  options: { org: string; content: Partial<EditionContentInput>; files: { name: string; bytes: Buffer }[] },
): Promise<string> {
  const deps = { uow: app.uow, clock: app.clock, sanitiser: app.sanitiser };
  const editor = fixture.staff(`${options.org}.editor`);
  const { edition } = await createDraft({
    ...deps,
    actor: editor,
    orgId: fixture.orgs.get(options.org)!.id,
    input: sampleContent(options.content),
  });
  for (const file of options.files) {
    await addAttachment({
      ...deps,
      actor: editor,
      files: app.files,
      sniff: app.sniff,
      maxBytes: app.config.maxUploadBytes,
      editionId: edition.id,
      fileName: file.name,
      content: { bytes: file.bytes },
    });
  }
  await submitEdition({ ...deps, actor: editor, editionId: edition.id });
  await publishEdition({ ...deps, actor: fixture.staff(`${options.org}.reviewer`), editionId: edition.id });
  return edition.documentId;
}
