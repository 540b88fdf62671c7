import type { ServiceBundle, ServiceBundleInput } from '../domain/bundle.ts';
import type { ServiceGuide, ServiceGuideInput } from '../domain/guide.ts';

/** A form's values as sent: one string per field, a list for the check boxes. */
export type FormValues = Record<string, string | string[]>;

/** How many rows of each list the guide form offers (no JavaScript adds rows). */
export const MATERIAL_ROWS = 10;
export const STEP_ROWS = 8;
export const FAQ_ROWS = 5;
/** How many guides a bundle form offers to choose. */
export const BUNDLE_GUIDE_ROWS = 8;

/** One value of a field ('' when absent; the first when sent twice). */
export const one = (values: FormValues, name: string): string => {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};
/** Every value of a check-box field. */
export const many = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
};
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The guide the form describes, for `checkGuide`. */
export function guideInputOf(values: FormValues): ServiceGuideInput {
  const v = (name: string) => one(values, name);
  return {
    name: v('name'),
    itemType: v('itemType'),
    audiences: many(values, 'audiences'),
    events: many(values, 'events'),
    basis: v('basis'),
    conditions: v('conditions'),
    materials: range(MATERIAL_ROWS).map((i) => ({
      name: v(`materials.${i}.name`),
      form: v(`materials.${i}.form`),
      copies: v(`materials.${i}.copies`),
      required: v(`materials.${i}.required`) !== 'deferrable',
      notes: v(`materials.${i}.notes`),
    })),
    steps: range(STEP_ROWS).map((i) => v(`steps.${i}`)),
    legalDays: v('legalDays'),
    promisedDays: v('promisedDays'),
    feeFree: v('feeFree') === 'on',
    feeStandard: v('feeStandard'),
    feeBasis: v('feeBasis'),
    place: v('place'),
    hours: v('hours'),
    phone: v('phone'),
    complaint: v('complaint'),
    faqs: range(FAQ_ROWS).map((i) => ({ question: v(`faqs.${i}.question`), answer: v(`faqs.${i}.answer`) })),
  };
}

/** A saved guide as the form's values, to edit its next edition. */
export function valuesOfGuide(guide: ServiceGuide): FormValues {
  const values: FormValues = {
    name: guide.name,
    itemType: guide.itemType,
    audiences: guide.audiences,
    events: guide.events,
    basis: guide.basis,
    conditions: guide.conditions,
    legalDays: String(guide.legalDays),
    promisedDays: String(guide.promisedDays),
    feeFree: guide.fee ? '' : 'on',
    feeStandard: guide.fee?.standard ?? '',
    feeBasis: guide.fee?.basis ?? '',
    place: guide.place,
    hours: guide.hours,
    phone: guide.phone,
    complaint: guide.complaint,
  };
  guide.materials.forEach((m, i) => {
    values[`materials.${i}.name`] = m.name;
    values[`materials.${i}.form`] = m.form;
    values[`materials.${i}.copies`] = String(m.copies);
    values[`materials.${i}.required`] = m.required ? 'required' : 'deferrable';
    values[`materials.${i}.notes`] = m.notes;
  });
  guide.steps.forEach((s, i) => (values[`steps.${i}`] = s));
  guide.faqs.forEach((f, i) => {
    values[`faqs.${i}.question`] = f.question;
    values[`faqs.${i}.answer`] = f.answer;
  });
  return values;
}

/** The bundle the form describes, for `checkBundle`; its steps are one per line. */
export function bundleInputOf(values: FormValues): ServiceBundleInput {
  const v = (name: string) => one(values, name);
  return {
    name: v('name'),
    summary: v('summary'),
    audiences: many(values, 'audiences'),
    event: v('event'),
    guideDocumentIds: range(BUNDLE_GUIDE_ROWS).map((i) => v(`guides.${i}`)),
    steps: v('steps').split(/\r?\n/),
    promisedDays: v('promisedDays'),
  };
}

/** A saved bundle as the form's values. */
export function valuesOfBundle(bundle: ServiceBundle): FormValues {
  const values: FormValues = {
    name: bundle.name,
    summary: bundle.summary,
    audiences: bundle.audiences,
    event: bundle.event,
    steps: bundle.steps.join('\n'),
    promisedDays: String(bundle.promisedDays),
  };
  bundle.guideDocumentIds.forEach((id, i) => (values[`guides.${i}`] = id));
  return values;
}
