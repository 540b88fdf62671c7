import type { FieldIssue } from '../../../platform/errors.ts';
import type { DocumentStore, Edition } from '../../documents/index.ts';

/**
 * The published documents an interpretation or a response links to, in the order given (blanks and
 * repeats dropped), with an issue on `field` for too many and for each that is not published.
 */
export async function liveLinked(
  documents: DocumentStore,
  ids: readonly string[],
  rule: { field: string; max: number; tooMany: (max: number) => string; notPublished: (id: string) => string },
): Promise<{ editions: Edition[]; issues: FieldIssue[] }> {
  const wanted = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
  const issues: FieldIssue[] = [];
  if (wanted.length > rule.max) issues.push({ field: rule.field, message: rule.tooMany(rule.max) });
  const editions: Edition[] = [];
  for (const id of wanted.slice(0, rule.max)) {
    const live = (await documents.editionsOf(id)).find((e) => e.state === 'published');
    if (live) editions.push(live);
    else issues.push({ field: rule.field, message: rule.notPublished(id) });
  }
  return { editions, issues };
}
