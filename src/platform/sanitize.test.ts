import { describe, expect, it } from 'vitest';
import { escapeHtml, plainTextToHtml } from './html-text.ts';
import { sanitizeRichText } from './sanitize.ts';

describe('sanitizeRichText', () => {
  it.each([
    { what: 'a script', html: '<p>正文</p><script>alert(1)</script>', expected: '<p>正文</p>' },
    { what: 'an inline event handler', html: '<p onclick="alert(1)">正文</p>', expected: '<p>正文</p>' },
    {
      what: 'an onerror on an image',
      html: '<img src="https://x.cn/a.png" onerror="alert(1)">',
      expected: '<img src="https://x.cn/a.png" />',
    },
    {
      what: 'a javascript: link',
      html: '<a href="javascript:alert(1)">点</a>',
      expected: '<a rel="noopener noreferrer">点</a>',
    },
    {
      what: 'an upper-case JavaScript: link',
      html: '<a href="JaVaScRiPt:alert(1)">点</a>',
      expected: '<a rel="noopener noreferrer">点</a>',
    },
    { what: 'a data: image', html: '<img src="data:image/png;base64,AAAA">', expected: '<img />' },
    { what: 'a protocol-relative image', html: '<img src="//evil.example/a.png">', expected: '<img />' },
    { what: 'a style element', html: '<style>p{color:red}</style><p>正文</p>', expected: '<p>正文</p>' },
    { what: 'a style attribute', html: '<p style="position:fixed">正文</p>', expected: '<p>正文</p>' },
    { what: 'an iframe', html: '<iframe src="https://evil.example"></iframe><p>正文</p>', expected: '<p>正文</p>' },
    {
      what: 'a form and its inputs',
      html: '<form action="/x"><input name="a"><button>提交</button></form>',
      expected: '提交',
    },
    { what: 'an object', html: '<object data="x.swf"></object>', expected: '' },
    { what: 'a class and id', html: '<p class="x" id="y">正文</p>', expected: '<p>正文</p>' },
  ])('removes $what', ({ html, expected }) => {
    expect(sanitizeRichText(html)).toBe(expected);
  });

  it.each([
    { what: 'a paragraph with emphasis', html: '<p><strong>重要</strong>和<em>强调</em></p>' },
    { what: 'headings h2–h5', html: '<h2>一</h2><h3>二</h3><h4>三</h4><h5>四</h5>' },
    { what: 'a bulleted list', html: '<ul><li>一</li><li>二</li></ul>' },
    { what: 'a numbered list with a start', html: '<ol start="3"><li>三</li></ol>' },
    {
      what: 'a table with header, spans and caption',
      html: '<table><caption>预算</caption><thead><tr><th scope="col">项目</th></tr></thead><tbody><tr><td colspan="2" rowspan="2">1</td></tr></tbody></table>',
    },
    { what: 'an image with alt text', html: '<img src="https://x.cn/a.png" alt="图" width="100" height="50" />' },
    { what: 'a blockquote', html: '<blockquote>引文</blockquote>' },
  ])('keeps $what', ({ html }) => {
    expect(sanitizeRichText(html)).toBe(html);
  });

  it.each([
    { href: 'https://www.gov.cn/zhengce/' },
    { href: 'http://example.cn/a?b=1&amp;c=2' },
    { href: 'mailto:gk@example.cn' },
    { href: '/zwgk/index.html' },
  ])('keeps the link $href and adds rel="noopener noreferrer"', ({ href }) => {
    expect(sanitizeRichText(`<a href="${href}" title="链接">链接</a>`)).toBe(
      `<a href="${href}" title="链接" rel="noopener noreferrer">链接</a>`,
    );
  });

  it('replaces a rel the author gave with noopener noreferrer and drops target', () => {
    expect(sanitizeRichText('<a href="https://x.cn" rel="opener" target="_blank">x</a>')).toBe(
      '<a href="https://x.cn" rel="noopener noreferrer">x</a>',
    );
  });

  it('turns h1 into h2, since the page title is the only h1', () => {
    expect(sanitizeRichText('<h1>标题</h1>')).toBe('<h2>标题</h2>');
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeRichText('<p>a &lt; b &amp; "c"</p>')).toBe('<p>a &lt; b &amp; "c"</p>');
  });

  it('trims surrounding whitespace', () => {
    expect(sanitizeRichText('  \n<p>正文</p>\n  ')).toBe('<p>正文</p>');
  });
});

describe('plainTextToHtml', () => {
  it.each([
    { text: '第一段\n第二段', expected: '<p>第一段</p>\n<p>第二段</p>' },
    { text: '第一段\n\n\n第二段\n', expected: '<p>第一段</p>\n<p>第二段</p>' },
    { text: '  缩进  \n   \n', expected: '<p>缩进</p>' },
    { text: '', expected: '' },
    {
      text: '<script>alert("x")</script> & \'y\'',
      expected: '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    },
  ])('turns $text into $expected', ({ text, expected }) => {
    expect(plainTextToHtml(text)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter, & first so nothing is escaped twice', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
