import {
  DISCLOSURE_LEVEL_LABELS,
  DISCLOSURE_LEVELS,
  type DisclosureLevel,
} from '../../../reference/disclosure-levels.ts';
import {
  BASIS_KINDS,
  CHANNELS,
  FIVE_OPEN,
  type BasisKind,
  type Channel,
  type EntryContent,
  type FiveOpen,
  type LegalBasis,
  type TimeLimit,
} from './entry.ts';

/**
 * Each element of a catalog entry as local catalogs print it in their tables, and back: the text
 * form is what the public page shows and what the spreadsheet holds, so an exported catalog
 * imports to the same entries.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Splits a cell into items: one per line, or separated by ；/; (the numbering "1." is dropped). */
export function splitItems(text: string): string[] {
  return text
    .split(/\r?\n|[；;]/)
    .map((item) => item.replace(/^\s*(\d+[.、．]|[（(]\d+[)）])\s*/, '').trim())
    .filter((item) => item !== '');
}

/** 公开内容(要素): one element per line. */
export function formatElements(elements: string[]): string {
  return elements.join('\n');
}

/** 公开依据, one per line: 【法律】《中华人民共和国政府信息公开条例》（国务院令第711号）第二十条 */
export function formatLegalBasis(basis: LegalBasis[]): string {
  return basis
    .map((b) => `【${b.kind}】${b.title}${b.docNumber ? `（${b.docNumber}）` : ''}${b.article ?? ''}`)
    .join('\n');
}

export function parseLegalBasis(text: string): Parsed<LegalBasis[]> {
  const out: LegalBasis[] = [];
  for (const line of splitItems(text)) {
    const match = /^(?:【([^】]+)】)?\s*(《[^》]+》|[^（(第【]+)\s*(?:[（(]([^）)]+)[）)])?\s*(第.+)?$/.exec(line);
    if (!match || match[2]!.trim() === '')
      return fail(`无法识别的公开依据：“${line}”，应写作“【法律】《法律名称》第X条”。`);
    const kind = (match[1] ?? '其他').trim();
    if (!(BASIS_KINDS as readonly string[]).includes(kind)) {
      return fail(`公开依据的类别“${kind}”不正确，应为：${BASIS_KINDS.join('、')}。`);
    }
    out.push({
      kind: kind as BasisKind,
      title: match[2]!.trim(),
      docNumber: match[3]?.trim() ?? null,
      article: match[4]?.trim() ?? null,
    });
  }
  return ok(out);
}

/** 公开时限 as catalogs write it. */
export function formatTimeLimit(limit: TimeLimit): string {
  switch (limit.kind) {
    case 'working_days':
      return `信息形成或者变更之日起${limit.days}个工作日内`;
    case 'realtime':
      return '实时公开';
    case 'timely':
      return '及时公开';
    case 'custom':
      return limit.text;
    default: {
      const unreachable: never = limit;
      return unreachable;
    }
  }
}

/**
 * Reads 公开时限. "…20个工作日内" (with nothing else attached) is a working-day limit the product
 * counts; 实时/及时 are recognised; anything else is kept as text and not counted.
 */
export function parseTimeLimit(text: string): Parsed<TimeLimit> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('请填写公开时限。');
  // Also the regulation's own wording (条例 Art. 26): 自该政府信息形成或者变更之日起20个工作日内.
  const days = /^(?:自?(?:该政府)?信息形成(?:(?:或者?)?变更)?之日起)?(\d+)个工作日(?:内)?(?:公开|予以公开)?$/.exec(
    trimmed,
  );
  if (days) return ok({ kind: 'working_days', days: Number(days[1]) });
  if (/^实时(公开)?$/.test(trimmed)) return ok({ kind: 'realtime' });
  if (/^及时(公开)?$/.test(trimmed)) return ok({ kind: 'timely' });
  return ok({ kind: 'custom', text: trimmed });
}

/** 公开渠道和载体: the ticked channels, then any others in brackets after 其他. */
export function formatChannels(channels: Channel[], others: string[]): string {
  const listed = CHANNELS.filter((c) => channels.includes(c) && c !== '其他');
  const other =
    channels.includes('其他') || others.length > 0
      ? [`其他${others.length > 0 ? `（${others.join('、')}）` : ''}`]
      : [];
  return [...listed, ...other].join('、');
}

/**
 * Reads channels written as a list ("政府网站、两微一端、其他（公共资源交易平台）") or as the printed
 * checklist ("■政府网站 □政府公报 ■两微一端"): ticked boxes count, empty ones do not. Names that are
 * not among the 14 channels are kept as other channels.
 */
export function parseChannels(text: string): Parsed<{ channels: Channel[]; otherChannels: string[] }> {
  const channels = new Set<Channel>();
  const others: string[] = [];
  const isChecklist = /[■□☑☐√]/.test(text);
  const tokens = isChecklist
    ? [...text.matchAll(/([■☑√□☐])\s*([^■□☑☐√\n]+)/g)].filter((m) => !'□☐'.includes(m[1]!)).map((m) => m[2]!.trim())
    : text.split(/[、，,\n；;]+(?![^（(]*[）)])/).map((t) => t.trim());
  for (const token of tokens.filter((t) => t !== '')) {
    const bracket = /^其他\s*[（(](.+)[）)]$/.exec(token);
    if (bracket) {
      channels.add('其他');
      others.push(
        ...bracket[1]!
          .split(/[、，,]/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      );
      continue;
    }
    const known = CHANNELS.find((c) => normaliseChannel(c) === normaliseChannel(token));
    if (known) channels.add(known);
    else {
      channels.add('其他');
      others.push(token);
    }
  }
  if (channels.size === 0) return fail('请至少填写一个公开渠道。');
  return ok({ channels: CHANNELS.filter((c) => channels.has(c)), otherChannels: [...new Set(others)] });
}

function normaliseChannel(name: string): string {
  return name.replace(/[（）()\s]/g, '').replace('／', '/');
}

/** 公开对象: 全社会 and/or 特定群体. */
export function formatAudience(audience: EntryContent['audience']): string {
  return [audience.public ? '全社会' : '', audience.specificGroup ? '特定群体' : ''].filter(Boolean).join('、');
}

export function parseAudience(text: string): Parsed<EntryContent['audience']> {
  const parts = tokens(text);
  const bad = parts.filter((p) => p !== '全社会' && !/^特定群体/.test(p));
  if (parts.length === 0 || bad.length > 0)
    return fail('公开对象只能填写“全社会”或“特定群体”（可同时填写，用顿号分隔）。');
  return ok({ public: parts.includes('全社会'), specificGroup: parts.some((p) => p.startsWith('特定群体')) });
}

/** 公开方式: 主动 and/or 依申请. */
export function formatMode(mode: EntryContent['mode']): string {
  return [mode.proactive ? '主动' : '', mode.onRequest ? '依申请' : ''].filter(Boolean).join('、');
}

export function parseMode(text: string): Parsed<EntryContent['mode']> {
  const parts = tokens(text).map((p) => p.replace(/公开$/, ''));
  const bad = parts.filter((p) => p !== '主动' && p !== '依申请');
  if (parts.length === 0 || bad.length > 0) return fail('公开方式只能填写“主动”或“依申请”（可同时填写，用顿号分隔）。');
  return ok({ proactive: parts.includes('主动'), onRequest: parts.includes('依申请') });
}

/** 公开层级: 县级 / 乡级 / 村级. */
export function formatLevels(levels: DisclosureLevel[]): string {
  return DISCLOSURE_LEVELS.filter((l) => levels.includes(l))
    .map((l) => DISCLOSURE_LEVEL_LABELS[l])
    .join('、');
}

export function parseLevels(text: string): Parsed<DisclosureLevel[]> {
  const labels = Object.entries(DISCLOSURE_LEVEL_LABELS) as [DisclosureLevel, string][];
  const parts = tokens(text).map((p) =>
    p
      .replace(/^县$/, '县级')
      .replace(/^乡$|^镇级$|^乡镇级?$/, '乡级')
      .replace(/^村$/, '村级'),
  );
  const bad = parts.filter((p) => !labels.some(([, label]) => label === p));
  if (parts.length === 0 || bad.length > 0) return fail('公开层级只能填写“县级”“乡级”或“村级”（可同时填写）。');
  return ok(labels.filter(([, label]) => parts.includes(label)).map(([level]) => level));
}

/** 五公开 tags, optional. */
export function formatFiveOpen(tags: FiveOpen[]): string {
  return FIVE_OPEN.filter((t) => tags.includes(t)).join('、');
}

export function parseFiveOpen(text: string): Parsed<FiveOpen[]> {
  const parts = tokens(text).map((p) => p.replace(/公开$/, ''));
  const bad = parts.filter((p) => !(FIVE_OPEN as readonly string[]).includes(p));
  if (bad.length > 0) return fail(`五公开只能填写：${FIVE_OPEN.join('、')}。`);
  return ok(FIVE_OPEN.filter((t) => parts.includes(t)));
}

function tokens(text: string): string[] {
  return text
    .split(/[、，,\s/；;]+/)
    .map((t) => t.replace(/[■☑√]/g, '').trim())
    .filter((t) => t !== '' && !/^[□☐]/.test(t));
}
