import { DomainError } from '../../../platform/errors.ts';
import { pilotField, type PilotField } from '../../../reference/pilot-fields.ts';
import { listOrgs, type Org, type OrgStore } from '../../orgs/index.ts';
import type { Genre } from '../domain/metadata.ts';
import type { EditionFilter } from '../ports.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import type { PublicListQuery } from './schemas.ts';

/** The lists of the column that hold one genre: their path, menu key, heading and genre. */
export const GENRE_LISTS = [
  { path: '/xxgk/gkzn', key: 'gkzn', heading: DOCUMENT_TEXT.guideTitle, genre: '公开指南' },
  { path: '/xxgk/gkzd', key: 'gkzd', heading: DOCUMENT_TEXT.rulesTitle, genre: '公开制度' },
  { path: '/xxgk/gknb', key: 'gknb', heading: DOCUMENT_TEXT.annualReportsTitle, genre: '年度报告' },
  // Interpretations of policies: the interpretation module lists them (by unit and kind); their
  // 打包下载 is served here like every list's.
  { path: '/xxgk/zcjd', key: 'zcjd', heading: DOCUMENT_TEXT.interpretationsTitle, genre: '政策解读', listed: false },
] as const satisfies readonly { path: string; key: string; heading: string; genre: Genre; listed?: boolean }[];

/** The 法定主动公开内容 list as its query string asks for it: the filter, the heading, and what was chosen. */
export type ProactiveList = {
  filter: EditionFilter;
  heading: string;
  orgs: Org[];
  selectedOrg: Org | undefined;
  field: PilotField | undefined;
};

/**
 * Reads the 法定主动公开内容 list's query (unit and its subtree, pilot field, topic, text) into a
 * filter, the same for the page and its 打包下载.
 * @throws DomainError `not_found` for a unit or field that does not exist.
 */
export async function proactiveList(stores: { orgs: OrgStore }, query: PublicListQuery): Promise<ProactiveList> {
  const orgs = await listOrgs(stores);
  const selectedOrg = query.org ? orgs.find((o) => o.code === query.org) : undefined;
  if (query.org && !selectedOrg) throw new DomainError('not_found', { message: DOCUMENT_TEXT.publisherNotFound });
  const field = query.field ? pilotField(query.field) : undefined;
  if (query.field && !field) throw new DomainError('not_found', { message: DOCUMENT_TEXT.fieldNotFound });
  return {
    filter: { orgSubtreeOf: selectedOrg?.id, fieldCode: field?.code, topic: query.topic, query: query.q },
    heading: selectedOrg?.name ?? field?.name ?? query.topic ?? DOCUMENT_TEXT.proactiveTitle,
    orgs,
    selectedOrg,
    field,
  };
}
