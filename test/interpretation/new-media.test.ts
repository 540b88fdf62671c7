import { existsSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResvgRasteriser, NOTO_SANS_CJK } from '../../src/adapters/charts/resvg-rasteriser.ts';
import { buildServer } from '../../src/app/server.ts';
import { publishEdition, type Edition } from '../../src/modules/documents/index.ts';
import type { NewMediaContent } from '../../src/modules/interpretation/domain/new-media.ts';
import { layoutPoster } from '../../src/modules/interpretation/domain/poster.ts';
import { INTERPRETATION_TEXT, MediaExportLinks } from '../../src/modules/interpretation/index.ts';
import type { TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import type { Fixture } from '../fixtures.ts';
import { signedIn, type CookieJar } from '../http/http-kit.ts';
import { decodePng, inkIn, pngSize, rowsDiffer } from '../png.ts';
import { startPolicySite, submitInterpretation } from './interpretation-fixtures.ts';

const T = INTERPRETATION_TEXT.media;
const hasFont = existsSync(NOTO_SANS_CJK.regular);

/**
 * The new-media outputs of a graphic interpretation (plan §三.5): the article bundle for WeChat and
 * Weibo editors — self-contained, every element styled inline, charts as PNGs inside — and the long
 * poster, for staff who may read the document only.
 */
describe.each(DIALECTS)('new-media outputs on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let editor: CookieJar;
  let policy: Edition;
  let interpretation: { documentId: string; editionId: string };

  beforeAll(async () => {
    ({ app, fixture, policy, server, editor } = await startPolicySite(dialect, {
      env: { GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn' },
    }));
    interpretation = await submitInterpretation(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      policyDocumentId: policy.documentId,
    });
  });
  afterAll(async () => {
    await server.close();
    await app.cleanup();
  });

  const get = (url: string, cookies: CookieJar = editor) => server.inject({ method: 'GET', url, cookies });
  const article = (id = interpretation.documentId, cookies?: CookieJar) =>
    get(`/admin/interpretations/${id}/article.html`, cookies);
  const poster = (id = interpretation.documentId, cookies?: CookieJar) =>
    get(`/admin/interpretations/${id}/poster.png`, cookies);

  it.skipIf(!hasFont)('downloads the article bundle: one HTML file that refers to nothing outside itself', async () => {
    const response = await article();
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(
      `attachment; filename="interpretation-${interpretation.documentId}.html"; filename*=UTF-8''${encodeURIComponent('一图读懂《测试区城乡最低生活保障实施办法》.html')}`,
    );
    const html = response.body;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\s(src|href)="\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\((?!\s*['"]?data:)/i);
    expect(html).not.toMatch(/\sclass=/);

    // Every element that is shown carries its look with it.
    const body = html.slice(html.indexOf('<body'));
    const tags = [...body.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)];
    expect(tags.length).toBeGreaterThan(40);
    for (const [tag, , attributes] of tags) expect(attributes, tag).toMatch(/\sstyle="[^"]+"/);

    // The two charts as PNGs inside the file, sharp at twice the 677 px column.
    const images = [...html.matchAll(/<img src="([^"]*)" alt="([^"]*)"/g)];
    expect(images.map(([, , alt]) => alt)).toEqual([
      '2025年城乡低保1350人，比2024年增加150人；特困供养320人，比2024年增加20人。',
      '城乡低保标准从2022年的每人每月800元逐年提高到2026年的1000元。',
    ]);
    for (const [, src] of images) {
      expect(src).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
      const png = Buffer.from(src!.slice('data:image/png;base64,'.length), 'base64');
      expect(pngSize(png)).toEqual({ width: 1354, height: 752 });
      expect(inkIn(decodePng(png), 0, 752)).toBeGreaterThan(5_000);
    }

    // What it says: title, unit, date, text, figure, data, the policy, the portal's address as text.
    expect(html).toContain('>一图读懂《测试区城乡最低生活保障实施办法》</h1>');
    expect(html).toContain('发布机构：测试区民政局　成文日期：2026-03-02');
    expect(html).toContain('修订后的办法自2026年4月1日起施行，原办法同时废止。</p>');
    expect(html).toMatch(/>1,000<span style="[^"]+">元\/人·月<\/span><\/p>/);
    expect(html).toMatch(
      /<th scope="row" style="[^"]+">城乡低保<\/th><td style="[^"]+">1,200<\/td><td style="[^"]+">1,350<\/td>/,
    );
    expect(html).toContain('>《测试区城乡最低生活保障实施办法》（测民发〔2026〕3号）</p>');
    expect(html).toContain(`>本文网址：https://gk.example.gov.cn/xxgk/doc/${interpretation.documentId}</p>`);
  });

  it.skipIf(!hasFont)('draws the long poster: a PNG 750 px wide, as long as the interpretation', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const response = await poster();
    const took = performance.now() - started;
    delay.disable();
    // Drawing it on this thread would hold it for 1.3–1.8 s (measured); the worker leaves it free.
    const longestStall = delay.max / 1e6;
    expect(longestStall).toBeLessThan(500);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toContain(
      `filename="interpretation-${interpretation.documentId}.png"`,
    );
    const png = response.rawPayload;
    const { width, height } = pngSize(png);
    expect(width).toBe(750);
    expect(height).toBeGreaterThan(1000);
    console.log(
      `poster on ${dialect.name}: 750×${height} px, ${(png.length / 1024).toFixed(0)} KiB, ${took.toFixed(0)} ms ` +
        `(request included), longest event-loop stall ${longestStall.toFixed(0)} ms`,
    );
    if (process.env.GONGKAI_POSTER_OUT) writeFileSync(process.env.GONGKAI_POSTER_OUT, png);
  });

  it('shows the published edition once there is one, with its publication date', async () => {
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: interpretation.editionId,
    });
    if (!hasFont) return;
    const response = await article();
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('发布机构：测试区民政局　发布日期：2026-03-02');
  });

  it('is not found for staff of another unit, nor without a session', async () => {
    const other = await signedIn(server, 'edu.editor');
    for (const response of [await article(undefined, other), await poster(undefined, other)]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('您访问的内容不存在或尚未公开。');
    }
    const anonymous = await server.inject({
      method: 'GET',
      url: `/admin/interpretations/${interpretation.documentId}/poster.png`,
    });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/admin\/login/);
  });

  it('is not found, saying why in Chinese, for a document that is not a graphic interpretation', async () => {
    for (const response of [await article(policy.documentId), await poster(policy.documentId)]) {
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain(T.notInterpretation);
    }
    expect((await article('0000000000000000')).statusCode).toBe(404);
    expect((await poster('not-an-id')).statusCode).toBe(400);
  });

  it('answers in Chinese with a stable code, never 500, when the server has no CJK font', async () => {
    const rasteriser = createResvgRasteriser({
      regular: '/nonexistent/NotoSansCJK-Regular.ttc',
      family: 'Noto Sans CJK SC',
    });
    const fontless = await buildServer({ ...app, rasteriser }, { logger: false });
    await fontless.ready();
    try {
      for (const kind of ['poster.png', 'article.html']) {
        const response = await fontless.inject({
          method: 'GET',
          url: `/admin/interpretations/${interpretation.documentId}/${kind}`,
          cookies: editor,
        });
        expect(response.statusCode).toBe(503);
        expect(response.body).toContain('生成图片需要服务器安装中文字体（Debian 软件包 fonts-noto-cjk）');
      }
      const api = await fontless.inject({
        method: 'GET',
        url: `/admin/interpretations/${interpretation.documentId}/poster.png`,
        cookies: editor,
      });
      expect(api.body).not.toContain('Error:');
    } finally {
      await fontless.close();
      await rasteriser.close();
    }
  });

  it('offers both downloads as plain links for the document page', async () => {
    const html = (await MediaExportLinks({ documentId: interpretation.documentId })).toString();
    expect(html).toContain(`href="/admin/interpretations/${interpretation.documentId}/article.html"`);
    expect(html).toContain(`href="/admin/interpretations/${interpretation.documentId}/poster.png"`);
    expect(html).toContain('下载公众号图文');
    expect(html).toContain('下载长图海报');
  });
});

/** The poster's text is really drawn, in a CJK font: compared picture by picture. */
describe.skipIf(!hasFont)('the poster as a picture', () => {
  const rasteriser = createResvgRasteriser();
  afterAll(() => rasteriser.close());

  const content: NewMediaContent = {
    title: '一图读懂城乡低保',
    issuer: '测试区民政局',
    date: { kind: 'published', on: '2026-03-02' },
    blocks: [],
    policies: [],
    portalUrl: 'https://gk.example.gov.cn/xxgk/doc/0123456789abcdef',
    siteName: '测试区政务公开平台',
  };
  const draw = async (change: Partial<NewMediaContent>) => {
    const layout = layoutPoster({ ...content, ...change });
    return { layout, pixels: decodePng(await rasteriser.png(layout.svg, { width: 750 })) };
  };

  it('draws a paragraph where the layout puts it, and different words differently (no empty boxes)', async () => {
    const titleOnly = await draw({});
    const withText = await draw({
      blocks: [{ kind: 'text', text: '低保标准提高到每人每月1000元，审核确认时限缩短为20个工作日。' }],
    });
    const otherText = await draw({
      blocks: [{ kind: 'text', text: '特困供养人员的基本生活标准同步提高，照料护理标准分档确定。' }],
    });
    const paragraph = withText.layout.regions.find((r) => r.kind === 'text')!;
    expect(withText.pixels.height).toBe(titleOnly.pixels.height + (paragraph.bottom - paragraph.top) + 36);
    // The title-only poster has its footer there; the other has the paragraph's ink on white.
    expect(rowsDiffer(titleOnly.pixels, withText.pixels, paragraph.top, paragraph.bottom)).toBe(true);
    const ink = inkIn(withText.pixels, paragraph.top, paragraph.bottom);
    expect(ink).toBeGreaterThan(2_000);
    expect(ink).toBeLessThan(0.4 * 750 * (paragraph.bottom - paragraph.top));
    // Missing glyphs would be drawn as the same box whatever the character: here the pictures differ.
    expect(rowsDiffer(withText.pixels, otherText.pixels, paragraph.top, paragraph.bottom)).toBe(true);
    // The header is the same picture in both.
    const header = withText.layout.regions[0]!;
    expect(rowsDiffer(titleOnly.pixels, withText.pixels, header.top, header.bottom)).toBe(false);
  });
});
