/** User-facing text of the requests module (依申请公开). */
export const REQUEST_TEXT = {
  secondExtension: '每件申请只能延长答复期限一次（《政府信息公开条例》第三十三条第二款）。',
  extensionLength: '延长期限应为1至20个工作日（《政府信息公开条例》第三十三条第二款）。',
  extensionApprover:
    '延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人（《政府信息公开条例》第三十三条第二款）。',
  secondCorrection: '补正通知只能一次性发出（《政府信息公开条例》第三十条）。',
  correctionTooLate: (lastDay: string) =>
    `补正通知应在收到申请之日起7个工作日内发出，最迟为 ${lastDay}（《政府信息公开条例》第三十条）。`,
} as const;
