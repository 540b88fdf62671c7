import type { Clock } from '../../../platform/clock.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { OrgStore } from '../../orgs/index.ts';
import type { DocumentStores } from '../commands/edition-context.ts';
import type {
  CatalogFiling,
  DocumentPageAdditions,
  DocumentStore,
  FileSniffer,
  FileStorage,
  StaffNames,
} from '../ports.ts';

/** What the column, the back office's document pages and the documents API need, built by the composition root. */
export type DocumentsWebDeps = {
  stores: { documents: DocumentStore; orgs: OrgStore; users: StaffNames };
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  /** Where documents are filed in the standard catalog (the catalog module answers). */
  filing: CatalogFiling;
  /** What other modules add to a document's public page (the interpretation module answers). */
  pageAdditions: DocumentPageAdditions;
  config: { maxUploadBytes: number; publicUrl: string };
  shell: PageShell;
};
