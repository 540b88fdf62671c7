import { describe, expect, it } from 'vitest';
import { checkInterpretation, type BlockKind, type ContentBlockInput } from './content.ts';
import { contentBodyHtml } from './content-html.ts';

const TODAY = '2026-06-10';
const QA: ContentBlockInput = { kind: 'qa', question: '谁可以申请？', answer: '本区户籍居民。' };
const MEDIA: ContentBlockInput = {
  kind: 'media',
  outlet: '示范日报',
  publishedOn: '2026-06-09',
  url: 'https://news.example.cn/a/1',
  summary: '报道介绍了新政要点。',
};
const VIDEO: ContentBlockInput = {
  kind: 'video',
  description: '视频用三分钟介绍低保新标准和申请流程。',
  video: '低保.mp4',
  captions: '字幕.vtt',
  poster: '封面.jpg',
};
const CASE: ContentBlockInput = { kind: 'case', title: '张某申请临时救助', text: '张某因病致困……\n\n经审核给予救助。' };

describe('checkInterpretation', () => {
  it.each<[BlockKind, ContentBlockInput[]]>([
    [
      'text',
      [
        { kind: 'heading', text: '要点' },
        { kind: 'text', text: '文件明确了三项措施。' },
      ],
    ],
    ['qa', [QA, { ...QA, question: '怎么申请？' }]],
    ['media', [MEDIA]],
    ['case', [CASE, { kind: 'text', text: '以上案例均已隐去个人信息。' }]],
    ['video', [VIDEO]],
  ])('accepts a %s interpretation', (kind, blocks) => {
    expect(checkInterpretation(kind, blocks, TODAY).ok).toBe(true);
  });

  it.each<[BlockKind, ContentBlockInput[], { block: number | null; field: string; message: string }]>([
    ['text', [], { block: null, field: 'blocks', message: '文字解读至少要有一段文字。' }],
    ['text', [QA], { block: 0, field: 'kind', message: '文字解读不能包含这种内容块。' }],
    [
      'qa',
      [{ kind: 'text', text: '说明' }],
      { block: null, field: 'blocks', message: '简明问答至少要有一组问题和回答。' },
    ],
    ['qa', [{ ...QA, answer: ' ' }], { block: 0, field: 'answer', message: '请填写回答。' }],
    ['qa', [{ ...QA, question: '问'.repeat(201) }], { block: 0, field: 'question', message: '问题不能超过200个字。' }],
    [
      'media',
      [{ ...MEDIA, url: 'javascript:alert(1)' }],
      { block: 0, field: 'url', message: '请填写媒体原文的网址，以 https:// 或 http:// 开头。' },
    ],
    [
      'media',
      [{ ...MEDIA, url: 'https://localhost/x' }],
      { block: 0, field: 'url', message: '请填写媒体原文的网址，以 https:// 或 http:// 开头。' },
    ],
    [
      'media',
      [{ ...MEDIA, publishedOn: '2026-02-30x' }],
      { block: 0, field: 'publishedOn', message: '请填写媒体发布日期（年-月-日）。' },
    ],
    [
      'media',
      [{ ...MEDIA, publishedOn: '2026-06-11' }],
      { block: 0, field: 'publishedOn', message: '媒体发布日期不能晚于今天。' },
    ],
    ['media', [{ ...MEDIA, outlet: '' }], { block: 0, field: 'outlet', message: '请填写媒体名称。' }],
    ['case', [{ ...CASE, title: '' }], { block: 0, field: 'title', message: '请填写案例标题。' }],
    ['graphic', [QA], { block: null, field: 'blocks', message: '图解不能包含这种内容块。' }],
    [
      'video',
      [{ ...VIDEO, captions: '' }],
      { block: 0, field: 'captions', message: '请上传字幕文件（WebVTT，.vtt）：听不到声音的观众靠字幕了解视频内容。' },
    ],
    [
      'video',
      [{ ...VIDEO, captions: '字幕.srt' }],
      { block: 0, field: 'captions', message: '请上传字幕文件（WebVTT，.vtt）：听不到声音的观众靠字幕了解视频内容。' },
    ],
    [
      'video',
      [{ ...VIDEO, video: '视频.avi' }],
      { block: 0, field: 'video', message: '请上传视频文件（MP4 或 WebM）。' },
    ],
    [
      'video',
      [{ ...VIDEO, description: '视频' }],
      {
        block: 0,
        field: 'description',
        message: '请用至少10个字说明视频讲了什么（看不到视频的读者靠这段文字了解它）。',
      },
    ],
    [
      'video',
      [{ kind: 'text', text: '说明' }],
      { block: null, field: 'blocks', message: '视频解读要上传视频、字幕和封面，并说明视频内容。' },
    ],
  ])('refuses a %s interpretation: %j', (kind, blocks, issue) => {
    const check = checkInterpretation(kind, blocks, TODAY);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.issues).toContainEqual(issue);
  });
});

describe('contentBodyHtml', () => {
  it('writes each kind of block as escaped HTML', () => {
    expect(
      contentBodyHtml([
        { kind: 'qa', question: '<b>谁</b>可以申请？', answer: '本区居民。\n\n详见原文。' },
        {
          kind: 'media',
          outlet: '示范日报',
          publishedOn: '2026-06-09',
          url: 'https://news.example.cn/a?x=1&y="2"',
          summary: '',
        },
        { kind: 'case', title: '案例一', text: '经审核给予救助。' },
        { kind: 'heading', text: '小结' },
      ]),
    ).toBe(
      [
        '<h3>问：&lt;b&gt;谁&lt;/b&gt;可以申请？</h3><p>答：本区居民。</p><p>详见原文。</p>',
        '<p>来源：示范日报　发布日期：2026-06-09</p><p><a href="https://news.example.cn/a?x=1&amp;y=&quot;2&quot;">阅读媒体原文</a></p>',
        '<h3>案例一</h3><p>经审核给予救助。</p>',
        '<h2>小结</h2>',
      ].join('\n'),
    );
  });
});
