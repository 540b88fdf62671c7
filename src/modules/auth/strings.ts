/** User-facing text of the auth module. */
export const AUTH_TEXT = {
  loginTitle: '工作人员登录',
  secondFactorTitle: '双因素认证',
  loggedOut: '您已安全退出。',
  sessionExpired: '登录已超时，请重新登录。',
  passwordChanged: '密码已修改，请重新登录。',
  totpEnabled: '双因素认证已启用。下次登录时须输入动态验证码。',
  tokenCreated: '访问令牌已生成。它只显示这一次，请立即复制保存。',
  userCreated: '用户已创建。',
  roleGranted: '已授予角色。',
  roleRevoked: '已撤销角色。',
  passwordReset: '密码已重置，该用户的所有登录会话和访问令牌已失效。',
  tokenRevoked: '访问令牌已撤销。',
  userDisabled: '账户已停用，其所有登录会话和访问令牌已失效。',
  userEnabled: '账户已启用。',
} as const;
