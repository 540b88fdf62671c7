import type { FieldIssue } from '../../../platform/errors.ts';
import { SERVICE_TEXT } from '../strings.ts';
import {
  AUDIENCES,
  ITEM_TYPES,
  LIFE_EVENTS,
  MATERIAL_FORMS,
  type Audience,
  type ItemType,
  type LifeEvent,
  type MaterialForm,
} from './vocabulary.ts';

const T = SERVICE_TEXT.guide;

/** One material an applicant hands in (申请材料). */
export type Material = {
  name: string;
  form: MaterialForm;
  copies: number;
  /** false: 容缺 — the service may be accepted while it is handed in later. */
  required: boolean;
  notes: string;
};

/** A question people often ask, with its answer (常见问题). */
export type Faq = { question: string; answer: string };

/**
 * A service guide (办事指南) with every element a guide must state. 国发〔2016〕55号 asks each
 * service item's guide to state its basis, conditions, materials, flow, time limit and fees, where
 * and when it is handled and how to ask and complain, so that people can prepare before they come.
 */
export type ServiceGuide = {
  name: string;
  itemType: ItemType;
  audiences: Audience[];
  events: LifeEvent[];
  basis: string;
  conditions: string;
  materials: Material[];
  steps: string[];
  /** 法定办结时限 in working days; 0 when the law sets none shorter than on the spot. */
  legalDays: number;
  /** 承诺办结时限 in working days; 0 is 即办 (on the spot). */
  promisedDays: number;
  /** null: the service is free (不收费). */
  fee: { standard: string; basis: string } | null;
  place: string;
  hours: string;
  phone: string;
  complaint: string;
  faqs: Faq[];
};

/** A guide as a form or the API sends it, before it is checked; blank list rows are not entries. */
export type ServiceGuideInput = {
  name: string;
  itemType: string;
  audiences: readonly string[];
  events: readonly string[];
  basis: string;
  conditions: string;
  materials: readonly { name: string; form: string; copies: string | number; required: boolean; notes: string }[];
  steps: readonly string[];
  legalDays: string | number;
  promisedDays: string | number;
  feeFree: boolean;
  feeStandard: string;
  feeBasis: string;
  place: string;
  hours: string;
  phone: string;
  complaint: string;
  faqs: readonly { question: string; answer: string }[];
};

export const GUIDE_LIMITS = {
  name: 100,
  text: 2000,
  materials: 30,
  materialName: 100,
  materialNotes: 200,
  steps: 20,
  step: 300,
  faqs: 20,
  question: 200,
  answer: 1000,
  place: 300,
  hours: 200,
  complaint: 500,
  feeStandard: 500,
  feeBasis: 500,
  days: 365,
} as const;

export type GuideCheck = { ok: true; guide: ServiceGuide } | { ok: false; issues: FieldIssue[] };

const PHONE = /^[0-9\-（）() ]{7,30}$/;

/**
 * Checks a guide for publication: every required element present and well-formed. Returns the
 * normalised guide, or every problem found, each tied to the form field it concerns (list rows as
 * `materials.<n>.<field>`, `steps.<n>`, `faqs.<n>.<field>`, numbered from 0 as sent) so the page can
 * show it beside the field. A list row left entirely blank is not an entry.
 */
export function checkGuide(input: ServiceGuideInput): GuideCheck {
  const issues: FieldIssue[] = [];
  const text = (field: string, value: string, max: number, missing: string): string => {
    const trimmed = value.trim();
    if (trimmed === '') issues.push({ field, message: missing });
    else if ([...trimmed].length > max) issues.push({ field, message: T.tooLong(max) });
    return trimmed;
  };

  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '') issues.push({ field: 'name', message: T.nameRequired });
  else if ([...name].length > GUIDE_LIMITS.name)
    issues.push({ field: 'name', message: T.nameTooLong(GUIDE_LIMITS.name) });

  const itemType = ITEM_TYPES.find((t) => t === input.itemType.trim());
  if (!itemType) issues.push({ field: 'itemType', message: T.itemTypeRequired });

  const audiences = AUDIENCES.filter((a) => input.audiences.includes(a));
  if (audiences.length === 0) issues.push({ field: 'audiences', message: T.audienceRequired });
  if (input.events.some((e) => !(LIFE_EVENTS as readonly string[]).includes(e))) {
    issues.push({ field: 'events', message: T.eventUnknown });
  }
  const events = LIFE_EVENTS.filter((e) => input.events.includes(e));

  const basis = text('basis', input.basis, GUIDE_LIMITS.text, T.basisRequired);
  const conditions = text('conditions', input.conditions, GUIDE_LIMITS.text, T.conditionsRequired);

  const materials: Material[] = [];
  const seen = new Set<string>();
  input.materials.forEach((row, index) => {
    if (row.name.trim() === '' && row.notes.trim() === '') return;
    const at = (field: string) => `materials.${index}.${field}`;
    const materialName = text(at('name'), row.name, GUIDE_LIMITS.materialName, T.materialNameRequired);
    const form = MATERIAL_FORMS.find((f) => f === row.form);
    if (!form) issues.push({ field: at('form'), message: T.materialFormRequired });
    const copies = wholeNumber(row.copies);
    if (copies === undefined || copies < 1 || copies > 99)
      issues.push({ field: at('copies'), message: T.materialCopies });
    const notes = row.notes.trim();
    if ([...notes].length > GUIDE_LIMITS.materialNotes) {
      issues.push({ field: at('notes'), message: T.tooLong(GUIDE_LIMITS.materialNotes) });
    }
    const key = `${normaliseMaterialName(materialName)}|${form ?? ''}`;
    if (materialName !== '' && seen.has(key)) issues.push({ field: at('name'), message: T.materialDuplicate });
    seen.add(key);
    if (form && copies !== undefined)
      materials.push({ name: materialName, form, copies, required: row.required, notes });
  });
  if (materials.length === 0 && !issues.some((i) => i.field.startsWith('materials.'))) {
    issues.push({ field: 'materials', message: T.materialsRequired });
  }
  if (materials.length > GUIDE_LIMITS.materials) {
    issues.push({ field: 'materials', message: T.tooMany(GUIDE_LIMITS.materials) });
  }

  const steps: string[] = [];
  input.steps.forEach((step, index) => {
    const trimmed = step.trim();
    if (trimmed === '') return;
    if ([...trimmed].length > GUIDE_LIMITS.step)
      issues.push({ field: `steps.${index}`, message: T.tooLong(GUIDE_LIMITS.step) });
    steps.push(trimmed);
  });
  if (steps.length === 0) issues.push({ field: 'steps', message: T.stepsRequired });
  if (steps.length > GUIDE_LIMITS.steps) issues.push({ field: 'steps', message: T.tooMany(GUIDE_LIMITS.steps) });

  const legalDays = wholeNumber(input.legalDays);
  if (legalDays === undefined || legalDays < 0 || legalDays > GUIDE_LIMITS.days) {
    issues.push({ field: 'legalDays', message: T.legalDays });
  }
  const promisedDays = wholeNumber(input.promisedDays);
  if (promisedDays === undefined || promisedDays < 0 || promisedDays > GUIDE_LIMITS.days) {
    issues.push({ field: 'promisedDays', message: T.promisedDays });
  } else if (legalDays !== undefined && legalDays > 0 && promisedDays > legalDays) {
    // The promised limit is the legal one shortened (国办发〔2024〕3号 asks units to compress time limits), never longer.
    issues.push({ field: 'promisedDays', message: T.promisedOverLegal });
  }

  let fee: ServiceGuide['fee'] = null;
  if (!input.feeFree) {
    const standard = text('feeStandard', input.feeStandard, GUIDE_LIMITS.feeStandard, T.feeStandardRequired);
    const feeBasis = text('feeBasis', input.feeBasis, GUIDE_LIMITS.feeBasis, T.feeBasisRequired);
    fee = { standard, basis: feeBasis };
  }

  const place = text('place', input.place, GUIDE_LIMITS.place, T.placeRequired);
  const hours = text('hours', input.hours, GUIDE_LIMITS.hours, T.hoursRequired);
  const phone = input.phone.trim();
  if (phone === '') issues.push({ field: 'phone', message: T.phoneRequired });
  else if (!PHONE.test(phone)) issues.push({ field: 'phone', message: T.phoneShape });
  const complaint = text('complaint', input.complaint, GUIDE_LIMITS.complaint, T.complaintRequired);

  const faqs: Faq[] = [];
  input.faqs.forEach((row, index) => {
    const question = row.question.trim();
    const answer = row.answer.trim();
    if (question === '' && answer === '') return;
    if (question === '') issues.push({ field: `faqs.${index}.question`, message: T.faqIncomplete });
    else if ([...question].length > GUIDE_LIMITS.question) {
      issues.push({ field: `faqs.${index}.question`, message: T.tooLong(GUIDE_LIMITS.question) });
    }
    if (answer === '') issues.push({ field: `faqs.${index}.answer`, message: T.faqIncomplete });
    else if ([...answer].length > GUIDE_LIMITS.answer) {
      issues.push({ field: `faqs.${index}.answer`, message: T.tooLong(GUIDE_LIMITS.answer) });
    }
    faqs.push({ question, answer });
  });
  if (faqs.length > GUIDE_LIMITS.faqs) issues.push({ field: 'faqs', message: T.tooMany(GUIDE_LIMITS.faqs) });

  if (issues.length > 0 || !itemType || legalDays === undefined || promisedDays === undefined) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    guide: {
      name,
      itemType,
      audiences,
      events,
      basis,
      conditions,
      materials,
      steps,
      legalDays,
      promisedDays,
      fee,
      place,
      hours,
      phone,
      complaint,
      faqs,
    },
  };
}

/** A whole number written plainly (digits only, or a number), else undefined. */
export function wholeNumber(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const trimmed = value.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * A material's name as two services' lists are compared: full-width letters and digits folded to
 * half-width (NFKC), spaces and punctuation dropped, brackets' content kept, Latin letters lower-case.
 * 《居民身份证》 and 居民身份证 are the same material.
 */
export function normaliseMaterialName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}
