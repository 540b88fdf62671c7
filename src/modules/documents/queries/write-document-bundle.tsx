import type { Renderable } from '../../../platform/http/render.ts';
import type { ZipStreamWriter } from '../../../platform/zip.ts';
import {
  byteBudget,
  bundleNote,
  documentFolder,
  entryName,
  uniqueName,
  type BundleBounds,
  type LeftOut,
} from '../domain/bundle.ts';
import type { DocumentStore, EditionListItem, FileStorage } from '../ports.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { PrintableDocument, type PrintableAttachment } from '../views/printable-document.tsx';

/** What an archive ended up holding. */
export type BundleSummary = { included: number; leftOut: LeftOut[]; bytes: number };

/** A ZIP can hold no date before 1980. */
const EARLIEST_ZIP_DATE = new Date('1980-01-02T00:00:00Z');

/**
 * Writes a list's documents into a streamed ZIP, in the list's order: per document a folder with
 * its printable page (正文.html) and its attachments (附件/, stored as they are: PDFs, Office files
 * and images are compressed already), then 说明.txt when anything was left out — documents past
 * `maxDocuments` of the list, pages or attachments that would take the archive past `maxBytes`
 * (counted before compression), files storage cannot read. Attachments are read from disk chunk by
 * chunk as the client takes the bytes, so memory does not grow with the archive.
 * @throws Error when the client goes away (the ZIP's stream is destroyed).
 */
export async function writeDocumentBundle(options: {
  documents: DocumentStore;
  files: FileStorage;
  zip: ZipStreamWriter;
  /** The list's first `bounds.maxDocuments` items, in its order. */
  items: readonly EditionListItem[];
  /** How many the whole list holds. */
  total: number;
  listTitle: string;
  bounds: BundleBounds;
  documentUrl: (documentId: string) => string;
  now: Date;
}): Promise<BundleSummary> {
  const text = DOCUMENT_TEXT.bundle;
  const budget = byteBudget(options.bounds.maxBytes);
  const leftOut: LeftOut[] = [];
  let included = 0;
  for (const [i, item] of options.items.slice(0, options.bounds.maxDocuments).entries()) {
    const title = item.edition.content.title;
    const folder = documentFolder(i + 1, title);
    const attachments = await options.documents.attachmentsOf(item.edition.id);
    const taken = new Set<string>();
    const named = attachments.map((a) => ({ record: a, name: uniqueName(taken, entryName(a.fileName, 80)) }));
    const page = (linked: (name: string) => boolean) =>
      renderPage(item, options.documentUrl(item.document.id), [
        ...named.map(({ record, name }) => ({
          fileName: record.fileName,
          sizeBytes: record.sizeBytes,
          href: linked(name) ? `${text.attachmentsFolder}/${encodeURIComponent(name)}` : undefined,
        })),
      ]);
    // The page with every attachment linked is the largest it can be: what it takes covers the final page.
    if (!budget.take(Buffer.byteLength(await page(() => true)))) {
      leftOut.push({ kind: 'document', title });
      continue;
    }
    const files: { name: string; source: AsyncIterable<Uint8Array> }[] = [];
    for (const { record, name } of named) {
      if (!budget.take(record.sizeBytes)) {
        leftOut.push({ kind: 'attachment', title, fileName: record.fileName });
        continue;
      }
      const source = await options.files.stream(record.sha256);
      if (source) files.push({ name, source });
      else leftOut.push({ kind: 'missing_file', title, fileName: record.fileName });
    }
    const linkedNames = new Set(files.map((f) => f.name));
    const mtime = zipDate(item.edition.publishedAt, options.now);
    await options.zip.add(`${folder}/${text.pageFile}`, await page((name) => linkedNames.has(name)), { mtime });
    for (const file of files) {
      await options.zip.add(`${folder}/${text.attachmentsFolder}/${file.name}`, file.source, { mtime, stored: true });
    }
    included++;
  }
  const note = bundleNote({
    listTitle: options.listTitle,
    total: options.total,
    included,
    bounds: options.bounds,
    leftOut,
  });
  if (note) await options.zip.add(text.noteFile, note, { mtime: zipDate(null, options.now) });
  await options.zip.end();
  return { included, leftOut, bytes: budget.used };
}

async function renderPage(item: EditionListItem, sourceUrl: string, attachments: PrintableAttachment[]) {
  const page: Renderable = (
    <PrintableDocument
      document={item.document}
      edition={item.edition}
      orgName={item.org.name}
      attachments={attachments}
      sourceUrl={sourceUrl}
    />
  );
  return `<!doctype html>${await page.toString()}`;
}

function zipDate(instant: string | null, now: Date): Date {
  const date = instant ? new Date(instant) : now;
  return date < EARLIEST_ZIP_DATE ? EARLIEST_ZIP_DATE : date;
}
