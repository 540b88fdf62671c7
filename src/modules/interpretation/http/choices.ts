import { can, type Actor } from '../../access/index.ts';
import { findEditions } from '../../documents/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import type { InterpretationWebDeps } from './deps.ts';

/** Published documents offered to link: the newest of the reader's units. */
const DOCUMENT_CHOICES = 200;

/** The units the reader may draft documents for (an interpretation or a response is one). */
export async function draftableOrgs(ctx: InterpretationWebDeps, actor: Actor) {
  return (await listOrgs(ctx.stores)).filter((org) => can(actor, 'document.draft', org.path));
}

/** The newest published documents the reader can see, as choices of a select list. */
export async function publishedChoices(
  ctx: InterpretationWebDeps,
  actor: Actor,
  keep: (genre: string) => boolean = () => true,
): Promise<{ value: string; label: string }[]> {
  const page = await findEditions({
    documents: ctx.stores.documents,
    actor,
    filter: { states: ['published'] },
    page: { offset: 0, limit: DOCUMENT_CHOICES },
  });
  return page.items
    .filter((item) => keep(item.edition.content.genre))
    .map((item) => ({
      value: item.document.id,
      label: `${item.edition.content.title}${item.edition.content.docNumber ? `（${item.edition.content.docNumber}）` : ''}`,
    }));
}
