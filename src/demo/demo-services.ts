import { publishEdition, type FileSniffer, type FileStorage } from '../modules/documents/index.ts';
import {
  submitServiceBundle,
  submitServiceGuide,
  type Material,
  type ServiceGuideInput,
} from '../modules/services/index.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

const HOURS = '周一至周五 上午9:00—12:00，下午13:30—17:00（法定节假日除外）';
const COMPLAINT = '拨打12345政务服务便民热线，或登录示范区人民政府门户网站“好差评”栏目评价和投诉。';
const CENTRE = '示范区政务服务中心（演示地址）';

const material = (name: string, form: Material['form'], notes = '', required = true) => ({
  name,
  form,
  copies: 1,
  required,
  notes,
});

/** One demo guide: the unit that publishes it, and its elements. */
type DemoGuide = { key: string; orgCode: string; guide: ServiceGuideInput };

const guide = (
  g: Omit<ServiceGuideInput, 'hours' | 'complaint' | 'feeStandard' | 'feeBasis' | 'feeFree'> &
    Partial<ServiceGuideInput>,
) => ({
  hours: HOURS,
  complaint: COMPLAINT,
  feeFree: true,
  feeStandard: '',
  feeBasis: '',
  ...g,
});

/**
 * The demo's service guides (办事指南): the services a family needs when a child is born and the ones a
 * new firm needs, plus marriage registration. Realistic in shape, but every address, telephone number
 * and time limit is the demo district's (示范区), not any real office's.
 */
const GUIDES: DemoGuide[] = [
  {
    key: 'birth-certificate',
    orgCode: 'sfq-wjj',
    guide: guide({
      name: '出生医学证明首次签发',
      itemType: '公共服务',
      audiences: ['person'],
      events: ['生育收养', '医疗卫生'],
      basis: '《中华人民共和国母婴保健法》第二十三条；《中华人民共和国母婴保健法实施办法》第二十七条。',
      conditions: '在示范区内具有助产资质的医疗机构出生的新生儿，由其父母或监护人申请。',
      materials: [
        material('居民身份证', '原件', '父母双方'),
        material('结婚证', '复印件', '非婚生育的无需提供', false),
        material('新生儿出生医学记录', '原件', '由助产机构出具'),
      ],
      steps: ['在助产机构或线上“一件事”平台提交申请', '助产机构核对出生信息', '签发出生医学证明', '领取证件或邮寄送达'],
      legalDays: 0,
      promisedDays: 1,
      place: '新生儿出生的助产机构出生医学证明办理窗口（示范区人民医院等）',
      phone: '0000-80010001',
      faqs: [
        {
          question: '出生医学证明遗失了怎么办？',
          answer: '向原签发机构申请补发，须提供父母身份证件和遗失声明。（演示）',
        },
      ],
    }),
  },
  {
    key: 'birth-registration',
    orgCode: 'sfq-gaj',
    guide: guide({
      name: '出生登记（新生儿入户）',
      itemType: '行政确认',
      audiences: ['person'],
      events: ['生育收养', '户籍办理'],
      basis: '《中华人民共和国户口登记条例》第七条。',
      conditions: '婴儿出生后一个月以内，由户主、亲属、抚养人向婴儿常住地户口登记机关申报出生登记。',
      materials: [
        material('出生医学证明', '原件'),
        material('居民身份证', '原件', '父母双方'),
        material('居民户口簿', '原件', '随父或随母入户一方'),
      ],
      steps: ['提交申请', '派出所户籍窗口受理审核', '登记入户', '领取户口簿'],
      legalDays: 20,
      promisedDays: 1,
      place: `${CENTRE}公安窗口，或户籍所在地派出所户籍室`,
      phone: '0000-80010002',
      faqs: [
        {
          question: '超过一个月还能办理吗？',
          answer: '可以，按规定补办出生登记，请携带相关材料到派出所咨询办理。（演示）',
        },
      ],
    }),
  },
  {
    key: 'social-card',
    orgCode: 'sfq-rsj',
    guide: guide({
      name: '社会保障卡申领',
      itemType: '公共服务',
      audiences: ['person'],
      events: ['生育收养', '社会保障'],
      basis: '《中华人民共和国社会保险法》第五十八条。',
      conditions: '已参加社会保险或已登记户籍的人员（含新生儿），由本人或监护人申请。',
      materials: [
        material('居民身份证', '原件', '新生儿由监护人提供'),
        material('居民户口簿', '原件', '新生儿提供'),
        material('出生医学证明', '复印件', '新生儿提供'),
        material('近期免冠证件照', '电子件', '新生儿可免'),
      ],
      steps: ['网上或窗口申请', '信息核验', '制卡', '领卡或邮寄'],
      legalDays: 20,
      promisedDays: 10,
      place: `${CENTRE}人社窗口`,
      phone: '0000-80010003',
      faqs: [],
    }),
  },
  {
    key: 'company-registration',
    orgCode: 'sfq-scj',
    guide: guide({
      name: '企业设立登记',
      itemType: '行政许可',
      audiences: ['corp'],
      events: ['设立变更', '准营准办'],
      basis: '《中华人民共和国市场主体登记管理条例》第三条、第十九条。',
      conditions: '申请人符合《中华人民共和国公司法》等法律法规规定的设立条件，名称经自主申报。',
      materials: [
        material('公司登记（备案）申请书', '原件'),
        material('公司章程', '原件'),
        material('法定代表人居民身份证', '复印件'),
        material('住所使用相关文件', '复印件', '租赁合同或产权证明', false),
      ],
      steps: ['名称自主申报', '网上提交设立登记申请', '审核', '核发营业执照（电子营业执照同步发放）'],
      legalDays: 3,
      promisedDays: 1,
      place: `${CENTRE}企业开办专区`,
      phone: '0000-80010004',
      faqs: [{ question: '可以全程网上办理吗？', answer: '可以，通过企业开办“一网通办”平台全程网上办理。（演示）' }],
    }),
  },
  {
    key: 'seal',
    orgCode: 'sfq-gaj',
    guide: guide({
      name: '公章刻制备案',
      itemType: '其他行政权力',
      audiences: ['corp'],
      events: ['设立变更'],
      basis: '《国务院关于第一批清理规范89项国务院部门行政审批中介服务事项的决定》（国发〔2015〕58号）。',
      conditions: '已取得营业执照的企业，选择备案的公章刻制企业刻制印章。',
      materials: [material('营业执照', '复印件'), material('法定代表人居民身份证', '复印件')],
      steps: ['选择刻章企业', '刻章企业刻制', '刻章信息报公安机关备案'],
      legalDays: 1,
      promisedDays: 0,
      feeFree: false,
      feeStandard: '首套印章费用由政府购买服务承担；补刻、增刻按市场价格。',
      feeBasis: '示范区企业开办首套印章免费发放实施办法（演示）',
      place: `${CENTRE}企业开办专区刻章窗口`,
      phone: '0000-80010005',
      faqs: [],
    }),
  },
  {
    key: 'tax',
    orgCode: 'sfq-swj',
    guide: guide({
      name: '新办纳税人涉税事项办理',
      itemType: '公共服务',
      audiences: ['corp'],
      events: ['设立变更', '税收'],
      basis: '《中华人民共和国税收征收管理法》第十五条；《中华人民共和国发票管理办法》。',
      conditions: '领取营业执照后首次办理涉税事项的纳税人。',
      materials: [
        material('营业执照', '复印件'),
        material('法定代表人居民身份证', '原件'),
        material('办税人员居民身份证', '原件'),
      ],
      steps: ['确认登记信息', '签订三方协议', '核定税种及发票票种', '领用发票'],
      legalDays: 5,
      promisedDays: 1,
      place: `${CENTRE}税务窗口，或电子税务局`,
      phone: '0000-80010006',
      faqs: [],
    }),
  },
  {
    key: 'employer-insurance',
    orgCode: 'sfq-rsj',
    guide: guide({
      name: '用人单位社会保险登记',
      itemType: '行政确认',
      audiences: ['corp'],
      events: ['设立变更', '社会保障'],
      basis: '《中华人民共和国社会保险法》第五十七条。',
      conditions: '新设立的用人单位，自成立之日起三十日内申请办理社会保险登记。',
      materials: [material('营业执照', '复印件'), material('法定代表人居民身份证', '复印件')],
      steps: ['网上申请', '经办机构审核', '登记完成'],
      legalDays: 15,
      promisedDays: 1,
      place: `${CENTRE}人社窗口`,
      phone: '0000-80010003',
      faqs: [],
    }),
  },
  {
    key: 'marriage',
    orgCode: 'sfq-mzj',
    guide: guide({
      name: '内地居民结婚登记',
      itemType: '行政确认',
      audiences: ['person'],
      events: ['婚姻'],
      basis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条至第七条。',
      conditions: '男女双方完全自愿，达到法定婚龄，无禁止结婚情形，共同到婚姻登记机关申请。',
      materials: [material('居民身份证', '原件', '双方'), material('近期半身免冠合影照片', '原件', '2张')],
      steps: ['预约或现场取号', '提交材料并填写声明书', '审查', '颁发结婚证'],
      legalDays: 0,
      promisedDays: 0,
      place: '示范区婚姻登记处（演示地址）',
      phone: '0000-80010007',
      faqs: [
        {
          question: '户籍不在示范区可以登记吗？',
          answer: '按现行规定可在一方常住户口所在地或经常居住地登记。（演示）',
        },
      ],
    }),
  },
];

/** The demo's 一件事 bundles: 新生儿出生 and 开办企业, each from the guides above. */
const BUNDLES = [
  {
    name: '新生儿出生一件事',
    summary: '孩子出生后，出生医学证明、户口登记和社会保障卡申领一次申请、一次办结，相同材料只交一次。（演示）',
    audiences: ['person'],
    event: '生育收养',
    guides: ['birth-certificate', 'birth-registration', 'social-card'],
    steps: ['在助产机构或线上平台一次提交申请', '卫生健康、公安、人社部门并联审核', '结果一次送达（证件可邮寄）'],
    promisedDays: 5,
  },
  {
    name: '开办企业一件事',
    summary: '营业执照、公章刻制、涉税事项和社会保险登记一表申请、一窗办理，最快1个工作日办结。（演示）',
    audiences: ['corp'],
    event: '设立变更',
    guides: ['company-registration', 'seal', 'tax', 'employer-insurance'],
    steps: ['填写开办企业一张表', '各部门并联审批', '一窗领取营业执照、印章和发票'],
    promisedDays: 1,
  },
] as const;

/**
 * Writes the demo's guides and bundles as their units' editors would and publishes them as their
 * reviewers, a week before today; returns how many were published.
 */
export async function seedDemoServices(
  scene: DemoScene,
  deps: { files: FileStorage; sniff: FileSniffer; maxUploadBytes: number },
): Promise<number> {
  const { clock } = scene;
  const before = clock.now();
  const day = shiftDate(scene.today, -7);
  const ids = new Map<string, string>();
  let published = 0;
  for (const [index, spec] of GUIDES.entries()) {
    clock.set(`${day}T0${1 + (index % 6)}:00:00Z`);
    const { document, edition } = await submitServiceGuide({
      ...scene.workflow,
      ...deps,
      actor: scene.editorOf(spec.orgCode),
      orgId: scene.orgs.get(spec.orgCode)!.id,
      documentId: null,
      input: spec.guide,
    });
    await publishEdition({ ...scene.workflow, actor: scene.reviewerOf(spec.orgCode), editionId: edition.id });
    ids.set(spec.key, document.id);
    published++;
  }
  clock.set(`${shiftDate(day, 1)}T02:00:00Z`);
  for (const spec of BUNDLES) {
    const { edition } = await submitServiceBundle({
      ...scene.workflow,
      ...deps,
      stores: scene.stores,
      actor: scene.editorOf('sfq-bgs'),
      orgId: scene.orgs.get('sfq-bgs')!.id,
      documentId: null,
      input: { ...spec, guideDocumentIds: spec.guides.map((key) => ids.get(key)!) },
    });
    await publishEdition({ ...scene.workflow, actor: scene.reviewerOf('sfq-bgs'), editionId: edition.id });
    published++;
  }
  clock.set(before);
  return published;
}
