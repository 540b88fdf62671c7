import { plainTextToHtml } from '../../../platform/html-text.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { isIsoDate } from '../../../platform/clock.ts';
import { pilotField } from '../../../reference/pilot-fields.ts';
import { normalizeDocNumber } from './doc-number.ts';

/**
 * Longest body accepted, in characters of HTML. The longest national law, the Civil Code, is about
 * 110,000 characters; the 830 regulations of the reference corpus are at most 54,000. A body this size
 * is read, written and served without holding the server for long; a longer one is an attachment.
 */
export const MAX_BODY_CHARACTERS = 500_000;

/**
 * The body as HTML: text with tags is HTML (sanitised next); text without any is typed or pasted
 * prose, one paragraph a line. The same rule for the form and the API.
 */
export function bodyAsHtml(body: string): string {
  return /<\/?[a-z][^>]*>/i.test(body) ? body : plainTextToHtml(body);
}

/** The body's length, checked before any work is spent on it. */
export function checkBodyLength(bodyHtml: string): FieldIssue[] {
  return bodyHtml.length > MAX_BODY_CHARACTERS ? [{ field: 'bodyHtml', message: DOCUMENT_TEXT.bodyTooLong }] : [];
}

/** 主题分类: the State Council's subject classification of government information. */
export const TOPICS = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * 体裁 (genre). The column's sub-columns are built from genres: 公开指南 and 公开制度 feed their
 * sub-columns, 年度报告 feeds 公开年报 (条例 Art. 49–50).
 */
export const GENRES = [
  '通知',
  '公告',
  '通告',
  '意见',
  '决定',
  '办法',
  '规定',
  // 规章 (立法法 Art. 93): made by the people's governments of cities with districts and above;
  // table 二 of the annual report counts them (条例 Art. 20 (1)).
  '规章',
  '方案',
  '通报',
  '报告',
  '批复',
  '函',
  '规划',
  '计划总结',
  '统计信息',
  '工作动态',
  // An interpretation of policy documents, built in the interpretation module.
  '政策解读',
  // A response to a public concern (回应关切), built in the interpretation module.
  '回应关切',
  // A service guide (办事指南) and a 一件事 bundle of services, built in the services module.
  '办事指南',
  '一件事',
  '公开指南',
  '公开制度',
  '年度报告',
  '法律法规',
  '其他',
] as const;
export type Genre = (typeof GENRES)[number];

/**
 * Whom a policy concerns (服务对象), set by its editor so that the people it concerns can be told
 * (the plan's §三.4: push policies precisely to enterprises and residents). A fixed list, so a
 * subscriber's choice and an editor's tag are the same words.
 */
export const AUDIENCES = [
  '企业',
  '个体工商户',
  '个人',
  '老年人',
  '残疾人',
  '未成年人',
  '高校毕业生',
  '农民',
  '退役军人',
  '困难群众',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What kind of policy it is, for the subscriptions residents and enterprises ask for most. */
export const POLICY_TAGS = [
  '减税降费',
  '惠企',
  '民生',
  '就业创业',
  '社会保障',
  '教育',
  '医疗健康',
  '住房',
  '乡村振兴',
  '营商环境',
] as const;
export type PolicyTag = (typeof POLICY_TAGS)[number];

/** 有效性: whether a document is in force, expired (失效) or repealed (废止). */
export const VALIDITIES = ['有效', '失效', '废止'] as const;
export type Validity = (typeof VALIDITIES)[number];

/** The metadata and body an editor writes; everything else about an edition is workflow. */
export type EditionContent = {
  title: string;
  /** 文号, normalised; null when the document has none. */
  docNumber: string | null;
  /** 发布机构 as printed on the document. */
  issuer: string;
  /** 成文日期 (YYYY-MM-DD). */
  writtenOn: string | null;
  /** 发布日期 (YYYY-MM-DD); filled with the publication date when left empty. */
  publishedOn: string | null;
  topic: Topic;
  genre: Genre;
  /** 行政规范性文件. */
  isNormative: boolean;
  validity: Validity;
  /** 生效日期 when 有效; the date it ceased to apply when 失效 or 废止. */
  validityOn: string | null;
  /** One of the 26 pilot fields, or null. */
  fieldCode: string | null;
  keywords: string[];
  /** Whom it concerns and what kind of policy it is: what subscriptions are matched against. */
  audiences: Audience[];
  policyTags: PolicyTag[];
  /** Sanitised HTML. */
  bodyHtml: string;
  /** Change note (更新说明) for a major change to published information. */
  changeNote: string | null;
  isMajor: boolean;
  /** The standard-catalog entry (by its key) this information is filed under. */
  catalogEntryKey: string | null;
  /** 信息形成或变更日期: when the information came into being or changed, for the catalog's time limit. */
  formedOn: string | null;
};

/** Raw content as it arrives from a form or the API, before normalisation. */
export type EditionContentInput = {
  title: string;
  docNumber?: string | null | undefined;
  issuer: string;
  writtenOn?: string | null | undefined;
  publishedOn?: string | null | undefined;
  topic: string;
  genre: string;
  isNormative?: boolean | undefined;
  validity?: string | undefined;
  validityOn?: string | null | undefined;
  fieldCode?: string | null | undefined;
  keywords?: string | string[] | undefined;
  audiences?: string | string[] | undefined;
  policyTags?: string | string[] | undefined;
  bodyHtml: string;
  changeNote?: string | null | undefined;
  isMajor?: boolean | undefined;
  catalogEntryKey?: string | null | undefined;
  formedOn?: string | null | undefined;
};

/** Splits keywords typed with any of the separators people use (，、; space) and drops repeats. */
export function parseKeywords(input: string | string[] | undefined): string[] {
  const parts = Array.isArray(input) ? input : (input ?? '').split(/[,，、;；\s]+/);
  return [...new Set(parts.map((k) => k.trim()).filter((k) => k !== ''))];
}

/**
 * Checks and normalises an editor's metadata. Returns the content and every problem found, each
 * tied to the field it concerns; the caller refuses the save when there is any.
 * `sanitizedBody` is the body already passed through the HTML sanitiser.
 */
export function normalizeContent(
  input: EditionContentInput,
  sanitizedBody: string,
  today: string,
): { content: EditionContent; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const title = stripInvisibleControls(input.title).trim().replace(/\s+/g, ' ');
  if (!hasVisibleCharacters(title)) issues.push({ field: 'title', message: DOCUMENT_TEXT.titleRequired });
  else if (title.length > 200) issues.push({ field: 'title', message: DOCUMENT_TEXT.titleTooLong });

  const issuer = input.issuer.trim();
  if (issuer === '') issues.push({ field: 'issuer', message: DOCUMENT_TEXT.issuerRequired });

  let docNumber: string | null = null;
  const rawDocNumber = input.docNumber?.trim() ?? '';
  if (rawDocNumber !== '') {
    const result = normalizeDocNumber(rawDocNumber, Number(today.slice(0, 4)) + 1);
    if (result.ok) docNumber = result.value;
    else
      issues.push({
        field: 'docNumber',
        message: DOCUMENT_TEXT.docNumberShape,
      });
  }

  const writtenOn = optionalDate(input.writtenOn, 'writtenOn', '成文日期', issues);
  if (writtenOn && writtenOn > today) {
    issues.push({ field: 'writtenOn', message: DOCUMENT_TEXT.writtenInFuture });
  }
  const publishedOn = optionalDate(input.publishedOn, 'publishedOn', '发布日期', issues);
  if (writtenOn && publishedOn && publishedOn < writtenOn) {
    issues.push({ field: 'publishedOn', message: DOCUMENT_TEXT.publishedBeforeWritten });
  }

  const formedOn = optionalDate(input.formedOn, 'formedOn', '信息形成或变更日期', issues);
  if (formedOn && formedOn > today) issues.push({ field: 'formedOn', message: DOCUMENT_TEXT.formedInFuture });
  if (input.catalogEntryKey?.trim() && !formedOn) {
    issues.push({ field: 'formedOn', message: DOCUMENT_TEXT.formedOnRequired });
  }

  const topic = TOPICS.find((t) => t === input.topic);
  if (!topic) issues.push({ field: 'topic', message: DOCUMENT_TEXT.topicRequired });
  const genre = GENRES.find((g) => g === input.genre);
  if (!genre) issues.push({ field: 'genre', message: DOCUMENT_TEXT.genreRequired });
  const validity = VALIDITIES.find((v) => v === (input.validity ?? '有效'));
  if (!validity) issues.push({ field: 'validity', message: DOCUMENT_TEXT.validityChoice });
  const validityOn = optionalDate(input.validityOn, 'validityOn', '有效性日期', issues);
  if (validity && validity !== '有效' && !validityOn) {
    issues.push({ field: 'validityOn', message: DOCUMENT_TEXT.validityDateRequired(validity) });
  }

  const fieldCode = input.fieldCode?.trim() || null;
  if (fieldCode !== null && !pilotField(fieldCode)) {
    issues.push({ field: 'fieldCode', message: DOCUMENT_TEXT.fieldChoice });
  }

  const keywords = parseKeywords(input.keywords);
  if (keywords.length > 10) issues.push({ field: 'keywords', message: DOCUMENT_TEXT.tooManyKeywords });
  if (keywords.some((k) => k.length > 20)) {
    issues.push({ field: 'keywords', message: DOCUMENT_TEXT.keywordTooLong });
  }

  const audiences = chosenFrom(AUDIENCES, input.audiences, 'audiences', DOCUMENT_TEXT.audienceChoice, issues);
  const policyTags = chosenFrom(POLICY_TAGS, input.policyTags, 'policyTags', DOCUMENT_TEXT.policyTagChoice, issues);

  // A scanned notice may be an image alone; a body with neither text nor image is empty.
  if (sanitizedBody.replace(/<[^>]*>/g, '').trim() === '' && !/<img\s/i.test(sanitizedBody)) {
    issues.push({ field: 'bodyHtml', message: DOCUMENT_TEXT.bodyRequired });
  }

  const changeNote = input.changeNote?.trim() || null;
  if (changeNote && changeNote.length > 500) {
    issues.push({ field: 'changeNote', message: DOCUMENT_TEXT.changeNoteTooLong });
  }

  return {
    content: {
      title,
      docNumber,
      issuer,
      writtenOn,
      publishedOn,
      topic: topic ?? '其他',
      genre: genre ?? '其他',
      isNormative: input.isNormative ?? false,
      validity: validity ?? '有效',
      validityOn,
      fieldCode,
      keywords,
      audiences,
      policyTags,
      bodyHtml: sanitizedBody,
      changeNote,
      isMajor: input.isMajor ?? true,
      catalogEntryKey: input.catalogEntryKey?.trim() || null,
      formedOn,
    },
    issues,
  };
}

/** Values picked from a fixed list (checkboxes, or a list in the API), in the list's order; others are an issue. */
function chosenFrom<T extends string>(
  list: readonly T[],
  input: string | string[] | undefined,
  field: string,
  message: string,
  issues: FieldIssue[],
): T[] {
  const given = parseKeywords(input);
  if (given.some((value) => !list.includes(value as T))) issues.push({ field, message });
  return list.filter((value) => given.includes(value));
}

function optionalDate(
  value: string | null | undefined,
  field: string,
  label: string,
  issues: FieldIssue[],
): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (!isIsoDate(trimmed)) {
    issues.push({ field, message: DOCUMENT_TEXT.dateShape(label) });
    return null;
  }
  return trimmed;
}

export { isIsoDate };
