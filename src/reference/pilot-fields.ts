import data from './pilot-fields.json' with { type: 'json' };

/** One of the 26 pilot fields of grassroots disclosure (国办发〔2019〕54号). */
export type PilotField = { code: string; name: string; en: string };

/** The 26 pilot fields, in their official order. */
export const PILOT_FIELDS: readonly PilotField[] = data.fields;

const BY_CODE = new Map(PILOT_FIELDS.map((field) => [field.code, field]));

/** The pilot field with this two-digit code, if any. */
export function pilotField(code: string): PilotField | undefined {
  return BY_CODE.get(code);
}
