import type { Clock } from '../../../platform/clock.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { CatalogFiling, FileSniffer, FileStorage } from '../../documents/index.ts';
import type { ServiceStores } from '../commands/submit-service-guide.ts';

/** What the services module's pages and API need, built by the composition root. */
export type ServiceWebDeps = {
  stores: ServiceStores;
  uow: UnitOfWork<ServiceStores>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  /** The standard-catalog entries a guide may be filed under. */
  filing: CatalogFiling;
  /** `publicUrl`: the portal's origin, for the addresses the open API gives. */
  config: { maxUploadBytes: number; publicUrl: string };
  shell: PageShell;
};
