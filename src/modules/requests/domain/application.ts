import type { FieldIssue } from '../../../platform/errors.ts';
import { isValidCreditCode, isValidIdCardNumber } from '../../../platform/identifiers.ts';
import { isEmailAddress } from '../../../platform/text.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * An application for government information (条例 Art. 29): who asks (name, proof of identity,
 * contact), what they ask for (a description, the 文号 if known) and in what form and by what means
 * they want it. The applicant categories are the columns of the annual report's table 三
 * (国办公开办函〔2021〕30号).
 */

/** 自然人, or 法人或其他组织 (table 三's two column groups). */
export const APPLICANT_KINDS = ['natural', 'legal'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The five kinds of 法人或其他组织 the annual report counts separately. */
export const ORGANISATION_KINDS = ['business', 'research', 'nonprofit', 'legal_service', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  natural: '自然人',
  legal: '法人或其他组织',
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

/** Proof of identity: a person's documents, or an organisation's credit code. */
export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permit',
  'credit_code',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permit: '外国人永久居留身份证',
  credit_code: '统一社会信用代码',
};

/** The form of the information (条例 Art. 29 ¶2 (3), Art. 40). */
export const INFORMATION_FORMS = ['paper', 'electronic'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];
export const INFORMATION_FORM_LABELS: Record<InformationForm, string> = { paper: '纸质', electronic: '电子' };

/** How the applicant wants to receive it (条例 Art. 29 ¶2 (3)). */
export const DELIVERY_METHODS = ['pickup', 'post', 'email', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  pickup: '自行领取',
  post: '邮寄',
  email: '电子邮件',
  online: '网上获取',
};

/** What an applicant submits, as typed; a choice not made (or not one of the options) is null. */
export type ApplicationInput = {
  applicantKind: ApplicantKind | null;
  organisationKind: OrganisationKind | null;
  /** A person's name, or the organisation's name. */
  name: string;
  idType: IdType | null;
  idNumber: string;
  /** For an organisation: the person to contact (and its legal representative's office). */
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  /** What information is asked for: its name or a description that lets the agency find it. */
  description: string;
  /** The document number (文号), when known. */
  documentNumber: string;
  purpose: string;
  form: InformationForm | null;
  delivery: DeliveryMethod | null;
};

/** An application that passed `validateApplication`: every choice made. */
export type ValidApplication = ApplicationInput & {
  applicantKind: ApplicantKind;
  idType: IdType;
  form: InformationForm;
  delivery: DeliveryMethod;
};

export const LIMITS = {
  name: 100,
  idNumber: 40,
  contactPerson: 50,
  phone: 30,
  email: 200,
  address: 200,
  description: 2000,
  descriptionMin: 5,
  documentNumber: 100,
  purpose: 500,
} as const;

/** A mainland mobile number, or a landline with an optional area code and extension. */
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8})$/;
const POSTCODE = /^\d{6}$/;
/** Foreign and permit numbers: letters and digits, as printed. */
const DOCUMENT_NUMBER = /^[A-Za-z0-9]{5,20}$/;

/**
 * Every problem with an application, each on its field (条例 Art. 29: name, proof of identity and
 * contact; a description of the information; the form and the means of delivery).
 */
export function validateApplication(input: ApplicationInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: keyof ApplicationInput, message: string) => issues.push({ field, message });
  const isOrganisation = input.applicantKind === 'legal';

  if (input.applicantKind === null) add('applicantKind', REQUEST_TEXT.applicantKindRequired);
  if (isOrganisation && input.organisationKind === null) add('organisationKind', REQUEST_TEXT.organisationKindRequired);
  if (input.name.length === 0)
    add('name', isOrganisation ? REQUEST_TEXT.organisationNameRequired : REQUEST_TEXT.nameRequired);
  else if (input.name.length > LIMITS.name) add('name', REQUEST_TEXT.tooLong(LIMITS.name));

  if (input.idType === null) {
    add('idType', REQUEST_TEXT.idTypeRequired);
  } else if (input.applicantKind !== null && isOrganisation !== (input.idType === 'credit_code')) {
    add('idType', isOrganisation ? REQUEST_TEXT.organisationIdType : REQUEST_TEXT.personIdType);
  } else if (input.idNumber.length === 0) {
    add('idNumber', REQUEST_TEXT.idNumberRequired);
  } else if (!isValidIdNumber(input.idType, input.idNumber)) {
    add('idNumber', REQUEST_TEXT.idNumberInvalid(ID_TYPE_LABELS[input.idType]));
  }
  if (isOrganisation && input.contactPerson.length === 0) add('contactPerson', REQUEST_TEXT.contactPersonRequired);
  else if (input.contactPerson.length > LIMITS.contactPerson)
    add('contactPerson', REQUEST_TEXT.tooLong(LIMITS.contactPerson));

  if (input.phone.length === 0) add('phone', REQUEST_TEXT.phoneRequired);
  else if (!PHONE.test(input.phone)) add('phone', REQUEST_TEXT.phoneInvalid);
  const emailNeeded = input.delivery === 'email';
  if (input.email.length === 0) {
    if (emailNeeded) add('email', REQUEST_TEXT.emailRequiredForDelivery);
  } else if (input.email.length > LIMITS.email || !isEmailAddress(input.email)) {
    add('email', REQUEST_TEXT.emailInvalid);
  }
  if (input.delivery === 'post' && input.address.length === 0) add('address', REQUEST_TEXT.addressRequiredForPost);
  else if (input.address.length > LIMITS.address) add('address', REQUEST_TEXT.tooLong(LIMITS.address));
  if (input.postcode.length > 0 && !POSTCODE.test(input.postcode)) add('postcode', REQUEST_TEXT.postcodeInvalid);

  if (input.description.length < LIMITS.descriptionMin) add('description', REQUEST_TEXT.descriptionRequired);
  else if (input.description.length > LIMITS.description) add('description', REQUEST_TEXT.tooLong(LIMITS.description));
  if (input.documentNumber.length > LIMITS.documentNumber)
    add('documentNumber', REQUEST_TEXT.tooLong(LIMITS.documentNumber));
  if (input.purpose.length > LIMITS.purpose) add('purpose', REQUEST_TEXT.tooLong(LIMITS.purpose));
  if (input.form === null) add('form', REQUEST_TEXT.formRequired);
  if (input.delivery === null) add('delivery', REQUEST_TEXT.deliveryRequired);
  else if (input.form === 'paper' && (input.delivery === 'email' || input.delivery === 'online')) {
    add('delivery', REQUEST_TEXT.paperNeedsPickupOrPost);
  }
  return issues;
}

/** Whether `number` is a well-formed number of the given kind, with its check character where it has one. */
export function isValidIdNumber(type: IdType, number: string): boolean {
  switch (type) {
    case 'resident_id':
      return isValidIdCardNumber(number);
    case 'credit_code':
      return isValidCreditCode(number.toUpperCase());
    case 'passport':
    case 'hk_macao_permit':
    case 'taiwan_permit':
    case 'foreign_permit':
      return DOCUMENT_NUMBER.test(number);
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * A contact or identity number as lists show it: the first and last characters kept, the rest
 * starred (110105********002X, 138****5678, z***@example.cn).
 */
export function mask(value: string): string {
  if (value.includes('@')) {
    const [local, domain] = value.split('@') as [string, string];
    return `${local.slice(0, 1)}***@${domain}`;
  }
  if (value.length <= 4) return '*'.repeat(value.length);
  const keepStart = value.length >= 15 ? 6 : 3;
  const keepEnd = 4;
  return `${value.slice(0, keepStart)}${'*'.repeat(Math.max(value.length - keepStart - keepEnd, 1))}${value.slice(-keepEnd)}`;
}

/** The last four digits of a phone number: the applicant's second factor on the tracking page. */
export function phoneTail(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

/** An e-mail address as compared: trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Narrows an application with no issues to one whose every choice is made. */
export function isComplete(input: ApplicationInput): input is ValidApplication {
  return input.applicantKind !== null && input.idType !== null && input.form !== null && input.delivery !== null;
}
