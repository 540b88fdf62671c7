import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import type { JobPayload } from '../../../platform/jobs.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { DocumentStores } from '../commands/edition-context.ts';
import { ATTACHMENT_TEXT_JOB, indexLiveEdition } from '../commands/public-index.ts';
import type { AttachmentTextExtractor, AttachmentTextRecord, AttachmentTextStore, FileStorage } from '../ports.ts';

export { ATTACHMENT_TEXT_JOB };

/** What the job is sent: the file, its type, and the document to index again. */
const ExtractionPayload = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string().max(200),
  documentId: z.string().min(1).max(100),
});

/** The largest file whose text is read (larger ones are indexed without it). */
export const MAX_EXTRACTED_FILE_BYTES = 30 * 1024 * 1024;

/**
 * Extracts an attachment's text once per file content, then indexes the document again if it is
 * live, so a search finds it by a passage of the attachment (条例 Art. 23). A file that cannot be
 * read — corrupt, encrypted, too large, too slow — is kept as `failed` with the reason and logged;
 * it never fails publication and is not retried. Returns what was recorded.
 */
export async function extractAttachmentText(
  deps: {
    stores: { attachmentTexts: AttachmentTextStore };
    uow: UnitOfWork<DocumentStores>;
    files: FileStorage;
    extractor: AttachmentTextExtractor;
    clock: Clock;
    onUnreadable?: (detail: { sha256: string; reason: string }) => void;
  },
  payload: JobPayload,
): Promise<'extracted' | 'failed' | 'known'> {
  const { sha256, mediaType, documentId } = ExtractionPayload.parse(payload);
  const known = (await deps.stores.attachmentTexts.textsOf([sha256])).get(sha256);
  let record: AttachmentTextRecord | undefined = known;
  if (!record) {
    const outcome = await readText(deps, sha256, mediaType);
    if (outcome.status === 'failed') deps.onUnreadable?.({ sha256, reason: outcome.detail ?? '' });
    record = { sha256, ...outcome, extractedAt: deps.clock.now().toISOString() };
  }
  // One transaction, and the text row written even when it was known: writing it bumps the public
  // content version, so cached search pages are dropped exactly when the new index entry is there.
  await deps.uow.run(async (stores) => {
    await stores.attachmentTexts.save(record);
    const live = (await stores.documents.editionsOf(documentId)).find((edition) => edition.state === 'published');
    const document = live && (await stores.documents.getDocument(documentId));
    const org = document && (await stores.orgs.getById(document.orgId));
    if (live && org) await indexLiveEdition(stores, org, live);
  });
  return known ? 'known' : record.status;
}

async function readText(
  deps: { files: FileStorage; extractor: AttachmentTextExtractor },
  sha256: string,
  mediaType: string,
): Promise<{ status: 'extracted' | 'failed'; text: string; detail: string | null }> {
  const bytes = await deps.files.read(sha256);
  if (!bytes) return { status: 'failed', text: '', detail: 'file missing from storage' };
  if (bytes.length > MAX_EXTRACTED_FILE_BYTES) {
    return { status: 'failed', text: '', detail: `file of ${bytes.length} bytes is over the limit` };
  }
  try {
    return { status: 'extracted', text: await deps.extractor.extract({ bytes, mediaType }), detail: null };
  } catch (error) {
    return { status: 'failed', text: '', detail: String(error).slice(0, 500) };
  }
}
