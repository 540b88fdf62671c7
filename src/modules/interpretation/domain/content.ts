import { INTERPRETATION_TEXT } from '../strings.ts';
import {
  checkGraphic,
  GRAPHIC_LIMITS,
  MAX_GRAPHIC_BLOCKS,
  MIN_DESCRIPTION,
  textReader,
  type GraphicBlock,
  type GraphicBlockInput,
} from './graphic.ts';
import type { InterpretationKind } from './kinds.ts';

/**
 * The blocks of the interpretations that are not graphic (plan §三.5 encourages media interpretation,
 * short Q&A and cases beside the 图解): a question with its answer (简明问答), a media piece recorded
 * with its outlet and date and a link to it (媒体解读), and a case told in a few paragraphs (案例说明).
 * Text is plain, as in a 图解; the page escapes it.
 */
export type ExtraBlock =
  | { kind: 'qa'; question: string; answer: string }
  /** A video (视频/动漫) published as the edition's attachments: the file, its captions, its cover. */
  | { kind: 'video'; description: string; video: string; captions: string; poster: string }
  | { kind: 'media'; outlet: string; publishedOn: string; url: string; summary: string }
  | { kind: 'case'; title: string; text: string };

export type ContentBlockInput = GraphicBlockInput | ExtraBlock;
export type ContentBlock = GraphicBlock | ExtraBlock;

export const EXTRA_LIMITS = {
  question: 200,
  answer: 2000,
  outlet: 60,
  url: 500,
  summary: 1000,
  caseTitle: 60,
  caseText: 3000,
};

/** The kinds this check builds: every kind. */
export type BlockKind = InterpretationKind;

/** Which blocks each kind is made of, and the one it cannot do without. */
const SHAPES: Record<
  Exclude<BlockKind, 'graphic'>,
  { allowed: ContentBlock['kind'][]; required: ContentBlock['kind'] }
> = {
  text: { allowed: ['heading', 'text'], required: 'text' },
  qa: { allowed: ['heading', 'text', 'qa'], required: 'qa' },
  media: { allowed: ['media', 'text'], required: 'media' },
  case: { allowed: ['heading', 'text', 'case'], required: 'case' },
  video: { allowed: ['video', 'text'], required: 'video' },
};

/** The files of a video and the extensions each may have. */
const VIDEO_FILES = { video: ['mp4', 'webm'], captions: ['vtt'], poster: ['png', 'jpg', 'jpeg'] } as const;

export type ContentIssue = { block: number | null; field: string; message: string };
export type ContentCheck = { ok: true; blocks: ContentBlock[] } | { ok: false; issues: ContentIssue[] };

const T = INTERPRETATION_TEXT.graphic;
const K = INTERPRETATION_TEXT.content;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks an interpretation's blocks for its kind, block by block and field by field; a 图解 is checked
 * by `checkGraphic`. `today` refuses a media piece dated in the future.
 */
export function checkInterpretation(kind: BlockKind, input: readonly ContentBlockInput[], today: string): ContentCheck {
  if (kind === 'graphic') {
    const graphic = input.filter((block): block is GraphicBlockInput => !isExtra(block));
    if (graphic.length !== input.length) {
      return {
        ok: false,
        issues: [{ block: null, field: 'blocks', message: K.notAllowed(INTERPRETATION_TEXT.kinds.graphic) }],
      };
    }
    return checkGraphic(graphic);
  }
  const shape = SHAPES[kind];
  if (input.length === 0) return { ok: false, issues: [{ block: null, field: 'blocks', message: K.missing(kind) }] };
  if (input.length > MAX_GRAPHIC_BLOCKS) {
    return { ok: false, issues: [{ block: null, field: 'blocks', message: T.tooManyBlocks(MAX_GRAPHIC_BLOCKS) }] };
  }
  const issues: ContentIssue[] = [];
  const blocks: ContentBlock[] = [];
  input.forEach((block, index) => {
    const text = textReader(issues, index);
    if (!shape.allowed.includes(block.kind)) {
      issues.push({ block: index, field: 'kind', message: K.notAllowed(INTERPRETATION_TEXT.kinds[kind]) });
      return;
    }
    switch (block.kind) {
      case 'heading':
        blocks.push({ kind: 'heading', text: text('text', '小标题', block.text, GRAPHIC_LIMITS.heading) });
        return;
      case 'text':
        blocks.push({ kind: 'text', text: text('text', '文字', block.text, GRAPHIC_LIMITS.text) });
        return;
      case 'qa':
        blocks.push({
          kind: 'qa',
          question: text('question', '问题', block.question, EXTRA_LIMITS.question),
          answer: text('answer', '回答', block.answer, EXTRA_LIMITS.answer),
        });
        return;
      case 'case':
        blocks.push({
          kind: 'case',
          title: text('title', '案例标题', block.title, EXTRA_LIMITS.caseTitle),
          text: text('text', '案例内容', block.text, EXTRA_LIMITS.caseText),
        });
        return;
      case 'video': {
        const description = text('description', '视频内容说明', block.description, GRAPHIC_LIMITS.description);
        if (description !== '' && [...description].length < MIN_DESCRIPTION) {
          issues.push({ block: index, field: 'description', message: K.videoDescriptionTooShort(MIN_DESCRIPTION) });
        }
        for (const [field, extensions] of Object.entries(VIDEO_FILES)) {
          const name = block[field as keyof typeof VIDEO_FILES].trim();
          const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
          if (!name || !(extensions as readonly string[]).includes(extension)) {
            issues.push({ block: index, field, message: K.videoFile(field as keyof typeof VIDEO_FILES) });
          }
        }
        blocks.push({ ...block, description });
        return;
      }
      case 'media': {
        const outlet = text('outlet', '媒体名称', block.outlet, EXTRA_LIMITS.outlet);
        const publishedOn = block.publishedOn.trim();
        if (!DATE.test(publishedOn) || Number.isNaN(Date.parse(publishedOn))) {
          issues.push({ block: index, field: 'publishedOn', message: K.mediaDate });
        } else if (publishedOn > today) {
          issues.push({ block: index, field: 'publishedOn', message: K.mediaDateFuture });
        }
        const url = block.url.trim();
        if (!isWebAddress(url)) issues.push({ block: index, field: 'url', message: K.mediaUrl });
        else if (url.length > EXTRA_LIMITS.url)
          issues.push({ block: index, field: 'url', message: T.tooLong('链接', EXTRA_LIMITS.url) });
        const summary = text('summary', '内容摘要', block.summary, EXTRA_LIMITS.summary, false);
        blocks.push({ kind: 'media', outlet, publishedOn, url, summary });
        return;
      }
      case 'figure':
      case 'chart':
        // Not in any of these kinds' shapes: refused above.
        return;
      default: {
        const never: never = block;
        throw new TypeError(`unknown block ${JSON.stringify(never)}`);
      }
    }
  });
  if (!input.some((block) => block.kind === shape.required)) {
    issues.push({ block: null, field: 'blocks', message: K.missing(kind) });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, blocks };
}

function isExtra(block: ContentBlockInput): block is ExtraBlock {
  return block.kind === 'qa' || block.kind === 'media' || block.kind === 'case' || block.kind === 'video';
}

/** An http(s) address a reader can follow (the link of a media piece). */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Any interpretation's blocks as the blocks of a 图解 (headings, text, figures and charts), for the
 * outputs that lay those out (the new-media article and poster): a question becomes a heading with
 * its answer, a media piece its source line, summary and address as text, a case a heading and text.
 */
export function asGraphicBlocks(blocks: readonly ContentBlock[]): GraphicBlock[] {
  return blocks.flatMap((block): GraphicBlock[] => {
    switch (block.kind) {
      case 'qa':
        return [
          { kind: 'heading', text: K.question(block.question) },
          { kind: 'text', text: K.answer(block.answer) },
        ];
      case 'media':
        return [
          { kind: 'text', text: K.source(block.outlet, block.publishedOn) },
          ...(block.summary ? [{ kind: 'text' as const, text: block.summary }] : []),
          { kind: 'text', text: K.original(block.url) },
        ];
      case 'case':
        return [
          { kind: 'heading', text: block.title },
          { kind: 'text', text: block.text },
        ];
      case 'video':
        return [{ kind: 'text', text: block.description }];
      case 'heading':
      case 'text':
      case 'figure':
      case 'chart':
        return [block];
      default: {
        const never: never = block;
        throw new TypeError(`unknown block ${JSON.stringify(never)}`);
      }
    }
  });
}
