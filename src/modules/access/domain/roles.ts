/**
 * Staff roles. Every role is held in an organisation and reaches that organisation's whole subtree:
 * a town's reviewer may act for the town's villages, never for another town.
 */
export const ROLES = [
  'editor',
  'reviewer',
  'foi_officer',
  'interaction_officer',
  'unit_admin',
  'district_admin',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: '信息编辑',
  reviewer: '信息审核',
  foi_officer: '依申请公开经办人',
  interaction_officer: '互动交流经办人',
  unit_admin: '单位管理员',
  district_admin: '区政府办公室管理员',
  system_admin: '系统管理员',
};

/** What a role lets its holder do inside its subtree. */
export const PERMISSIONS = [
  'document.read',
  'document.draft',
  'document.review',
  'document.force_publish',
  'request.handle',
  'request.texts',
  /** The annual report (政府信息公开工作年度报告) of a unit: its figures, sections and submission. */
  'report.edit',
  /** The district-wide annual report, which the district office compiles (条例 Art. 49–50). */
  'report.district',
  'interaction.handle',
  'user.manage',
  'org.manage',
  'audit.read',
  'catalog.edit',
  'catalog.approve',
  'calendar.manage',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  editor: ['document.read', 'document.draft', 'catalog.edit'],
  reviewer: ['document.read', 'document.review', 'catalog.edit'],
  foi_officer: ['document.read', 'request.handle', 'report.edit'],
  interaction_officer: ['document.read', 'interaction.handle'],
  // A unit admin may force-publish (logged and flagged until approved afterwards) and manage staff.
  unit_admin: ['document.read', 'document.force_publish', 'user.manage', 'audit.read', 'catalog.edit', 'report.edit'],
  district_admin: [
    'document.read',
    'document.force_publish',
    'user.manage',
    'audit.read',
    'catalog.approve',
    'calendar.manage',
    'request.texts',
    'report.edit',
    'report.district',
  ],
  system_admin: ['document.read', 'user.manage', 'org.manage', 'audit.read', 'calendar.manage', 'settings.manage'],
};

/**
 * Which roles a holder of each role may grant (always inside their own subtree). Only a system
 * admin creates other admins of the two highest kinds.
 */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  editor: [],
  reviewer: [],
  foi_officer: [],
  interaction_officer: [],
  unit_admin: ['editor', 'reviewer', 'foi_officer', 'interaction_officer', 'unit_admin'],
  district_admin: ['editor', 'reviewer', 'foi_officer', 'interaction_officer', 'unit_admin'],
  system_admin: [...ROLES],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
