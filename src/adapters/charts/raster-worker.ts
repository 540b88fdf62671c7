import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

/** What the rasteriser posts: the SVG, the fonts to draw its text with, and the width wanted. */
export type RasterJob = { id: number; svg: string; fontFiles: string[]; family: string; width?: number };

/**
 * One job at a time: `{ id, svg, fontFiles, family, width }` in, `{ id, bytes }` (PNG) or `{ id, error }`
 * out; `{ ready }` once loaded. Only the listed font files are loaded (scanning the system's fonts
 * takes long and could pick a face without Chinese); text in any other family falls back to them.
 */
parentPort?.on('message', (job: RasterJob) => {
  try {
    const image = new Resvg(job.svg, {
      font: {
        loadSystemFonts: false,
        fontFiles: job.fontFiles,
        defaultFontFamily: job.family,
        sansSerifFamily: job.family,
        serifFamily: job.family,
      },
      background: '#ffffff',
      fitTo: job.width ? { mode: 'width', value: job.width } : { mode: 'original' },
      logLevel: 'off',
    }).render();
    const bytes = new Uint8Array(image.asPng());
    parentPort!.postMessage({ id: job.id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: String(error) });
  }
});
parentPort?.postMessage({ ready: true });
