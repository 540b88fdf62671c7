import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors.ts';
import { decodePng, inkIn, pngSize } from '../../../test/png.ts';
import { createResvgRasteriser, NOTO_SANS_CJK } from './resvg-rasteriser.ts';

const hasFont = existsSync(NOTO_SANS_CJK.regular);
const words = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="44" font-size="36" fill="#000">${text}</text></svg>`;

describe.skipIf(!hasFont)('resvg rasteriser', () => {
  const rasteriser = createResvgRasteriser();
  afterAll(() => rasteriser.close());

  it('draws an SVG as a PNG of its own size on white, or at the width asked', async () => {
    const png = await rasteriser.png(words('低保'));
    expect(pngSize(png)).toEqual({ width: 200, height: 60 });
    const pixels = decodePng(png);
    expect(pixels.rgba.subarray(0, 4)).toEqual(Buffer.from([255, 255, 255, 255]));
    expect(pngSize(await rasteriser.png(words('低保'), { width: 400 }))).toEqual({ width: 400, height: 120 });
  });

  it('draws Chinese with real glyphs: different characters, different pictures (empty boxes would be alike)', async () => {
    const a = decodePng(await rasteriser.png(words('低保标准')));
    const b = decodePng(await rasteriser.png(words('特困供养')));
    expect(inkIn(a, 0, 60)).toBeGreaterThan(300);
    expect(inkIn(b, 0, 60)).toBeGreaterThan(300);
    expect(a.rgba.equals(b.rgba)).toBe(false);
  });
});

describe('resvg rasteriser without the CJK font', () => {
  it('refuses with font_missing and the Chinese message that names the package', async () => {
    const rasteriser = createResvgRasteriser({
      regular: '/nonexistent/NotoSansCJK-Regular.ttc',
      family: 'Noto Sans CJK SC',
    });
    try {
      await rasteriser.png(words('低保'));
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'font_missing')).toBe(true);
      expect((error as Error).message).toContain('fonts-noto-cjk');
    } finally {
      await rasteriser.close();
    }
  });
});
