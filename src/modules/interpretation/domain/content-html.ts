import { escapeHtml as escape } from '../../../platform/html-text.ts';
import type { ContentBlock } from './content.ts';
import { graphicBodyHtml, paragraphs } from './graphic-html.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

const K = INTERPRETATION_TEXT.content;

const texts = (text: string) =>
  paragraphs(text)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('');

/**
 * Any interpretation's blocks as plain HTML, the edition's body: what search indexes and the page
 * shows for kinds other than 图解. A question is a heading with its answer below; a media piece names
 * its outlet and date and links to the original; a case is a heading with its paragraphs.
 */
export function contentBodyHtml(blocks: readonly ContentBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'qa':
          return `<h3>${escape(K.question(block.question))}</h3>${texts(K.answer(block.answer))}`;
        case 'media':
          return [
            `<p>${escape(K.source(block.outlet, block.publishedOn))}</p>`,
            block.summary ? texts(block.summary) : '',
            `<p><a href="${escape(block.url)}">${K.readOriginal}</a></p>`,
          ].join('');
        case 'case':
          return `<h3>${escape(block.title)}</h3>${texts(block.text)}`;
        case 'video':
          return `${texts(block.description)}<p>${escape(K.videoNote)}</p>`;
        case 'heading':
        case 'text':
        case 'figure':
        case 'chart':
          return graphicBodyHtml([block]);
        default: {
          const never: never = block;
          throw new TypeError(`unknown block ${JSON.stringify(never)}`);
        }
      }
    })
    .join('\n');
}
