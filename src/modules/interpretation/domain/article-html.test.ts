import { describe, expect, it } from 'vitest';
import { articleHtml } from './article-html.ts';
import { checkGraphic } from './graphic.ts';
import type { NewMediaContent } from './new-media.ts';

function sample(): NewMediaContent {
  const checked = checkGraphic([
    { kind: 'heading', text: '政策要点<script>' },
    { kind: 'text', text: '低保标准提高到每人每月1000元。\n\n详见 https://evil.example/x.png' },
    { kind: 'figure', value: '1350', unit: '人', caption: '城乡低保对象' },
    {
      kind: 'chart',
      chartType: 'bar',
      title: '城乡低保人数',
      unit: '人',
      description: '2025年城乡低保1350人，比2024年增加150人。',
      dataText: '项目\t2024年\t2025年\n城乡低保\t1200\t1350',
    },
    {
      kind: 'chart',
      chartType: 'table',
      title: '救助资金',
      unit: '万元',
      description: '2025年各类救助资金共计3200万元。',
      dataText: '项目\t2025年\n低保金\t3200',
    },
  ]);
  if (!checked.ok) throw new Error('the sample should be valid');
  return {
    title: '一图读懂城乡低保"实施办法"',
    issuer: '测试区民政局',
    date: { kind: 'published', on: '2026-03-02' },
    blocks: checked.blocks,
    policies: [{ title: '测试区城乡最低生活保障实施办法', docNumber: '测民发〔2026〕3号' }],
    portalUrl: 'https://gk.example.gov.cn/xxgk/doc/0123456789abcdef',
    siteName: '测试区政务公开平台',
  };
}

describe('articleHtml', () => {
  const html = articleHtml(sample(), new Map([[3, 'iVBORw0KGgo=']]));
  const body = html.slice(html.indexOf('<body'));

  it('gives every element in the body its look in a style attribute, and no class', () => {
    const tags = [...body.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)];
    expect(tags.length).toBeGreaterThan(20);
    for (const [tag, , attributes] of tags) expect(attributes, tag).toMatch(/\sstyle="[^"]+"/);
    expect(html).not.toMatch(/\sclass=/);
  });

  it('refers to nothing outside the file', () => {
    expect(html).not.toMatch(/<(script|link|style|iframe|object)\b/i);
    expect(html).not.toMatch(/\s(src|href)="(?!data:)/);
    expect(html).not.toMatch(/url\(/);
  });

  it('shows the chart as a PNG with its description as alt text and its data as a table', () => {
    expect(html).toContain(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="2025年城乡低保1350人，比2024年增加150人。" width="677"',
    );
    expect(html).toMatch(/<td style="[^"]*">1,350<\/td>/);
    // The table-type chart is its table only.
    expect(html).toMatch(/救助资金<\/p><p [^>]*>2025年各类救助资金共计3200万元。<\/p><p [^>]*>救助资金<\/p><table/);
  });

  it('escapes what the author typed and writes the web address as text', () => {
    expect(html).toContain('政策要点&lt;script&gt;</h2>');
    expect(html).toContain('一图读懂城乡低保&quot;实施办法&quot;</h1>');
    expect(html).toContain('详见 https://evil.example/x.png</p>');
    expect(html).toContain('本文网址：https://gk.example.gov.cn/xxgk/doc/0123456789abcdef</p>');
    expect(html).toContain('发布机构：测试区民政局　发布日期：2026-03-02');
    expect(html).toContain('《测试区城乡最低生活保障实施办法》（测民发〔2026〕3号）');
  });
});
