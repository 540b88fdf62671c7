import type { Clock } from '../../../platform/clock.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { FileSniffer, FileStorage } from '../../documents/index.ts';
import type { SubmitReportStores } from '../commands/submit-report.ts';
import type { ReportFileRenderer } from '../ports.ts';

/** What the annual report's pages need, built by the composition root. */
export type ReportWebDeps = {
  stores: SubmitReportStores;
  uow: UnitOfWork<SubmitReportStores>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  config: { maxUploadBytes: number };
  reportFiles: ReportFileRenderer;
  shell: PageShell;
};
