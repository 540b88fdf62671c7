import type { FieldIssue } from '../../../platform/errors.ts';
import { ORG_TEXT } from '../strings.ts';
import type { DisclosureLevel } from '../../../reference/disclosure-levels.ts';

/** The kinds of unit in one district's tree. */
export const ORG_TYPES = ['district', 'department', 'town', 'village', 'community', 'utility'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Chinese names of the unit types, as staff and the public read them. */
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  district: '区政府',
  department: '区级部门',
  town: '镇（街道）',
  village: '村',
  community: '社区',
  utility: '公共企事业单位',
};

export {
  DISCLOSURE_LEVEL_LABELS,
  DISCLOSURE_LEVELS,
  type DisclosureLevel,
} from '../../../reference/disclosure-levels.ts';

/** Which unit types may sit directly under which: district → departments/towns → villages. */
export const ALLOWED_CHILDREN: Record<OrgType, readonly OrgType[]> = {
  district: ['department', 'town', 'utility'],
  department: ['utility'],
  town: ['village', 'community', 'utility'],
  village: [],
  community: [],
  utility: [],
};

/** A unit of the district: the government, a department, a town, a village or a utility. */
export type Org = {
  id: string;
  parentId: string | null;
  /** "/rootId/…/id/": every ancestor's id, so subtree checks are prefix checks. */
  path: string;
  depth: number;
  type: OrgType;
  /** Short code used in 索引号 and URLs (letters, digits, hyphen). */
  code: string;
  name: string;
  shortName: string;
  /** 统一社会信用代码 (GB 32100-2015), where the unit has one. */
  creditCode: string | null;
  levels: DisclosureLevel[];
  sortOrder: number;
  isDemo: boolean;
};

export { isInSubtree } from '../../../platform/subtree.ts';
import { isValidCreditCode } from '../../../platform/identifiers.ts';

export { isValidCreditCode };

/** The path of a new child of `parent` (or of a root when there is no parent). */
export function childPath(parent: Pick<Org, 'path'> | null, id: string): string {
  return `${parent?.path ?? '/'}${id}/`;
}

/**
 * Whether a unit of this type receives disclosure requests itself (条例 Art. 27: people's
 * governments and their departments, towns included). Villages and communities are not
 * administrative organs (their town receives), and public enterprises and institutions disclose
 * under their own rules (条例 Art. 55).
 */
export function acceptsRequests(type: OrgType): boolean {
  return type === 'district' || type === 'department' || type === 'town';
}

/**
 * The unit that answers disclosure requests for `org`. Villages and communities are not
 * administrative organs, so requests addressed to them go to their town (条例 Art. 27).
 */
export function requestHandlingUnit(org: Org, parent: Org | null): Org {
  return (org.type === 'village' || org.type === 'community') && parent ? parent : org;
}

/** Input for creating or renaming a unit. */
export type OrgInput = {
  type: OrgType;
  code: string;
  name: string;
  shortName?: string | undefined;
  creditCode?: string | undefined;
  levels?: DisclosureLevel[] | undefined;
  sortOrder?: number | undefined;
};

/** The default catalog levels for a unit type: departments county, towns township, villages village. */
export function defaultLevels(type: OrgType): DisclosureLevel[] {
  switch (type) {
    case 'district':
    case 'department':
      return ['county'];
    case 'town':
      return ['township'];
    case 'village':
    case 'community':
      return ['village'];
    case 'utility':
      return ['county'];
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** Checks a unit's fields and its place in the tree; returns every problem found. */
export function validateOrgInput(input: OrgInput, parent: Org | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^[A-Za-z0-9-]{2,32}$/.test(input.code)) {
    issues.push({ field: 'code', message: ORG_TEXT.codeShape });
  }
  if (input.name.trim().length < 2 || input.name.trim().length > 100) {
    issues.push({ field: 'name', message: ORG_TEXT.nameLength });
  }
  if (input.creditCode && !isValidCreditCode(input.creditCode)) {
    issues.push({ field: 'creditCode', message: ORG_TEXT.creditCodeInvalid });
  }
  if (parent === null && input.type !== 'district') {
    issues.push({ field: 'parentId', message: ORG_TEXT.onlyDistrictAtTop });
  }
  if (parent !== null && !ALLOWED_CHILDREN[parent.type].includes(input.type)) {
    issues.push({
      field: 'type',
      message: ORG_TEXT.childNotAllowed(ORG_TYPE_LABELS[parent.type], ORG_TYPE_LABELS[input.type]),
    });
  }
  return issues;
}

/** Sorts units into display order: by depth-first tree order, then sort order and name. */
export function sortAsTree(orgs: Org[]): Org[] {
  const byParent = new Map<string | null, Org[]>();
  for (const org of orgs) {
    const siblings = byParent.get(org.parentId) ?? [];
    siblings.push(org);
    byParent.set(org.parentId, siblings);
  }
  const ids = new Set(orgs.map((o) => o.id));
  const roots = orgs.filter((o) => o.parentId === null || !ids.has(o.parentId));
  const out: Org[] = [];
  const visit = (list: Org[]): void => {
    for (const org of [...list].sort(compareSiblings)) {
      out.push(org);
      visit(byParent.get(org.id) ?? []);
    }
  };
  visit(roots);
  return out;
}

function compareSiblings(a: Org, b: Org): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-Hans-CN');
}
