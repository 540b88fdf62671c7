import { existsSync, readFileSync } from 'node:fs';
import { parseChannels, parseTimeLimit } from '../modules/catalog/domain/cell-text.ts';
import { BASIS_KINDS, type BasisKind, type EntryContent, type TimeLimit } from '../modules/catalog/domain/entry.ts';
import type { DisclosureLevel } from '../modules/orgs/domain/org.ts';

/**
 * Standard catalog templates per pilot field, written from each field's national standard guide
 * (标准指引) and the published county and township catalogs that follow it. A unit imports one and
 * adapts it. Files: `catalog-templates/NN.json`; six fields hold entries taken from real catalogs
 * (with their sources), the others the guide's first-level items.
 */
type TemplateFile = {
  field: { code: string; name: string };
  sources: string[];
  note?: string;
  entries: {
    itemL1: string;
    itemL2: string;
    contentElements: string[];
    legalBasis: { kind: string; title: string; docNumber?: string; article?: string }[];
    timeLimit: { kind: 'working_days_from_formation'; days: number } | { kind: 'text'; text: string };
    publisher: string;
    channels: string[];
    audience: string[];
    mode: string[];
    levels: string[];
  }[];
};

export type CatalogTemplate = {
  fieldCode: string;
  fieldName: string;
  sources: string[];
  note: string | null;
  entries: EntryContent[];
};

const LEVELS: Record<string, DisclosureLevel> = { 县级: 'county', 乡级: 'township', 村级: 'village' };
const cache = new Map<string, CatalogTemplate | null>();

/** The template for a pilot field, or undefined when the field has none. */
export function catalogTemplate(fieldCode: string): CatalogTemplate | undefined {
  if (!/^\d{2}$/.test(fieldCode)) return undefined;
  if (!cache.has(fieldCode)) {
    const file = new URL(`./catalog-templates/${fieldCode}.json`, import.meta.url);
    cache.set(fieldCode, existsSync(file) ? toTemplate(JSON.parse(readFileSync(file, 'utf8')) as TemplateFile) : null);
  }
  return cache.get(fieldCode) ?? undefined;
}

function toTemplate(file: TemplateFile): CatalogTemplate {
  return {
    fieldCode: file.field.code,
    fieldName: file.field.name,
    sources: file.sources,
    note: file.note ?? null,
    entries: file.entries.map((entry) => {
      const channels = parseChannels(entry.channels.join('、'));
      const timeLimit: TimeLimit =
        entry.timeLimit.kind === 'working_days_from_formation'
          ? { kind: 'working_days', days: entry.timeLimit.days }
          : (() => {
              const parsed = parseTimeLimit(entry.timeLimit.text);
              return parsed.ok ? parsed.value : { kind: 'custom', text: entry.timeLimit.text };
            })();
      return {
        fieldCode: file.field.code,
        itemL1: entry.itemL1,
        itemL2: entry.itemL2,
        contentElements: entry.contentElements,
        legalBasis: entry.legalBasis.map((b) => {
          // Catalogs often write the 文号 in brackets after the title: 《…》(国发〔2012〕45号).
          const inTitle = /^(《.+》)\s*[（(]([^（）()]+)[)）]$/.exec(b.title);
          return {
            kind: (BASIS_KINDS as readonly string[]).includes(b.kind)
              ? (b.kind as BasisKind)
              : b.kind.includes('规范性文件')
                ? '规范性文件'
                : '其他',
            title: inTitle ? inTitle[1]! : b.title,
            docNumber: b.docNumber ?? inTitle?.[2] ?? null,
            article: b.article ?? null,
          };
        }),
        timeLimit,
        publisher: entry.publisher,
        channels: channels.ok ? channels.value.channels : ['政府网站'],
        otherChannels: channels.ok ? channels.value.otherChannels : [],
        audience: { public: entry.audience.includes('全社会'), specificGroup: entry.audience.includes('特定群体') },
        mode: { proactive: entry.mode.includes('主动'), onRequest: entry.mode.includes('依申请') },
        levels: entry.levels.map((l) => LEVELS[l]).filter((l): l is DisclosureLevel => l !== undefined),
        fiveOpen: [],
        retention: null,
      };
    }),
  };
}
