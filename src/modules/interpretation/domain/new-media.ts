import { INTERPRETATION_TEXT } from '../strings.ts';
import type { GraphicBlock } from './graphic.ts';

/**
 * A graphic interpretation as the new-media outputs carry it (plan §三.5: release interpretations
 * through 政务新媒体 as well as the portal): what the portal page shows, gathered for a WeChat or
 * Weibo article and for a long poster, neither of which can link back for its context.
 */
export type NewMediaContent = {
  title: string;
  /** 发布机构. */
  issuer: string;
  /** The publication date once published; until then the date it was written. */
  date: { kind: 'published' | 'written'; on: string } | null;
  blocks: readonly GraphicBlock[];
  /** The policy documents it interprets that are published, in order. */
  policies: readonly { title: string; docNumber: string | null }[];
  /** The interpretation's page on the portal, written out in full. */
  portalUrl: string;
  siteName: string;
};

const T = INTERPRETATION_TEXT.media;

/** 发布机构 and date as one line, an ideographic space between: `发布机构：…  发布日期：2026-03-02`. */
export function byline(content: NewMediaContent): string {
  const parts = [`${T.issuer}：${content.issuer}`];
  if (content.date)
    parts.push(`${content.date.kind === 'published' ? T.publishedOn : T.writtenOn}：${content.date.on}`);
  return parts.join('　');
}

/** A policy document as a citation: 《title》（文号）. */
export function citation(policy: { title: string; docNumber: string | null }): string {
  return `《${policy.title}》${policy.docNumber ? `（${policy.docNumber}）` : ''}`;
}
