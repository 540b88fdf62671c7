import { pilotField } from '../../../reference/pilot-fields.ts';
import type { Org } from '../../orgs/index.ts';
import type { SearchFacets } from '../ports.ts';

/** A unit facet with the code the `org` filter takes (units no longer listed are left out). */
export type UnitFacet = { code: string; name: string; count: number };
/** A field facet with its name. */
export type FieldFacet = { code: string | null; name: string | null; count: number };

/** The facets as the page and the API show them: units by code, fields with their names. */
export function presentFacets(
  facets: SearchFacets | null,
  orgs: readonly Org[],
): { units: UnitFacet[]; fields: FieldFacet[] } | null {
  if (!facets) return null;
  const byId = new Map(orgs.map((org) => [org.id, org]));
  return {
    units: facets.units.flatMap((unit) => {
      const org = byId.get(unit.orgId);
      return org ? [{ code: org.code, name: unit.orgName, count: unit.count }] : [];
    }),
    fields: facets.fields.map((field) => ({
      code: field.fieldCode,
      name: field.fieldCode ? (pilotField(field.fieldCode)?.name ?? field.fieldCode) : null,
      count: field.count,
    })),
  };
}
