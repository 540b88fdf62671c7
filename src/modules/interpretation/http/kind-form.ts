import type { ContentBlock, ContentBlockInput } from '../domain/content.ts';

/** The kinds the plain form writes (图解 has its builder, 视频/动漫 its files). */
export const FORM_KINDS = ['text', 'qa', 'media', 'case'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** How many questions and cases the form offers. */
export const QA_PLACES = 5;
export const CASE_PLACES = 3;

/**
 * The places of each kind's form, in order, each with the block it makes and the fields it reads
 * (`<place>.<field>`); a place left blank is not a block.
 */
export function placesOf(kind: FormKind): { place: string; block: ContentBlockInput['kind']; fields: string[] }[] {
  const heading = { place: 'heading', block: 'heading' as const, fields: ['text'] };
  const text = (place: string) => ({ place, block: 'text' as const, fields: ['text'] });
  switch (kind) {
    case 'text':
      return [heading, text('text'), text('text2')];
    case 'qa':
      return [
        text('text'),
        ...Array.from({ length: QA_PLACES }, (_, i) => ({
          place: `qa${i + 1}`,
          block: 'qa' as const,
          fields: ['question', 'answer'],
        })),
      ];
    case 'media':
      return [{ place: 'media', block: 'media', fields: ['outlet', 'publishedOn', 'url', 'summary'] }, text('text')];
    case 'case':
      return [
        text('text'),
        ...Array.from({ length: CASE_PLACES }, (_, i) => ({
          place: `case${i + 1}`,
          block: 'case' as const,
          fields: ['title', 'text'],
        })),
      ];
    default: {
      const never: never = kind;
      throw new TypeError(`unknown kind ${String(never)}`);
    }
  }
}

/** The blocks the filled places make, and for each block the place it came from. */
export function blocksOfKindForm(
  kind: FormKind,
  values: Record<string, string>,
): { blocks: ContentBlockInput[]; places: string[] } {
  const blocks: ContentBlockInput[] = [];
  const places: string[] = [];
  for (const { place, block, fields } of placesOf(kind)) {
    const v = (name: string) => values[`${place}.${name}`] ?? '';
    if (fields.every((name) => v(name).trim() === '')) continue;
    places.push(place);
    switch (block) {
      case 'heading':
      case 'text':
        blocks.push({ kind: block, text: v('text') });
        break;
      case 'qa':
        blocks.push({ kind: 'qa', question: v('question'), answer: v('answer') });
        break;
      case 'media':
        blocks.push({
          kind: 'media',
          outlet: v('outlet'),
          publishedOn: v('publishedOn'),
          url: v('url'),
          summary: v('summary'),
        });
        break;
      case 'case':
        blocks.push({ kind: 'case', title: v('title'), text: v('text') });
        break;
      case 'figure':
      case 'chart':
      case 'video':
        throw new TypeError(`no form place makes a ${block} block`);
      default: {
        const never: never = block;
        throw new TypeError(`unknown block ${String(never)}`);
      }
    }
  }
  return { blocks, places };
}

/** A saved interpretation's blocks as its kind's form values: each block in the next place that takes it. */
export function kindFormOfBlocks(kind: FormKind, blocks: readonly ContentBlock[]): Record<string, string> {
  const values: Record<string, string> = {};
  const free = placesOf(kind);
  for (const block of blocks) {
    const at = free.findIndex((place) => place.block === block.kind);
    if (at < 0) continue;
    const [{ place }] = free.splice(at, 1) as [ReturnType<typeof placesOf>[number]];
    const fields: Record<string, string> =
      block.kind === 'heading' || block.kind === 'text'
        ? { text: block.text }
        : block.kind === 'qa'
          ? { question: block.question, answer: block.answer }
          : block.kind === 'media'
            ? { outlet: block.outlet, publishedOn: block.publishedOn, url: block.url, summary: block.summary }
            : block.kind === 'case'
              ? { title: block.title, text: block.text }
              : {};
    for (const [name, value] of Object.entries(fields)) values[`${place}.${name}`] = value;
  }
  return values;
}
