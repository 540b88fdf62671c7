import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { DocumentStores } from './edition-context.ts';
import { attachmentTextsOf, publicEntry } from './public-index.ts';

const BATCH = 500;

/**
 * Rebuilds the documents' part of the public search index from the live (published) editions and
 * their attachments' extracted text, in place: readers find every live document throughout, in its
 * old entry or its new one, and publishing goes on meanwhile.
 *
 * The live editions are walked in order of document id, a batch per transaction. Each batch writes
 * its documents' entries and removes those the index holds in the same range of ids that are no
 * longer live, reading both in its own transaction, so a publication or withdrawal between batches is
 * never undone. The index defers merging its pieces while the batches run (`startBulkLoad`), then
 * merges them in bounded steps, each its own transaction. Attachments never extracted get their
 * extraction job. Nothing the public sees changes, so nothing is written to the audit log. Returns
 * how many documents were indexed.
 */
export async function rebuildPublicIndex(options: {
  uow: UnitOfWork<DocumentStores>;
  /** After each batch's transaction; the next batch waits for a promise it returns. */
  onProgress?: (done: number, total: number) => unknown;
  /** Every entry is written; the index is merging its pieces (a few minutes at a million). */
  onFinishing?: () => void;
  /** Documents per transaction; the default suits a million. */
  batch?: number;
}): Promise<number> {
  const { uow } = options;
  const batch = options.batch ?? BATCH;
  const total = await uow.run(async (stores) => {
    await stores.searchIndex.startBulkLoad();
    return (await stores.documents.countByState({ kind: 'public' }))['published'] ?? 0;
  });
  let done = 0;
  for (let after = ''; ;) {
    const step = await uow.run(async (stores) => {
      const items = await stores.documents.liveEditionsAfter(after, batch);
      const upTo = items.length < batch ? null : items[items.length - 1]!.document.id;
      const entries = [];
      for (const item of items) {
        const texts = await attachmentTextsOf(stores, item.edition);
        entries.push(publicEntry(item.document, item.org, item.edition, texts));
      }
      await stores.searchIndex.putMany(entries);
      const live = new Set(items.map((item) => item.document.id));
      for (const id of await stores.searchIndex.indexedDocumentIds(after, upTo)) {
        if (!live.has(id)) await stores.searchIndex.remove(id);
      }
      return { count: items.length, upTo };
    });
    done += step.count;
    await options.onProgress?.(done, Math.max(done, total));
    if (step.upTo === null) break;
    after = step.upTo;
  }
  options.onFinishing?.();
  await uow.run((stores) => stores.searchIndex.finishBulkLoad());
  while (await uow.run((stores) => stores.searchIndex.compactStep())) {
    // Each step is short; publications waiting for the database go in between.
  }
  return done;
}
