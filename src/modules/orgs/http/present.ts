import { z } from 'zod';
import { DISCLOSURE_LEVELS, ORG_TYPE_LABELS, ORG_TYPES, acceptsRequests, type Org } from '../domain/org.ts';

export const OrgView = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    code: z.string().meta({ description: '单位代码' }),
    name: z.string(),
    shortName: z.string(),
    type: z.enum(ORG_TYPES),
    typeLabel: z.string(),
    creditCode: z.string().nullable().meta({ description: '统一社会信用代码' }),
    levels: z.array(z.enum(DISCLOSURE_LEVELS)).meta({ description: '公开层级' }),
    depth: z.number(),
    acceptsRequests: z.boolean().meta({
      description: '是否受理依申请公开（村、社区由所在镇街受理，条例第二十七条；公共企事业单位按第五十五条另行办理）',
    }),
    isDemo: z.boolean(),
  })
  .meta({ id: 'Org' });

export function presentOrg(org: Org): z.infer<typeof OrgView> {
  return {
    id: org.id,
    parentId: org.parentId,
    code: org.code,
    name: org.name,
    shortName: org.shortName,
    type: org.type,
    typeLabel: ORG_TYPE_LABELS[org.type],
    creditCode: org.creditCode,
    levels: org.levels,
    depth: org.depth,
    acceptsRequests: acceptsRequests(org.type),
    isDemo: org.isDemo,
  };
}
