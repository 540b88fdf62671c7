/** User-facing text of the platform's own checks (the error table holds the rest). */
export const PLATFORM_TEXT = {
  bodyRequired: '请求体不能为空，应为 JSON 对象。',
  nul: '内容中含有无效的空字符，请删除后重试。',
  uploadTooLarge: (maxBytes: number) => `上传的文件超过大小限制（最大 ${Math.floor(maxBytes / 1024 / 1024)} MB）。`,
} as const;
