import type { Clock } from '../../../platform/clock.ts';
import { assertNoFieldIssues } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { reportEntry } from '../audit-actions.ts';
import {
  parseFigures,
  parseSections,
  type AnnualReportDraft,
  type ReportFigures,
  type ReportSections,
} from '../domain/report.ts';
import type { AnnualReportStore } from '../ports.ts';
import { reportUnit } from '../queries/report-unit.ts';

/** The stores saving a report works with. */
export type SaveReportStores = { orgs: OrgStore; reports: AnnualReportStore; audit: AuditLog };

/**
 * Saves a unit's figures for table 二 (条例 Art. 20 (5), (6), (8)) and its sections 一, 五 and 六
 * for a year, as a draft; nothing is published. Everything is checked before anything is stored.
 * @throws DomainError `validation_failed` listing every wrong field, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function saveReport(options: {
  uow: UnitOfWork<SaveReportStores>;
  clock: Clock;
  actor: Actor;
  orgCode: string;
  year: number;
  figures: Partial<Record<keyof ReportFigures, string>>;
  sections: Partial<Record<keyof ReportSections, string>>;
}): Promise<AnnualReportDraft> {
  const figures = parseFigures(options.figures);
  const sections = parseSections(options.sections);
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const org = await reportUnit({ orgs: stores.orgs, actor: options.actor, orgCode: options.orgCode });
    assertNoFieldIssues([...figures.issues, ...sections.issues]);
    const before = await stores.reports.get(org.id, options.year);
    const after: AnnualReportDraft = {
      id: before?.id ?? newId(),
      orgId: org.id,
      year: options.year,
      figures: figures.figures,
      sections: sections.sections,
      documentId: before?.documentId ?? null,
      submittedAt: before?.submittedAt ?? null,
      createdAt: before?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      updatedBy: auditActor(options.actor).id ?? 'system',
    };
    await stores.reports.save(after);
    await stores.audit.append(
      reportEntry(auditActor(options.actor), now, {
        action: 'report.saved',
        entityType: 'annual_report',
        entityId: after.id,
        orgId: org.id,
        before: before ?? undefined,
        after,
      }),
    );
    return after;
  });
}
