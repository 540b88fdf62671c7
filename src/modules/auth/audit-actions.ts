import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the auth module records in the audit log, with the viewer's labels. */
export const AUTH_AUDIT_ACTIONS = {
  'auth.logged_in': '登录',
  'auth.logged_out': '退出',
  'auth.login_failed': '登录失败',
  'auth.account_locked': '账户锁定',
  'auth.login_refused_locked': '锁定期间尝试登录',
  'auth.login_refused_throttled': '网络地址登录失败过多被拒',
  'auth.second_factor_passed': '双因素验证通过',
  'auth.second_factor_failed': '双因素验证失败',
  'user.created': '创建用户',
  'user.role_granted': '授予角色',
  'user.role_revoked': '撤销角色',
  'user.password_changed': '修改密码',
  'user.password_reset': '重置密码',
  'user.totp_enabled': '启用双因素认证',
  'user.token_created': '生成访问令牌',
  'user.token_revoked': '撤销访问令牌',
  'user.disabled': '停用账户',
  'user.enabled': '启用账户',
  'user.email_changed': '修改提醒邮箱',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the auth module's actions. */
export const authEntry = entryBuilder(AUTH_AUDIT_ACTIONS);
