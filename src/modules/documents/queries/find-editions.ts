import { scopeFor, type Actor } from '../../access/index.ts';
import type { DocumentStore, EditionFilter, EditionListItem, Page, Paged } from '../ports.ts';

/**
 * Lists editions through the reader's access filter: the public sees published information only,
 * staff see every state inside their own subtrees.
 */
export async function findEditions(options: {
  documents: DocumentStore;
  actor: Actor;
  filter: EditionFilter;
  page: Page;
}): Promise<Paged<EditionListItem>> {
  const scope = scopeFor(options.actor, 'document.read');
  const filter: EditionFilter =
    scope.kind === 'public' ? { ...options.filter, states: options.filter.states ?? ['published'] } : options.filter;
  return options.documents.findEditions(scope, filter, options.page);
}
