import { normaliseMaterialName, type Material } from './guide.ts';
import { MATERIAL_FORMS, type MaterialForm } from './vocabulary.ts';

/** A service of a bundle, as the merge reads it: which service, and what it asks for. */
export type BundledService = { documentId: string; name: string; materials: readonly Material[] };

/** One line of a bundle's merged materials list, with the services that need the material. */
export type MergedMaterial = {
  /** The name as the first service that asks for it spells it. */
  name: string;
  /** Every form asked for, in the order 原件, 复印件, 电子件. */
  forms: MaterialForm[];
  /** The most copies any service asks for: one set handed in serves them all. */
  copies: number;
  /** Required when any service requires it; 容缺 only when every service accepts it later. */
  required: boolean;
  /** Each service's note, once each. */
  notes: string[];
  neededBy: { documentId: string; name: string }[];
};

/**
 * The one materials list of a 一件事 bundle: the same material asked for by several services is
 * listed once, saying which services need it, so that the applicant hands it in once (国办发〔2024〕3号,
 * "一张表单、一套材料"). Materials are the same when their names are (see `normaliseMaterialName`);
 * the list follows the services' order, each material where it first appears.
 */
export function mergeMaterials(services: readonly BundledService[]): MergedMaterial[] {
  const merged = new Map<string, MergedMaterial>();
  for (const service of services) {
    for (const material of service.materials) {
      const key = normaliseMaterialName(material.name);
      let line = merged.get(key);
      if (!line) {
        line = { name: material.name, forms: [], copies: 0, required: false, notes: [], neededBy: [] };
        merged.set(key, line);
      }
      if (!line.forms.includes(material.form)) {
        line.forms = MATERIAL_FORMS.filter((form) => form === material.form || line.forms.includes(form));
      }
      line.copies = Math.max(line.copies, material.copies);
      line.required ||= material.required;
      if (material.notes !== '' && !line.notes.includes(material.notes)) line.notes.push(material.notes);
      if (!line.neededBy.some((s) => s.documentId === service.documentId)) {
        line.neededBy.push({ documentId: service.documentId, name: service.name });
      }
    }
  }
  return [...merged.values()];
}
