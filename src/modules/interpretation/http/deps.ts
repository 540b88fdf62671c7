import type { Clock } from '../../../platform/clock.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { FileSniffer, FileStorage } from '../../documents/index.ts';
import type { ConcernResponseStores } from '../commands/submit-concern-response.ts';
import type { ChartRenderer, SpreadsheetReader, SvgRasteriser } from '../ports.ts';

/** What the interpretation module's pages need, built by the composition root. */
export type InterpretationWebDeps = {
  stores: ConcernResponseStores;
  uow: UnitOfWork<ConcernResponseStores>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  charts: ChartRenderer;
  /** Reads a chart's data uploaded as an .xlsx workbook. */
  workbooks: SpreadsheetReader;
  /** Draws the poster and the article bundle's charts as PNG (new media, plan §三.5). */
  rasteriser: SvgRasteriser;
  /** `publicUrl`: the portal's origin, for an interpretation's address in the new-media outputs. */
  config: { maxUploadBytes: number; publicUrl: string };
  shell: PageShell;
};
