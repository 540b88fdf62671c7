import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Genre, Topic } from '../modules/documents/index.ts';
import { escapeHtml } from '../platform/html-text.ts';

/** A regulation from the bundled sample of the public corpus of Chinese laws and regulations. */
export type Regulation = { title: string; category: string; text: string };

/** The bundled sample (46 regulations, 276 thousand characters), read once. */
export function loadRegulationSample(): Regulation[] {
  const file = new URL('./data/regulations-sample.jsonl.gz', import.meta.url);
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Regulation);
}

/** The articles of a regulation ("第X条 …" paragraphs with the paragraphs that follow them). */
export function articlesOf(regulation: Regulation): string[] {
  const articles: string[] = [];
  for (const paragraph of regulation.text.split(/\n+/)) {
    const line = paragraph.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^第[一二三四五六七八九十百零〇]+条/.test(line)) articles.push(line);
    else if (articles.length > 0 && articles[articles.length - 1]!.length < 600)
      articles[articles.length - 1] += `\n${line}`;
  }
  return articles;
}

/** A small deterministic random source (mulberry32), so the demo district is the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A title template for a pilot field, with the genre and topic such a document has. */
type TitleTemplate = { title: string; genre: Genre; normative?: boolean };

/** Topics of the State Council classification by pilot field. */
export const FIELD_TOPICS: Record<string, Topic> = {
  '01': '国土资源、能源',
  '02': '国民经济管理、国有资产监管',
  '03': '国民经济管理、国有资产监管',
  '04': '财政、金融、审计',
  '05': '市场监管、安全生产监管',
  '06': '财政、金融、审计',
  '07': '国土资源、能源',
  '08': '城乡建设、环境保护',
  '09': '城乡建设、环境保护',
  '10': '城乡建设、环境保护',
  '11': '城乡建设、环境保护',
  '12': '文化、广电、新闻出版',
  '13': '公安、安全、司法',
  '14': '民政、扶贫、救灾',
  '15': '民政、扶贫、救灾',
  '16': '市场监管、安全生产监管',
  '17': '城乡建设、环境保护',
  '18': '劳动、人事、监察',
  '19': '劳动、人事、监察',
  '20': '民政、扶贫、救灾',
  '21': '民政、扶贫、救灾',
  '22': '公安、安全、司法',
  '23': '农业、林业、水利',
  '24': '科技、教育',
  '25': '卫生、体育',
  '26': '城乡建设、环境保护',
};

/** Regulations whose articles fit each field's documents. */
export const FIELD_REGULATIONS: Record<string, string[]> = {
  '01': ['村庄和集镇规划建设管理条例', '土地管理法实施条例', '历史文化名城名镇名村保护条例'],
  '02': ['优化营商环境条例', '政府采购法实施条例', '建设项目环境保护管理条例'],
  '03': ['政府采购法实施条例', '优化营商环境条例'],
  '04': ['政府采购法实施条例', '统计法实施条例'],
  '05': ['安全生产许可证条例', '建设工程安全生产管理条例', '气象灾害防御条例'],
  '06': ['环境保护税法实施条例', '优化营商环境条例'],
  '07': ['土地管理法实施条例'],
  '08': ['国有土地上房屋征收与补偿条例'],
  '09': ['住房公积金管理条例', '国有土地上房屋征收与补偿条例'],
  '10': ['村庄和集镇规划建设管理条例', '社会救助暂行办法'],
  '11': ['建设项目环境保护管理条例', '城镇排水与污水处理条例', '环境保护税法实施条例'],
  '12': ['公共文化体育设施条例', '历史文化名城名镇名村保护条例'],
  '13': ['法律援助条例'],
  '14': ['社会救助暂行办法', '农业保险条例'],
  '15': ['自然灾害救助条例', '气象灾害防御条例'],
  '16': ['国务院关于加强食品等产品安全监督管理的特别规定'],
  '17': ['城市市容和环境卫生管理条例', '城市绿化条例', '城市道路管理条例'],
  '18': ['残疾人就业条例', '保障农民工工资支付条例', '劳动保障监察条例'],
  '19': ['社会保险经办条例', '社会保险费征缴暂行条例', '医疗保障基金使用监督管理条例'],
  '20': ['社会救助暂行办法', '城市居民最低生活保障条例', '农村五保供养工作条例'],
  '21': ['社会救助暂行办法', '无障碍环境建设条例', '残疾预防和残疾人康复条例'],
  '22': ['信访工作条例'],
  '23': ['农业保险条例', '农田水利条例'],
  '24': ['教育督导条例', '残疾人教育条例', '民办教育促进法实施条例'],
  '25': ['医疗机构管理条例', '医疗纠纷预防和处理条例', '疫苗流通和预防接种管理条例'],
  '26': ['城市供水条例', '城市公共交通条例', '节约用水条例', '城镇排水与污水处理条例'],
};

/** Titles as units in these fields publish them; {y} is the year, {u} the unit's short name. */
export const FIELD_TITLES: Record<string, TitleTemplate[]> = {
  '01': [
    { title: '关于{u}国土空间总体规划（{y}—2035年）草案的公示', genre: '公告' },
    { title: '{u}{y}年度村庄规划编制情况的通报', genre: '通报' },
    { title: '关于{u}控制性详细规划局部调整的批前公示', genre: '公告' },
  ],
  '02': [
    { title: '关于下达{y}年{u}重大建设项目计划的通知', genre: '通知' },
    { title: '{u}{y}年重点建设项目批准和实施情况', genre: '统计信息' },
    { title: '关于{u}城市道路改造工程项目建议书的批复', genre: '批复' },
    { title: '{u}{y}年第二季度重大建设项目进展情况', genre: '统计信息' },
  ],
  '03': [
    { title: '{u}{y}年公共资源交易目录', genre: '公告' },
    { title: '关于{u}公共资源交易平台服务规范的通知', genre: '通知' },
  ],
  '04': [
    { title: '{u}{y}年部门预算公开', genre: '报告' },
    { title: '{u}{y}年部门决算公开', genre: '报告' },
    { title: '关于{u}{y}年预算执行情况和下一年预算草案的报告', genre: '报告' },
    { title: '{u}{y}年“三公”经费预算情况说明', genre: '报告' },
  ],
  '05': [
    { title: '关于开展{y}年安全生产大检查的通知', genre: '通知' },
    { title: '{u}{y}年安全生产行政处罚信息公示', genre: '公告' },
    { title: '关于做好汛期安全防范工作的紧急通知', genre: '通知' },
  ],
  '06': [
    { title: '关于{y}年个人所得税综合所得汇算清缴事项的公告', genre: '公告' },
    { title: '{u}{y}年减税降费政策落实情况', genre: '工作动态' },
  ],
  '07': [
    { title: '{u}{y}年第一批次征收土地预公告', genre: '公告' },
    { title: '关于{u}征地补偿安置方案的公告', genre: '公告' },
  ],
  '08': [
    { title: '关于{u}旧城区改建项目房屋征收决定的公告', genre: '公告' },
    { title: '{u}房屋征收补偿方案（征求意见稿）', genre: '方案' },
  ],
  '09': [
    { title: '{u}{y}年公共租赁住房配租结果公示', genre: '公告' },
    { title: '关于{u}保障性住房申请受理工作的通知', genre: '通知', normative: true },
    { title: '{u}{y}年保障性租赁住房筹集计划', genre: '计划总结' },
  ],
  '10': [
    { title: '{u}{y}年农村危房改造对象名单公示', genre: '公告' },
    { title: '关于做好{y}年农村低收入群体等重点对象住房安全保障工作的通知', genre: '通知' },
  ],
  '11': [
    { title: '{u}{y}年环境质量状况公报', genre: '报告' },
    { title: '关于{u}建设项目环境影响评价文件审批结果的公告', genre: '公告' },
    { title: '{u}{y}年重点排污单位名录', genre: '公告' },
  ],
  '12': [
    { title: '{u}{y}年公共文化服务目录', genre: '公告' },
    { title: '关于举办{y}年“文化进万家”系列活动的通知', genre: '通知' },
  ],
  '13': [
    { title: '{u}公共法律服务事项清单（{y}年版）', genre: '公告' },
    { title: '关于{y}年法律援助工作情况的通报', genre: '通报' },
  ],
  '14': [
    { title: '{u}{y}年巩固脱贫攻坚成果资金项目计划公示', genre: '公告' },
    { title: '关于{y}年防止返贫动态监测帮扶工作的通知', genre: '通知' },
  ],
  '15': [
    { title: '{u}{y}年自然灾害救助资金分配结果公示', genre: '公告' },
    { title: '关于做好{y}年冬春生活救助工作的通知', genre: '通知' },
  ],
  '16': [
    { title: '{u}{y}年第三期食品安全监督抽检信息', genre: '公告' },
    { title: '关于开展校园食品安全专项检查的通知', genre: '通知' },
  ],
  '17': [
    { title: '{u}城市管理综合行政执法事项清单（{y}年版）', genre: '公告' },
    { title: '关于开展{y}年市容环境专项整治的通告', genre: '通告' },
  ],
  '18': [
    { title: '关于印发{u}{y}年促进高校毕业生就业创业若干措施的通知', genre: '通知', normative: true },
    { title: '{u}{y}年就业补助资金使用情况公示', genre: '公告' },
    { title: '关于开展{y}年职业技能提升行动的通知', genre: '通知' },
  ],
  '19': [
    { title: '关于调整{y}年城乡居民基本养老保险缴费档次的通知', genre: '通知', normative: true },
    { title: '{u}{y}年社会保险待遇调整情况', genre: '工作动态' },
  ],
  '20': [
    { title: '{u}{y}年第{q}季度最低生活保障对象名单公示', genre: '公告' },
    { title: '关于提高{y}年城乡最低生活保障标准的通知', genre: '通知', normative: true },
    { title: '{u}{y}年临时救助资金发放情况公示', genre: '公告' },
    { title: '{u}{y}年特困人员供养情况公示', genre: '公告' },
  ],
  '21': [
    { title: '{u}{y}年高龄津贴发放情况公示', genre: '公告' },
    { title: '关于印发{u}居家养老服务补贴实施办法的通知', genre: '办法', normative: true },
    { title: '{u}养老服务机构名录（{y}年）', genre: '公告' },
  ],
  '22': [
    { title: '关于办理居民身份证和户口迁移业务的公告', genre: '公告' },
    { title: '{u}{y}年户籍业务办事指南', genre: '其他' },
  ],
  '23': [
    { title: '{u}{y}年耕地地力保护补贴发放情况公示', genre: '公告' },
    { title: '{u}{y}年农机购置补贴资金兑付情况公示', genre: '公告' },
    { title: '关于做好{y}年春耕备耕工作的通知', genre: '通知' },
  ],
  '24': [
    { title: '关于做好{y}年义务教育阶段学校招生入学工作的通知', genre: '通知', normative: true },
    { title: '{u}{y}年义务教育学校施教区划分公告', genre: '公告' },
    { title: '{u}{y}年义务教育阶段学生资助资金发放情况公示', genre: '公告' },
    { title: '关于开展{y}年秋季学期开学安全检查的通知', genre: '通知' },
  ],
  '25': [
    { title: '{u}{y}年基本公共卫生服务项目实施方案', genre: '方案' },
    { title: '关于开展{y}年适龄儿童疫苗查漏补种工作的通知', genre: '通知' },
    { title: '{u}{y}年医疗机构执业登记信息公告', genre: '公告' },
  ],
  '26': [
    { title: '关于{y}年夏季供水高峰期保障措施的公告', genre: '公告' },
    { title: '{u}{y}年公交线网优化调整方案', genre: '方案' },
    { title: '关于计划停水（停气）的通知', genre: '通知' },
    { title: '{u}{y}年供水水质检测结果公示', genre: '公告' },
  ],
};

/** General documents a district office publishes, outside the pilot fields. */
export const GENERAL_TITLES: TitleTemplate[] = [
  { title: '关于印发示范区{y}年政务公开工作要点的通知', genre: '通知' },
  { title: '示范区人民政府关于{y}年度重点工作任务分解的通知', genre: '通知' },
  { title: '示范区{y}年国民经济和社会发展统计公报', genre: '统计信息' },
  { title: '关于调整示范区人民政府领导工作分工的通知', genre: '通知' },
  { title: '示范区人民政府常务会议研究决定事项（{y}年第{q}次）', genre: '工作动态' },
];

/** The body of a demo document: salutation, purpose, articles from a real regulation, closing. */
export function demoBody(options: {
  random: () => number;
  title: string;
  unitName: string;
  regulation: Regulation | undefined;
  date: string;
}): string {
  const { random } = options;
  const articles = options.regulation ? articlesOf(options.regulation) : [];
  const count = Math.min(articles.length, 3 + Math.floor(random() * 4));
  const start = articles.length > count ? Math.floor(random() * (articles.length - count)) : 0;
  const chosen = articles.slice(start, start + count);
  const [y, m, d] = options.date.split('-').map(Number);
  const paragraphs = [
    '各有关单位：',
    `为做好相关工作，根据${options.regulation ? `《${options.regulation.title.replace(/\(.*\)$/, '')}》` : '有关法律法规'}等规定，结合本区实际，现将有关事项${options.title.includes('公示') ? '公示' : '通知'}如下。`,
    ...chosen.flatMap((article) => article.split('\n')),
    '各单位要高度重视，明确责任分工，认真抓好落实。工作中遇到的问题，请及时向我单位反映。',
    `（本文为示范区演示数据，内容由公开法规文本组合生成，不具有任何效力。）`,
  ];
  return [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p class="signature">${escapeHtml(options.unitName)}</p>`,
    `<p class="signature">${y}年${m}月${d}日</p>`,
  ].join('\n');
}

/** The full text of a regulation as HTML (headings and paragraphs). */
export function regulationHtml(regulation: Regulation): string {
  return regulation.text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('# '))
    .map((line) => (line.startsWith('## ') ? `<h2>${escapeHtml(line.slice(3))}</h2>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n');
}
