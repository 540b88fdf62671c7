import { describe, expect, it } from 'vitest';
import { checkGraphic } from './graphic.ts';
import { graphicBodyHtml } from './graphic-html.ts';

describe('graphicBodyHtml', () => {
  it('writes every block as text, the chart as its data table, escaping what the author typed', () => {
    const checked = checkGraphic([
      { kind: 'heading', text: '政策要点<script>' },
      { kind: 'text', text: '第一段。\n\n第二段 & 结束。' },
      { kind: 'figure', value: '1350', unit: '人', caption: '城乡低保对象' },
      {
        kind: 'chart',
        chartType: 'bar',
        title: '低保人数',
        unit: '人',
        description: '2025年城乡低保1350人，比上年增加150人。',
        dataText: '项目\t2024年\t2025年\n城乡<b>低保</b>\t1200\t1350',
      },
    ]);
    if (!checked.ok) throw new Error('the sample should be valid');
    expect(graphicBodyHtml(checked.blocks).split('\n')).toEqual([
      '<h2>政策要点&lt;script&gt;</h2>',
      '<p>第一段。</p><p>第二段 &amp; 结束。</p>',
      '<p><strong>1,350人</strong> 城乡低保对象</p>',
      '<h3>低保人数</h3><p>2025年城乡低保1350人，比上年增加150人。</p>' +
        '<table><thead><tr><th scope="col">项目</th><th scope="col">2024年（人）</th><th scope="col">2025年（人）</th></tr></thead>' +
        '<tbody><tr><th scope="row">城乡&lt;b&gt;低保&lt;/b&gt;</th><td>1,200</td><td>1,350</td></tr></tbody></table>',
    ]);
  });
});
