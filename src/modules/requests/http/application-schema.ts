import { z } from 'zod';
import {
  APPLICANT_KINDS,
  DELIVERY_METHODS,
  ID_TYPES,
  INFORMATION_FORMS,
  ORGANISATION_KINDS,
  type ApplicationInput,
} from '../domain/application.ts';

/** Longest any one field may be before it is read at all; the domain holds the real limits. */
const HARD_CAP = 5000;
const text = (description: string) => z.string().max(HARD_CAP).trim().default('').meta({ description });
/** A choice: one of the options, or null (reported by the domain as not made) for anything else. */
const choice = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z.enum(values).nullable().default(null).catch(null).meta({ description });

/**
 * An application (条例 Art. 29) as the form and the API send it. Every field is read, whatever is
 * wrong with the others, so one answer lists every problem.
 */
export const ApplicationBody = z.object({
  agency: text('受理机关的单位代码（村、社区的申请由所在镇街受理）'),
  applicantKind: choice(APPLICANT_KINDS, '申请人类型：natural 自然人，legal 法人或其他组织'),
  organisationKind: choice(ORGANISATION_KINDS, '法人或其他组织的类型（年报表三的分类）'),
  name: text('姓名，或法人、其他组织的名称'),
  idType: choice(ID_TYPES, '身份证明类型'),
  idNumber: text('身份证明号码（居民身份证校验末位）'),
  contactPerson: text('联系人（法人或其他组织必填）'),
  phone: text('联系电话'),
  email: text('电子邮箱（选择电子邮件获取时必填）'),
  address: text('通信地址（选择邮寄时必填）'),
  postcode: text('邮政编码'),
  description: text('所需政府信息的名称、文号或者便于查询的其他特征性描述'),
  documentNumber: text('文号（如知道）'),
  purpose: text('用途（可不填）'),
  form: choice(INFORMATION_FORMS, '信息的形式：paper 纸质，electronic 电子'),
  delivery: choice(DELIVERY_METHODS, '获取方式：pickup 自行领取，post 邮寄，email 电子邮件，online 网上获取'),
});

export type ApplicationBody = z.output<typeof ApplicationBody>;

/** The application the domain checks, from the parsed body. */
export function applicationInput(body: ApplicationBody): { agencyCode: string; input: ApplicationInput } {
  const { agency, ...input } = body;
  return { agencyCode: agency, input };
}
