import type { Role } from '../modules/access/index.ts';
import type { OrgType } from '../modules/orgs/index.ts';

/**
 * The demo district 示范区: a fictional district with its departments, towns and streets,
 * villages and communities, and public utilities. Every name is invented and marked as demo; no
 * real unit or person is described.
 */
export type DemoUnit = {
  code: string;
  name: string;
  shortName: string;
  type: OrgType;
  /** 机关代字 used in this unit's 文号. */
  docPrefix?: string;
  /** The pilot fields this unit publishes in. */
  fields?: string[];
  children?: DemoUnit[];
};

const village = (code: string, name: string, type: 'village' | 'community' = 'village'): DemoUnit => ({
  code,
  name,
  shortName: name,
  type,
  fields: ['20', '23', '21'],
});

export const DEMO_DISTRICT: DemoUnit = {
  code: 'sfq',
  name: '示范区人民政府',
  shortName: '示范区政府',
  type: 'district',
  docPrefix: '示政发',
  fields: ['04', '02', '01'],
  children: [
    {
      code: 'sfq-bgs',
      name: '示范区人民政府办公室',
      shortName: '区政府办',
      type: 'department',
      docPrefix: '示政办发',
      fields: ['04'],
    },
    {
      code: 'sfq-fgj',
      name: '示范区发展和改革局',
      shortName: '区发改局',
      type: 'department',
      docPrefix: '示发改',
      fields: ['02', '03'],
    },
    {
      code: 'sfq-jyj',
      name: '示范区教育局',
      shortName: '区教育局',
      type: 'department',
      docPrefix: '示教',
      fields: ['24'],
      children: [
        { code: 'sfq-sx1', name: '示范区第一实验小学', shortName: '第一实验小学', type: 'utility', fields: ['24'] },
      ],
    },
    {
      code: 'sfq-mzj',
      name: '示范区民政局',
      shortName: '区民政局',
      type: 'department',
      docPrefix: '示民',
      fields: ['20', '21', '15'],
    },
    {
      code: 'sfq-czj',
      name: '示范区财政局',
      shortName: '区财政局',
      type: 'department',
      docPrefix: '示财',
      fields: ['04'],
    },
    {
      code: 'sfq-rsj',
      name: '示范区人力资源和社会保障局',
      shortName: '区人社局',
      type: 'department',
      docPrefix: '示人社',
      fields: ['18', '19'],
    },
    {
      code: 'sfq-zrj',
      name: '示范区自然资源和规划局',
      shortName: '区自然资源局',
      type: 'department',
      docPrefix: '示自然资源',
      fields: ['01', '07'],
    },
    {
      code: 'sfq-zjj',
      name: '示范区住房和城乡建设局',
      shortName: '区住建局',
      type: 'department',
      docPrefix: '示建',
      fields: ['08', '09', '10', '26'],
      children: [
        { code: 'sfq-water', name: '示范区自来水有限公司', shortName: '区自来水公司', type: 'utility', fields: ['26'] },
        { code: 'sfq-gas', name: '示范区燃气有限公司', shortName: '区燃气公司', type: 'utility', fields: ['26'] },
      ],
    },
    {
      code: 'sfq-hbj',
      name: '示范区生态环境分局',
      shortName: '区生态环境分局',
      type: 'department',
      docPrefix: '示环',
      fields: ['11'],
    },
    {
      code: 'sfq-wjj',
      name: '示范区卫生健康局',
      shortName: '区卫健局',
      type: 'department',
      docPrefix: '示卫健',
      fields: ['25'],
      children: [
        { code: 'sfq-hosp', name: '示范区人民医院', shortName: '区人民医院', type: 'utility', fields: ['25'] },
      ],
    },
    {
      code: 'sfq-scj',
      name: '示范区市场监督管理局',
      shortName: '区市场监管局',
      type: 'department',
      docPrefix: '示市监',
      fields: ['16'],
    },
    {
      code: 'sfq-yjj',
      name: '示范区应急管理局',
      shortName: '区应急局',
      type: 'department',
      docPrefix: '示应急',
      fields: ['05', '15'],
    },
    {
      code: 'sfq-nyj',
      name: '示范区农业农村局',
      shortName: '区农业农村局',
      type: 'department',
      docPrefix: '示农',
      fields: ['23', '14'],
    },
    {
      code: 'sfq-wlj',
      name: '示范区文化和旅游局',
      shortName: '区文旅局',
      type: 'department',
      docPrefix: '示文旅',
      fields: ['12'],
    },
    {
      code: 'sfq-sfj',
      name: '示范区司法局',
      shortName: '区司法局',
      type: 'department',
      docPrefix: '示司',
      fields: ['13'],
    },
    {
      code: 'sfq-cgj',
      name: '示范区城市管理局',
      shortName: '区城管局',
      type: 'department',
      docPrefix: '示城管',
      fields: ['17', '26'],
      children: [
        {
          code: 'sfq-bus',
          name: '示范区公共交通集团有限公司',
          shortName: '区公交集团',
          type: 'utility',
          fields: ['26'],
        },
      ],
    },
    {
      code: 'sfq-swj',
      name: '示范区税务局',
      shortName: '区税务局',
      type: 'department',
      docPrefix: '示税',
      fields: ['06'],
    },
    {
      code: 'sfq-gaj',
      name: '示范区公安分局',
      shortName: '区公安分局',
      type: 'department',
      docPrefix: '示公',
      fields: ['22'],
    },
    {
      code: 'sfq-dcjd',
      name: '示范区东城街道办事处',
      shortName: '东城街道',
      type: 'town',
      docPrefix: '东城街',
      fields: ['20', '21', '26'],
      children: [
        village('sfq-dcjd-wc', '东城街道文昌社区居民委员会', 'community'),
        village('sfq-dcjd-xh', '东城街道新华社区居民委员会', 'community'),
        village('sfq-dcjd-cy', '东城街道朝阳社区居民委员会', 'community'),
        village('sfq-dcjd-xf', '东城街道学府社区居民委员会', 'community'),
      ],
    },
    {
      code: 'sfq-xcjd',
      name: '示范区西城街道办事处',
      shortName: '西城街道',
      type: 'town',
      docPrefix: '西城街',
      fields: ['20', '21', '09'],
      children: [
        village('sfq-xcjd-hp', '西城街道和平社区居民委员会', 'community'),
        village('sfq-xcjd-jh', '西城街道锦华社区居民委员会', 'community'),
        village('sfq-xcjd-ly', '西城街道柳荫社区居民委员会', 'community'),
        village('sfq-xcjd-qs', '西城街道清水社区居民委员会', 'community'),
      ],
    },
    {
      code: 'sfq-nhjd',
      name: '示范区南湖街道办事处',
      shortName: '南湖街道',
      type: 'town',
      docPrefix: '南湖街',
      fields: ['20', '18', '12'],
      children: [
        village('sfq-nhjd-hb', '南湖街道湖滨社区居民委员会', 'community'),
        village('sfq-nhjd-hx', '南湖街道荷香社区居民委员会', 'community'),
        village('sfq-nhjd-nq', '南湖街道南桥社区居民委员会', 'community'),
        village('sfq-nhjd-yh', '南湖街道渔火社区居民委员会', 'community'),
      ],
    },
    {
      code: 'sfq-bsjd',
      name: '示范区北山街道办事处',
      shortName: '北山街道',
      type: 'town',
      docPrefix: '北山街',
      fields: ['20', '05', '11'],
      children: [
        village('sfq-bsjd-sj', '北山街道山脚社区居民委员会', 'community'),
        village('sfq-bsjd-sl', '北山街道松林社区居民委员会', 'community'),
        village('sfq-bsjd-yq', '北山街道涌泉社区居民委员会', 'community'),
        village('sfq-bsjd-bs', '北山街道北山村村民委员会'),
      ],
    },
    {
      code: 'sfq-qsz',
      name: '示范区青石镇人民政府',
      shortName: '青石镇',
      type: 'town',
      docPrefix: '青石政',
      fields: ['20', '23', '10', '14'],
      children: [
        village('sfq-qsz-qs', '青石镇青石村村民委员会'),
        village('sfq-qsz-st', '青石镇上塘村村民委员会'),
        village('sfq-qsz-xt', '青石镇下塘村村民委员会'),
        village('sfq-qsz-sq', '青石镇石桥村村民委员会'),
        village('sfq-qsz-ll', '青石镇柳林村村民委员会'),
      ],
    },
    {
      code: 'sfq-bsz',
      name: '示范区白沙镇人民政府',
      shortName: '白沙镇',
      type: 'town',
      docPrefix: '白沙政',
      fields: ['20', '23', '07', '21'],
      children: [
        village('sfq-bsz-bs', '白沙镇白沙村村民委员会'),
        village('sfq-bsz-hw', '白沙镇河湾村村民委员会'),
        village('sfq-bsz-dy', '白沙镇东岳村村民委员会'),
        village('sfq-bsz-gt', '白沙镇高田村村民委员会'),
      ],
    },
    {
      code: 'sfq-lhz',
      name: '示范区临河镇人民政府',
      shortName: '临河镇',
      type: 'town',
      docPrefix: '临河政',
      fields: ['20', '23', '15', '05'],
      children: [
        village('sfq-lhz-lh', '临河镇临河村村民委员会'),
        village('sfq-lhz-dk', '临河镇渡口村村民委员会'),
        village('sfq-lhz-lw', '临河镇芦苇村村民委员会'),
        village('sfq-lhz-xz', '临河镇新洲村村民委员会'),
      ],
    },
    {
      code: 'sfq-tyz',
      name: '示范区桃源镇人民政府',
      shortName: '桃源镇',
      type: 'town',
      docPrefix: '桃源政',
      fields: ['20', '23', '12', '24'],
      children: [
        village('sfq-tyz-ty', '桃源镇桃源村村民委员会'),
        village('sfq-tyz-lj', '桃源镇李家村村民委员会'),
        village('sfq-tyz-ws', '桃源镇五松村村民委员会'),
        village('sfq-tyz-hx', '桃源镇花溪村村民委员会'),
        village('sfq-tyz-yl', '桃源镇云岭村村民委员会'),
      ],
    },
    { code: 'sfq-power', name: '示范区供电服务中心', shortName: '区供电服务中心', type: 'utility', fields: ['26'] },
  ],
};

/** A demo login: username, a display name that names the post (never a person), and its roles. */
export type DemoUser = {
  username: string;
  displayName: string;
  homeCode: string;
  grants: { role: Role; orgCode: string }[];
};

/** Units whose editor, reviewer and admin accounts appear in the printed login list. */
export const FEATURED_UNITS = ['sfq-bgs', 'sfq-jyj', 'sfq-qsz'];

/** Accounts for every role: two admins for the district, and editor/reviewer/admin per unit. */
export function demoUsers(units: DemoUnit[]): DemoUser[] {
  const users: DemoUser[] = [
    {
      username: 'sysadmin',
      displayName: '系统管理员（演示）',
      homeCode: 'sfq',
      grants: [{ role: 'system_admin', orgCode: 'sfq' }],
    },
    {
      username: 'district.admin',
      displayName: '区政府办公室管理员（演示）',
      homeCode: 'sfq-bgs',
      grants: [{ role: 'district_admin', orgCode: 'sfq' }],
    },
    {
      username: 'district.editor',
      displayName: '区政府信息编辑（演示）',
      homeCode: 'sfq-bgs',
      grants: [{ role: 'editor', orgCode: 'sfq' }],
    },
    {
      username: 'district.reviewer',
      displayName: '区政府信息审核（演示）',
      homeCode: 'sfq-bgs',
      grants: [{ role: 'reviewer', orgCode: 'sfq' }],
    },
    {
      username: 'district.foi',
      displayName: '区政府依申请公开经办人（演示）',
      homeCode: 'sfq-bgs',
      grants: [{ role: 'foi_officer', orgCode: 'sfq' }],
    },
    {
      username: 'district.hudong',
      displayName: '区政府互动交流经办人（演示）',
      homeCode: 'sfq-bgs',
      grants: [{ role: 'interaction_officer', orgCode: 'sfq' }],
    },
  ];
  for (const unit of units) {
    if (unit.type !== 'department' && unit.type !== 'town') continue;
    const short = unit.code.replace(/^sfq-/, '');
    users.push(
      {
        username: `${short}.editor`,
        displayName: `${unit.shortName}信息编辑（演示）`,
        homeCode: unit.code,
        grants: [{ role: 'editor', orgCode: unit.code }],
      },
      {
        username: `${short}.reviewer`,
        displayName: `${unit.shortName}信息审核（演示）`,
        homeCode: unit.code,
        grants: [{ role: 'reviewer', orgCode: unit.code }],
      },
      {
        username: `${short}.admin`,
        displayName: `${unit.shortName}单位管理员（演示）`,
        homeCode: unit.code,
        grants: [{ role: 'unit_admin', orgCode: unit.code }],
      },
    );
    // Every department and town receives disclosure requests (条例 Art. 27) and has its officer.
    users.push({
      username: `${short}.foi`,
      displayName: `${unit.shortName}依申请公开经办人（演示）`,
      homeCode: unit.code,
      grants: [{ role: 'foi_officer', orgCode: unit.code }],
    });
  }
  return users;
}

/** Every unit of the tree, depth-first, with its parent's code. */
export function flattenUnits(root: DemoUnit): { unit: DemoUnit; parentCode: string | null; sortOrder: number }[] {
  const out: { unit: DemoUnit; parentCode: string | null; sortOrder: number }[] = [];
  const visit = (unit: DemoUnit, parentCode: string | null, sortOrder: number) => {
    out.push({ unit, parentCode, sortOrder });
    (unit.children ?? []).forEach((child, i) => visit(child, unit.code, i + 1));
  };
  visit(root, null, 0);
  return out;
}
