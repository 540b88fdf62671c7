/**
 * How a request ended: exactly one row of table 三 of the annual report (国办公开办函〔2021〕30号),
 * so the report is a count of stored outcomes. The mapping of 条例 Art. 36 items to rows follows
 * `foi-law.md` §4 (an interpretation: 36(1)(2) → 予以公开, 36(5) → 无法提供-1, 36(7) → 其他处理-3).
 */
export const OUTCOMES = [
  '3.1',
  '3.2',
  '3.3.1',
  '3.3.2',
  '3.3.3',
  '3.3.4',
  '3.3.5',
  '3.3.6',
  '3.3.7',
  '3.3.8',
  '3.4.1',
  '3.4.2',
  '3.4.3',
  '3.5.1',
  '3.5.2',
  '3.5.3',
  '3.5.4',
  '3.5.5',
  '3.6.1',
  '3.6.2',
  '3.6.3',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

type OutcomeInfo = {
  /** The row's words in table 三. */
  label: string;
  /** The group of rows, (一) to (六). */
  group: string;
  /** The articles the reply rests on, as the letter cites them. */
  basis: string;
  /** Whether a reply letter may give it (the 其他处理 rows 1 and 2 come from the clock, not a letter). */
  byReply: boolean;
};

export const OUTCOME_INFO: Record<Outcome, OutcomeInfo> = {
  '3.1': {
    group: '予以公开',
    label: '予以公开',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项',
    byReply: true,
  },
  '3.2': { group: '部分公开', label: '部分公开', basis: '《中华人民共和国政府信息公开条例》第三十七条', byReply: true },
  '3.3.1': {
    group: '不予公开',
    label: '属于国家秘密',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    byReply: true,
  },
  '3.3.2': {
    group: '不予公开',
    label: '其他法律行政法规禁止公开',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    byReply: true,
  },
  '3.3.3': {
    group: '不予公开',
    label: '危及“三安全一稳定”',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    byReply: true,
  },
  '3.3.4': {
    group: '不予公开',
    label: '保护第三方合法权益',
    basis: '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项',
    byReply: true,
  },
  '3.3.5': {
    group: '不予公开',
    label: '属于三类内部事务信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
    byReply: true,
  },
  '3.3.6': {
    group: '不予公开',
    label: '属于四类过程性信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    byReply: true,
  },
  '3.3.7': {
    group: '不予公开',
    label: '属于行政执法案卷',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    byReply: true,
  },
  '3.3.8': {
    group: '不予公开',
    label: '属于行政查询事项',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（三）项',
    byReply: true,
  },
  '3.4.1': {
    group: '无法提供',
    label: '本机关不掌握相关政府信息',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项',
    byReply: true,
  },
  '3.4.2': {
    group: '无法提供',
    label: '没有现成信息需要另行制作',
    basis: '《中华人民共和国政府信息公开条例》第三十八条',
    byReply: true,
  },
  '3.4.3': {
    group: '无法提供',
    label: '补正后申请内容仍不明确',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
    byReply: true,
  },
  '3.5.1': {
    group: '不予处理',
    label: '信访举报投诉类申请',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第一款',
    byReply: true,
  },
  '3.5.2': {
    group: '不予处理',
    label: '重复申请',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
    byReply: true,
  },
  '3.5.3': {
    group: '不予处理',
    label: '要求提供公开出版物',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第二款',
    byReply: true,
  },
  '3.5.4': {
    group: '不予处理',
    label: '无正当理由大量反复申请',
    basis: '《中华人民共和国政府信息公开条例》第三十五条',
    byReply: true,
  },
  '3.5.5': {
    group: '不予处理',
    label: '要求行政机关确认或重新出具已获取信息',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第二款',
    byReply: true,
  },
  '3.6.1': {
    group: '其他处理',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
    byReply: false,
  },
  '3.6.2': {
    group: '其他处理',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    basis: '《中华人民共和国政府信息公开条例》第四十二条',
    byReply: false,
  },
  '3.6.3': {
    group: '其他处理',
    label: '其他',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
    byReply: true,
  },
};

/** An outcome's full name as staff choose it: "不予公开—属于国家秘密". */
export function outcomeName(outcome: Outcome): string {
  const info = OUTCOME_INFO[outcome];
  return info.group === info.label ? info.label : `${info.group}—${info.label}`;
}

export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}
