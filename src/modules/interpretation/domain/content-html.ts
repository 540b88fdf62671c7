import { escapeHtml as escape } from '../../../platform/sanitize.ts';
import type { ContentBlock } from './content.ts';
import { graphicBodyHtml, paragraphs } from './graphic-html.ts';

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
          return `<h3>问：${escape(block.question)}</h3>${texts(`答：${block.answer}`)}`;
        case 'media':
          return [
            `<p>来源：${escape(block.outlet)}　发布日期：${escape(block.publishedOn)}</p>`,
            block.summary ? texts(block.summary) : '',
            `<p><a href="${escape(block.url)}">阅读媒体原文</a></p>`,
          ].join('');
        case 'case':
          return `<h3>${escape(block.title)}</h3>${texts(block.text)}`;
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
