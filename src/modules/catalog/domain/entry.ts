import type { FieldIssue } from '../../../platform/errors.ts';
import { pilotField } from '../../../reference/pilot-fields.ts';
import type { DisclosureLevel } from '../../../reference/disclosure-levels.ts';

/**
 * An entry of a unit's standard disclosure catalog (基层政务公开标准目录), with the ten elements every
 * published catalog prints (disclosure-standards §3.1): 公开事项 (一级/二级), 公开内容(要素), 公开依据,
 * 公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级 — plus its field, the 五公开 tags
 * and how long it stays public.
 */

/** 公开渠道和载体: the 14 channels catalogs print as a ■/□ checklist. */
export const CHANNELS = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏(电子屏)',
  '精准推送',
  '12345政务服务热线',
  '其他',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Kinds of legal basis, written 【法律】《…》 in catalogs. */
export const BASIS_KINDS = ['法律', '行政法规', '规章', '规范性文件', '其他'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

/** 五公开: decision-making, execution, management, services, results (plan §三.2). */
export const FIVE_OPEN = ['决策', '执行', '管理', '服务', '结果'] as const;
export type FiveOpen = (typeof FIVE_OPEN)[number];

/** 公开依据: a law, regulation, rule or normative document, with its 文号 and article when known. */
export type LegalBasis = { kind: BasisKind; title: string; docNumber: string | null; article: string | null };

/**
 * 公开时限. Most entries: within N working days of the information being formed or changed (条例
 * Art. 26 sets 20); others are 实时 (real time), 及时 (promptly), or a text of their own.
 */
export type TimeLimit =
  { kind: 'working_days'; days: number } | { kind: 'realtime' } | { kind: 'timely' } | { kind: 'custom'; text: string };

/** The content of a catalog entry: what a unit writes and the district office reviews. */
export type EntryContent = {
  /** A pilot field code ("01"–"26") or a local field the district added ("L01"…). */
  fieldCode: string;
  itemL1: string;
  itemL2: string;
  contentElements: string[];
  legalBasis: LegalBasis[];
  timeLimit: TimeLimit;
  publisher: string;
  channels: Channel[];
  otherChannels: string[];
  audience: { public: boolean; specificGroup: boolean };
  mode: { proactive: boolean; onRequest: boolean };
  levels: DisclosureLevel[];
  fiveOpen: FiveOpen[];
  /** 公开时长, e.g. 长期 / 最新有效 / 任期内. */
  retention: string | null;
};

/**
 * An entry in one version of a catalog. `key` stays the same from version to version, so documents
 * filed under an entry stay filed, and versions can be compared entry by entry.
 */
export type CatalogEntry = EntryContent & {
  id: string;
  key: string;
  position: number;
  /** The district office's comment on this entry when it returned the catalog. */
  reviewComment: string | null;
};

/** An item of the negative list (不予公开事项清单), with the law that keeps it closed (条例 Art. 14–16). */
export type NegativeItem = {
  id: string;
  key: string;
  position: number;
  item: string;
  legalBasis: LegalBasis[];
  note: string | null;
};

/** The element names as the catalog's columns print them, for errors, diffs and the spreadsheet. */
export const ELEMENT_LABELS = {
  fieldCode: '所属领域',
  itemL1: '一级事项',
  itemL2: '二级事项',
  contentElements: '公开内容(要素)',
  legalBasis: '公开依据',
  timeLimit: '公开时限',
  publisher: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  mode: '公开方式',
  levels: '公开层级',
  fiveOpen: '五公开',
  retention: '公开时长',
} as const;
export type Element = keyof typeof ELEMENT_LABELS;

/** Local fields the district added beyond the 26 pilot fields. */
export type LocalField = { code: string; name: string };

/** The name of a field code, pilot or local. */
export function fieldName(code: string, localFields: readonly LocalField[]): string | undefined {
  return pilotField(code)?.name ?? localFields.find((f) => f.code === code)?.name;
}

/** Checks an entry's content; returns every problem, each tied to its element. */
export function validateEntry(entry: EntryContent, localFields: readonly LocalField[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (ok: boolean, field: Element, message: string) => {
    if (!ok) issues.push({ field, message });
  };
  need(
    fieldName(entry.fieldCode, localFields) !== undefined,
    'fieldCode',
    '请选择所属领域（26个试点领域或本区增设的领域）。',
  );
  need(entry.itemL1.trim() !== '', 'itemL1', '请填写一级事项。');
  need(entry.itemL1.length <= 60, 'itemL1', '一级事项不能超过60个字。');
  need(entry.itemL2.length <= 80, 'itemL2', '二级事项不能超过80个字。');
  need(entry.contentElements.length > 0, 'contentElements', '请至少填写一项公开内容（要素）。');
  need(
    entry.contentElements.every((e) => e.length <= 200),
    'contentElements',
    '每项公开内容不能超过200个字。',
  );
  need(
    entry.legalBasis.every((b) => b.title.trim() !== ''),
    'legalBasis',
    '公开依据须写明法律法规或文件名称。',
  );
  if (entry.timeLimit.kind === 'working_days') {
    const days = entry.timeLimit.days;
    need(Number.isInteger(days) && days >= 1 && days <= 365, 'timeLimit', '公开时限的工作日数应为1至365之间的整数。');
  }
  if (entry.timeLimit.kind === 'custom') need(entry.timeLimit.text.trim() !== '', 'timeLimit', '请填写公开时限。');
  need(entry.publisher.trim() !== '', 'publisher', '请填写公开主体。');
  need(entry.channels.length > 0 || entry.otherChannels.length > 0, 'channels', '请至少选择一个公开渠道。');
  need(entry.audience.public || entry.audience.specificGroup, 'audience', '公开对象应为“全社会”或“特定群体”。');
  need(entry.mode.proactive || entry.mode.onRequest, 'mode', '公开方式应为“主动”或“依申请”。');
  need(entry.levels.length > 0, 'levels', '请至少选择一个公开层级。');
  return issues;
}

/** Entry positions leave room per field: field 01 starts at 10 000, 02 at 20 000 …, local fields after 100. */
export function fieldSortBase(fieldCode: string): number {
  const order = /^\d{2}$/.test(fieldCode) ? Number(fieldCode) : 100 + Number(fieldCode.replace(/\D/g, '') || 0);
  return order * 10_000;
}
