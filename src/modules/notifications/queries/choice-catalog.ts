import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import { AUDIENCES, POLICY_TAGS, TOPICS } from '../../documents/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { ChoiceKind, ChoiceVocabulary } from '../domain/choices.ts';

/** A choice as a form offers it. */
export type ChoiceOption = { value: string; label: string };

/** Everything a subscriber may choose, the forms' options, and a value's name for mails and pages. */
export type ChoiceCatalog = {
  vocabulary: ChoiceVocabulary;
  /** The options a form shows, per kind (units: the district and the units directly under it). */
  options: Record<ChoiceKind, ChoiceOption[]>;
  nameOf: (kind: ChoiceKind, value: string) => string;
};

/** Units deeper than this are not offered on the form; a town's subscribers hear its villages too. */
const OFFERED_UNIT_DEPTH = 1;

export async function choiceCatalog(orgs: OrgStore): Promise<ChoiceCatalog> {
  const units: Org[] = await orgs.listAll();
  const unitNames = new Map(units.map((org) => [org.id, org.name]));
  const fieldNames = new Map(PILOT_FIELDS.map((field) => [field.code, field.name]));
  const same = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
  return {
    vocabulary: {
      org: units.map((org) => org.id),
      field: PILOT_FIELDS.map((field) => field.code),
      topic: TOPICS,
      audience: AUDIENCES,
      policy: POLICY_TAGS,
    },
    options: {
      org: units.filter((org) => org.depth <= OFFERED_UNIT_DEPTH).map((org) => ({ value: org.id, label: org.name })),
      field: PILOT_FIELDS.map((field) => ({ value: field.code, label: field.name })),
      topic: same(TOPICS),
      audience: same(AUDIENCES),
      policy: same(POLICY_TAGS),
    },
    nameOf: (kind, value) =>
      kind === 'org' ? (unitNames.get(value) ?? value) : kind === 'field' ? (fieldNames.get(value) ?? value) : value,
  };
}
