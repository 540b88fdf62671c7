import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { DocumentStores } from './edition-context.ts';
import { attachmentTextsOf, publicEntry } from './public-index.ts';

const BATCH = 500;

/**
 * Rebuilds the documents' part of the public search index from the live (published) editions and
 * their attachments' extracted text, in one transaction: readers see the old index until the new
 * one is complete. Attachments never extracted get their extraction job. The index is loaded in bulk
 * (`startBulkLoad` … `finishBulkLoad`): it merges its pieces once, at the end. Nothing the public sees changes, so nothing is
 * written to the audit log. Returns how many documents were indexed.
 */
export async function rebuildPublicIndex(options: {
  uow: UnitOfWork<DocumentStores>;
  onProgress?: (done: number, total: number) => void;
  /** Every entry is written; the index is merging its pieces (a minute or two at a million). */
  onFinishing?: () => void;
}): Promise<number> {
  return options.uow.run(async (stores) => {
    await stores.searchIndex.clear('document');
    await stores.searchIndex.startBulkLoad();
    const scope = { kind: 'public' } as const;
    const orgs = new Map<string, Awaited<ReturnType<typeof stores.orgs.getById>>>();
    let done = 0;
    for (let offset = 0; ; offset += BATCH) {
      const page = await stores.documents.findEditions(scope, { states: ['published'] }, { offset, limit: BATCH });
      const entries = [];
      for (const item of page.items) {
        if (!orgs.has(item.org.id)) orgs.set(item.org.id, await stores.orgs.getById(item.org.id));
        const org = orgs.get(item.org.id);
        if (org) {
          const texts = await attachmentTextsOf(stores, item.edition);
          entries.push(publicEntry(item.document, org, item.edition, texts));
        }
        done++;
      }
      await stores.searchIndex.putMany(entries);
      options.onProgress?.(done, page.total);
      if (page.items.length < BATCH) {
        options.onFinishing?.();
        await stores.searchIndex.finishBulkLoad();
        return done;
      }
    }
  });
}
