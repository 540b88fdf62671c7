/**
 * One error type for every rule the product enforces, and one table that maps each stable code to
 * an HTTP status, the Chinese message people see, and whether the error's details may be shown to
 * the person who caused it (`isPublic`; otherwise they are for the log only). A throw site gives a
 * code and details; where it says more than the table's message, the words come from its module's
 * `strings.ts` (test/architecture/messages.test.ts fails on text written at a throw site).
 */

/** Every stable error code the API can return, with its status and public Chinese message. */
export const ERROR_TABLE = {
  validation_failed: { status: 400, message: '提交的内容有误，请按提示修改后重试。' },
  malformed_json: { status: 400, message: '请求体不是有效的 JSON。' },
  bad_request: { status: 400, message: '请求无效，请检查后重试。' },
  path_invalid: { status: 400, message: '网址格式不正确，请检查后重试。' },
  input_too_deep: { status: 400, message: '提交的内容嵌套层级过多，请简化后重试。' },
  form_broken: { status: 400, message: '上传的表单数据不完整或格式不正确，请重新提交。' },
  too_many_files: { status: 400, message: '一次上传的文件过多，请分批上传。' },
  doc_number_invalid: {
    status: 400,
    message: '文号格式不正确，应为“机关代字〔年份〕序号号”，例如“示政办发〔2026〕12号”。',
  },
  unauthenticated: { status: 401, message: '请先登录。' },
  invalid_credentials: {
    status: 401,
    message: '用户名或密码错误；连续输错5次的账户将暂停登录15分钟。',
  },
  invalid_token: { status: 401, message: '访问令牌无效或已撤销。' },
  totp_invalid: { status: 401, message: '动态验证码错误，请重新输入。' },
  signature_missing: {
    status: 401,
    message: '请求缺少签名信息：须带 X-Gongkai-Timestamp、X-Gongkai-Nonce 和 X-Gongkai-Signature 三个请求头。',
  },
  signature_invalid: { status: 401, message: '请求签名无效：签名、时间戳或随机数的格式或内容不正确。' },
  signature_stale: {
    status: 401,
    message: '请求时间戳与服务器时间相差超过5分钟，请校准时钟后重新签名发送。',
  },
  signature_replayed: {
    status: 401,
    message: '该随机数已经使用过，请求疑为重放；每次发送请使用新的随机数重新签名。',
  },
  forbidden: { status: 403, message: '您没有权限执行此操作。' },
  out_of_scope: { status: 403, message: '该对象不在您所在单位的管理范围内。' },
  csrf_failed: { status: 403, message: '页面已过期或来源不明，请刷新页面后重试。' },
  second_pair_of_eyes: {
    status: 403,
    message: '审核发布须由起草人以外的另一人完成（双人审核）。',
  },
  totp_enrolment_required: {
    status: 403,
    message: '系统管理员和区级管理员须先启用双因素认证。',
  },
  not_found: { status: 404, message: '您访问的内容不存在或尚未公开。' },
  // A signed link from an e-mail or SMS (subscriptions) that is not, or no longer, valid.
  link_invalid: {
    status: 404,
    message: '这个链接已失效或不完整。请使用最近一封推送邮件或短信中的链接，或重新订阅。',
  },
  upstream_disabled: {
    status: 404,
    message: '本平台未开通与省级政府信息公开申请平台的对接（未配置对接密钥）。',
  },
  invalid_transition: { status: 409, message: '当前状态下不能执行此操作。' },
  draft_exists: { status: 409, message: '该文件已有一个未发布的新版本，请先处理该版本。' },
  conflict: { status: 409, message: '数据已存在或已被他人修改，请刷新后重试。' },
  account_locked: { status: 423, message: '登录失败次数过多，账户已临时锁定，请15分钟后再试。' },
  upload_too_large: { status: 413, message: '上传的文件超过大小限制。' },
  body_too_large: { status: 413, message: '提交的内容过大，请缩减后重试。' },
  upload_type_not_allowed: {
    status: 415,
    message: '只允许上传 PDF、Word(DOCX)、Excel(XLSX) 文件和 PNG、JPEG、GIF、WebP 图片。',
  },
  upload_type_mismatch: {
    status: 415,
    message: '文件内容与扩展名不符，可能是伪装的文件，已拒绝上传。',
  },
  unsupported_media_type: { status: 415, message: '不支持的请求格式。' },
  uri_too_long: { status: 414, message: '网址过长，请检查后重试。' },
  rich_text_too_complex: {
    status: 422,
    message: '正文格式过于复杂（标签过多或嵌套过深），请简化排版后重试；从其他软件粘贴时可先粘贴为纯文本。',
  },
  sensitive_data_found: {
    status: 422,
    message: '正文或标题中含有身份证号、手机号或银行卡号等个人信息，请删除后再提交。',
    // The findings (masked) tell the editor where to look; they are the editor's own text.
    isPublic: true,
  },
  // A poster of a graphic interpretation is one image, whose height is capped (plan §三.5 new media).
  poster_too_long: { status: 422, message: '内容过多，生成的长图超过高度上限，请精简后重试。' },
  rate_limited: { status: 429, message: '操作过于频繁，请稍后再试。' },
  login_throttled: { status: 429, message: '本网络地址登录失败次数过多，请15分钟后再试。' },
  internal: { status: 500, message: '服务器内部错误，请稍后再试。' },
  unavailable: { status: 503, message: '服务暂不可用，请稍后再试。' },
  // Pictures with Chinese text (posters, charts as PNG) are drawn with the server's CJK font.
  font_missing: {
    status: 503,
    message: '生成图片需要服务器安装中文字体（Debian 软件包 fonts-noto-cjk），请联系系统管理员安装后重试。',
  },
} as const satisfies Record<string, { status: number; message: string; isPublic?: boolean }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** True when the details of errors with this code may be shown to the person who caused them. */
export function detailsArePublic(code: ErrorCode): boolean {
  const entry = ERROR_TABLE[code];
  return 'isPublic' in entry && entry.isPublic;
}

/** A problem with one input field, shown next to that field. */
export type FieldIssue = { field: string; message: string };

/** A rule the product enforces, broken; carries a stable code and optional details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  /** Extra information that is safe to show to the person who caused the error. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: FieldIssue[]; details?: Record<string, unknown> } = {},
  ) {
    super(options.message ?? ERROR_TABLE[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.details = options.details;
  }

  get status(): number {
    return ERROR_TABLE[this.code].status;
  }
}

/** True when `error` is a DomainError with the given code (or any code when none is given). */
export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** Throws `validation_failed` with the given field problems when there are any. */
export function assertNoFieldIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) {
    throw new DomainError('validation_failed', { fields: issues });
  }
}
