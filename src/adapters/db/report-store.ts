import type { Kysely } from 'kysely';
import type { AnnualReportDraft } from '../../modules/reports/index.ts';
import type { AnnualReportStore } from '../../modules/reports/index.ts';
import type { AnnualReportRow, Database } from './schema.ts';

/** The annual reports' store: one row per unit and year. */
export function createReportStore(db: Kysely<Database>): AnnualReportStore {
  return {
    async get(orgId, year) {
      const row = await db
        .selectFrom('annual_reports')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('year', '=', year)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async save(report) {
      const { id: _id, org_id: _org, year: _year, created_at: _created, ...changes } = toRow(report);
      await db
        .insertInto('annual_reports')
        .values(toRow(report))
        .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet(changes))
        .execute();
    },
    async listForYear(year, orgIds) {
      if (orgIds.length === 0) return [];
      const rows = await db
        .selectFrom('annual_reports')
        .selectAll()
        .where('year', '=', year)
        .where('org_id', 'in', [...orgIds])
        .execute();
      return rows.map(fromRow);
    },
  };
}

function toRow(report: AnnualReportDraft): AnnualReportRow {
  return {
    id: report.id,
    org_id: report.orgId,
    year: report.year,
    licensing: report.figures.licensing,
    penalties: report.figures.penalties,
    enforcement: report.figures.enforcement,
    fees_wan: report.figures.feesWan,
    overview: report.sections.overview,
    problems: report.sections.problems,
    other: report.sections.other,
    document_id: report.documentId,
    submitted_at: report.submittedAt,
    created_at: report.createdAt,
    updated_at: report.updatedAt,
    updated_by: report.updatedBy,
  };
}

function fromRow(row: AnnualReportRow): AnnualReportDraft {
  return {
    id: row.id,
    orgId: row.org_id,
    year: Number(row.year),
    figures: {
      licensing: Number(row.licensing),
      penalties: Number(row.penalties),
      enforcement: Number(row.enforcement),
      feesWan: row.fees_wan,
    },
    sections: { overview: row.overview, problems: row.problems, other: row.other },
    documentId: row.document_id,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
