import { access } from 'node:fs/promises';
import type { SvgRasteriser } from '../../modules/interpretation/index.ts';
import { DomainError } from '../../platform/errors.ts';
import { createWorkerJobs } from '../workers/worker-jobs.ts';

/** Noto Sans CJK as Debian's `fonts-noto-cjk` installs it (OpenType collections with SC, TC, JP, KR). */
export const NOTO_SANS_CJK = {
  regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  family: 'Noto Sans CJK SC',
};

/** A long poster takes seconds to draw; past this the worker is stopped and the job fails. */
const TIMEOUT_MS = 60_000;
/** Pictures waiting for the worker beyond this are refused (rate_limited) rather than queued for minutes. */
const MAX_WAITING = 4;

/**
 * SVG to PNG with resvg (Rust, through @resvg/resvg-js), in a worker thread: laying out a long
 * poster's Chinese text with a CJK collection takes about 1.5 ms a character (2–4 s for a poster)
 * and encoding a tall PNG 40–150 ms, so neither may run on the thread that answers requests, and
 * one picture is drawn at a time. The font is the server's Noto Sans CJK (its bold face too, when
 * installed); without it Chinese would come out as empty boxes, so the rasteriser refuses with
 * `font_missing` instead.
 */
export function createResvgRasteriser(
  fonts: { regular: string; bold?: string; family: string } = NOTO_SANS_CJK,
): SvgRasteriser & { close(): Promise<void> } {
  const jobs = createWorkerJobs(new URL('./raster-worker-boot.js', import.meta.url), 'picture', {
    timeoutMs: TIMEOUT_MS,
  });
  let waiting = 0;
  return {
    async png(svg, options = {}) {
      if (!(await exists(fonts.regular))) throw new DomainError('font_missing');
      if (waiting >= MAX_WAITING) throw new DomainError('rate_limited');
      const fontFiles = [fonts.regular];
      if (fonts.bold && (await exists(fonts.bold))) fontFiles.push(fonts.bold);
      waiting++;
      try {
        return await jobs.run({ svg, fontFiles, family: fonts.family, width: options.width });
      } finally {
        waiting--;
      }
    },
    close: () => jobs.close(),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
