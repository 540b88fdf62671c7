import type { FastifyRequest } from 'fastify';
import { canAnywhere } from '../modules/access/index.ts';
import type { Permission } from '../modules/access/index.ts';
import type { AdminMenuItem } from '../platform/web/admin-layout.tsx';

type MenuEntry = AdminMenuItem & { permission?: Permission };

/** Every section of the back office, in menu order, with the permission that opens it. */
const ADMIN_MENU: MenuEntry[] = [
  { key: 'dashboard', label: '工作台', href: '/admin/' },
  { key: 'documents', label: '信息发布', href: '/admin/documents', permission: 'document.read' },
  { key: 'interpretations', label: '政策解读', href: '/admin/interpretations/new', permission: 'document.draft' },
  { key: 'concerns', label: '回应关切', href: '/admin/concerns', permission: 'document.read' },
  { key: 'services', label: '办事服务', href: '/admin/services', permission: 'document.read' },
  {
    key: 'participation',
    label: '意见征集',
    href: '/admin/participation/consultations',
    permission: 'interaction.handle',
  },
  { key: 'surveys', label: '网络调查', href: '/admin/participation/surveys', permission: 'interaction.handle' },
  {
    key: 'participation-messages',
    label: '政民互动',
    href: '/admin/participation/messages',
    permission: 'interaction.handle',
  },
  {
    key: 'participation-decisions',
    label: '重大决策目录',
    href: '/admin/participation/decisions',
    permission: 'interaction.handle',
  },
  {
    key: 'participation-interviews',
    label: '在线访谈',
    href: '/admin/participation/interviews',
    permission: 'interaction.handle',
  },
  { key: 'push', label: '订阅推送', href: '/admin/push', permission: 'document.read' },
  { key: 'catalogs', label: '标准目录', href: '/admin/catalogs', permission: 'document.read' },
  { key: 'requests', label: '依申请公开', href: '/admin/ysqgk', permission: 'request.handle' },
  { key: 'reports', label: '年度报告', href: '/admin/reports', permission: 'report.edit' },
  { key: 'orgs', label: '组织机构', href: '/admin/orgs', permission: 'document.read' },
  { key: 'users', label: '用户与角色', href: '/admin/users', permission: 'user.manage' },
  { key: 'audit', label: '审计日志', href: '/admin/audit', permission: 'audit.read' },
  { key: 'calendar', label: '工作日历', href: '/admin/calendar', permission: 'calendar.manage' },
  { key: 'search-synonyms', label: '检索同义词', href: '/admin/search/synonyms', permission: 'calendar.manage' },
  { key: 'settings', label: '站点设置', href: '/admin/settings', permission: 'settings.manage' },
  { key: 'account', label: '我的账户', href: '/admin/account' },
];

/** The back-office menu items the request's person may open (none before sign-in). */
export function adminMenuOf(request: FastifyRequest): AdminMenuItem[] {
  if (request.actor.kind !== 'staff') return [];
  return ADMIN_MENU.filter((item) => !item.permission || canAnywhere(request.actor, item.permission)).map(
    ({ key, label, href }) => ({ key, label, href }),
  );
}
