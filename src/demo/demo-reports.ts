import type { Stores } from '../adapters/db/stores.ts';
import type { StaffActor } from '../modules/access/index.ts';
import { publishEdition, type FileSniffer, type FileStorage } from '../modules/documents/index.ts';
import { getReport, saveReport, submitReport, type ReportFileRenderer } from '../modules/reports/index.ts';
import { FixedClock } from '../platform/clock.ts';
import type { RichTextSanitiser } from '../platform/sanitize.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';

/** Who writes, who publishes, when (条例 Art. 49: departments by 31 January, the government by 31 March), and the entered figures. */
const DEMO_REPORTS = [
  {
    unitCode: 'sfq',
    author: 'district.admin',
    reviewer: 'district.reviewer',
    publishOn: '03-27',
    figures: { licensing: '1842', penalties: '367', enforcement: '21', feesWan: '35.6' },
  },
  {
    unitCode: 'sfq-jyj',
    author: 'jyj.foi',
    reviewer: 'jyj.reviewer',
    publishOn: '01-23',
    figures: { licensing: '126', penalties: '3', enforcement: '0', feesWan: '0' },
  },
  {
    unitCode: 'sfq-mzj',
    author: 'mzj.admin',
    reviewer: 'mzj.reviewer',
    publishOn: '01-26',
    figures: { licensing: '58', penalties: '0', enforcement: '0', feesWan: '0' },
  },
] as const;

/**
 * The demo's annual reports for last year (示范区, marked as demonstration data): the district-wide
 * report and two departments', compiled through the product's own use cases from last year's
 * requests and documents, submitted by the unit's officer and published by its reviewer.
 * Returns how many were published.
 */
export async function seedDemoReports(deps: {
  stores: Stores;
  uow: UnitOfWork<Stores>;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  maxUploadBytes: number;
  reportFiles: ReportFileRenderer;
  actors: Map<string, StaffActor>;
  year: number;
}): Promise<number> {
  const clock = new FixedClock(`${deps.year + 1}-01-05T02:00:00Z`);
  let published = 0;
  for (const spec of DEMO_REPORTS) {
    const author = deps.actors.get(spec.author);
    const reviewer = deps.actors.get(spec.reviewer);
    if (!author || !reviewer) continue;
    clock.set(`${deps.year + 1}-${spec.publishOn}T01:00:00Z`);
    const { org, report } = await getReport({
      stores: deps.stores,
      actor: author,
      orgCode: spec.unitCode,
      year: deps.year,
    });
    const received = report.table3.cells['1']!.total;
    const carried = report.table3.cells['2']!.total;
    const disclosed = report.table3.cells['3.1']!.total + report.table3.cells['3.2']!.total;
    const scope = report.isDistrictWide ? '全区各行政机关' : org.name;
    await saveReport({
      uow: deps.uow,
      clock,
      actor: author,
      orgCode: spec.unitCode,
      year: deps.year,
      figures: spec.figures,
      sections: {
        overview: [
          `${deps.year}年，${scope}坚持以公开为常态、不公开为例外，在门户网站“政府信息公开”专栏统一公开政府信息，按照标准目录做好主动公开，依法办理政府信息公开申请。（示范区演示数据）`,
          `全年新收政府信息公开申请${received}件，上年结转${carried}件，予以公开和部分公开${disclosed}件，均在法定期限内答复。`,
          '政府信息公开平台建设方面，统一使用政务公开平台发布信息、办理申请和编制年度报告，数据由平台自动统计。',
        ].join('\n'),
        problems: [
          '一是部分基层单位标准目录更新不够及时；二是政策解读形式较为单一。（示范区演示数据）',
          '下一步，将加强日常监测和业务培训，丰富图表、问答等解读形式。',
        ].join('\n'),
        other: `${deps.year}年未收取信息处理费。本年度无其他需要报告的事项。（示范区演示数据）`,
      },
    });
    const edition = await submitReport({
      uow: deps.uow,
      stores: deps.stores,
      clock,
      sanitiser: deps.sanitiser,
      files: deps.files,
      sniff: deps.sniff,
      maxUploadBytes: deps.maxUploadBytes,
      renderer: deps.reportFiles,
      actor: author,
      orgCode: spec.unitCode,
      year: deps.year,
    });
    clock.set(`${deps.year + 1}-${spec.publishOn}T06:00:00Z`);
    await publishEdition({ uow: deps.uow, clock, actor: reviewer, editionId: edition.id });
    published++;
  }
  return published;
}
