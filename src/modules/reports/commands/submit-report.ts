import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import {
  submitGeneratedEdition,
  type DocumentStores,
  type Edition,
  type FileSniffer,
  type FileStorage,
} from '../../documents/index.ts';
import type { RequestStore } from '../../requests/index.ts';
import { reportEntry } from '../audit-actions.ts';
import { requirePublishable } from '../domain/assembly.ts';
import { reportPermission } from '../domain/report.ts';
import { reportBodyHtml } from '../domain/report-html.ts';
import type { AnnualReportStore, ReportFileRenderer } from '../ports.ts';
import { assembleAnnualReport } from '../queries/assemble-report.ts';
import { reportUnit } from '../queries/report-unit.ts';

/** The stores submitting a report works with: its own and the documents module's. */
export type SubmitReportStores = DocumentStores & { reports: AnnualReportStore; requests: RequestStore };

/**
 * Submits a unit's report for a year for publication (条例 Art. 50: published in the 政府信息公开
 * column by the deadline of Art. 49). The report is assembled from the current data and must pass
 * the format's checks — table 三's 勾稽关系 above all — with its three written sections filled in;
 * then it goes, as a document of genre 年度报告 in the unit's 公开年报, with its Word and Excel
 * copies attached, to the unit's reviewers, who publish it (the second pair of eyes: whoever submits
 * may not approve). The report's first submission creates the document; later ones are its next
 * editions, which supersede the published one once approved.
 * @throws DomainError `validation_failed` (the failing equation, a missing section, an unfinished
 *   year, a missing change note), `invalid_transition` (an edition is in review), `not_found`,
 *   `forbidden`, `out_of_scope`.
 */
export async function submitReport(options: {
  uow: UnitOfWork<SubmitReportStores>;
  stores: SubmitReportStores;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  maxUploadBytes: number;
  renderer: ReportFileRenderer;
  actor: Actor;
  orgCode: string;
  year: number;
  /** 更新说明, required when an earlier edition was published. */
  changeNote?: string | undefined;
}): Promise<Edition> {
  const now = options.clock.now();
  const org = await reportUnit({ orgs: options.stores.orgs, actor: options.actor, orgCode: options.orgCode });
  const draft = await options.stores.reports.get(org.id, options.year);
  const report = await assembleAnnualReport({
    stores: options.stores,
    actor: options.actor,
    org,
    year: options.year,
    draft,
  });
  requirePublishable(report, chinaDate(now));
  // A later edition needs its change note (更新说明); the documents' workflow asks for it.
  const changeNote = options.changeNote?.trim().slice(0, 500) ?? '';
  // Written off the request thread, before the transaction.
  const [docx, xlsx] = await Promise.all([options.renderer.docx(report), options.renderer.xlsx(report)]);
  const { edition } = await submitGeneratedEdition({
    uow: options.uow,
    clock: options.clock,
    sanitiser: options.sanitiser,
    files: options.files,
    sniff: options.sniff,
    maxBytes: options.maxUploadBytes,
    actor: options.actor,
    permission: reportPermission(org),
    orgId: org.id,
    documentId: draft?.documentId ?? null,
    input: {
      title: report.title,
      issuer: org.name,
      writtenOn: chinaDate(now),
      topic: '综合政务',
      genre: '年度报告',
      bodyHtml: reportBodyHtml(report),
      keywords: ['年度报告', '政府信息公开'],
      changeNote: changeNote || null,
      isMajor: true,
    },
    attachments: [
      { fileName: `${report.title}.docx`, bytes: docx },
      { fileName: `${report.title}.xlsx`, bytes: xlsx },
    ],
    alongside: async (stores, result) => {
      // Saved with the edition: a report not yet saved is saved as it was submitted.
      const before = await stores.reports.get(org.id, options.year);
      const after = {
        id: before?.id ?? newId(),
        orgId: org.id,
        year: options.year,
        figures: report.table2.figures,
        sections: report.sections,
        documentId: result.document.id,
        submittedAt: now.toISOString(),
        createdAt: before?.createdAt ?? now.toISOString(),
        updatedAt: before?.updatedAt ?? now.toISOString(),
        updatedBy: before?.updatedBy ?? auditActor(options.actor).id ?? 'system',
      };
      await stores.reports.save(after);
      await stores.audit.append(
        reportEntry(auditActor(options.actor), now, {
          action: 'report.submitted',
          entityType: 'annual_report',
          entityId: after.id,
          orgId: org.id,
          before: before ?? undefined,
          after: { ...after, editionId: result.edition.id, table3: report.table3.cells, table4: report.table4 },
        }),
      );
    },
  });
  return edition;
}
