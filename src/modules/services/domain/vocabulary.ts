/**
 * The fixed vocabularies of service guides (办事指南). 事项类型 follows the kinds of government
 * service items the national integrated online platform lists (行政许可, 行政给付, 行政确认, 行政裁决,
 * 其他行政权力, 公共服务); life and business events (个人生命周期 and 企业生命周期 themes) follow the
 * 主题服务 the national platform groups services by.
 */
export const ITEM_TYPES = [
  '行政许可',
  '行政给付',
  '行政确认',
  '行政裁决',
  '行政征收',
  '行政奖励',
  '其他行政权力',
  '公共服务',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Who a service is for: people (个人办事) or organisations (法人办事); a guide names one or both. */
export const AUDIENCES = ['person', 'corp'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Life events (个人) and business events (法人) a service may belong to. */
export const LIFE_EVENTS = [
  '生育收养',
  '户籍办理',
  '教育',
  '就业创业',
  '社会保障',
  '住房',
  '婚姻',
  '医疗卫生',
  '交通出行',
  '退休养老',
  '死亡殡葬',
  '设立变更',
  '准营准办',
  '税收',
  '工程建设',
  '注销',
] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

/** The form a material is handed in as. */
export const MATERIAL_FORMS = ['原件', '复印件', '电子件'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];
