import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { pdfOfSize, publishedWithFiles } from './bundle-kit.ts';

const MB = 1024 * 1024;
const FILE_BYTES = 24 * MB;

/** What one download cost: bytes received, entries in the ZIP's end record, and the peak memory above the start. */
type Measured = { bytes: number; entries: number; peakGrowthMb: number; ms: number };

/**
 * Downloads over a real socket and samples the process's memory (JS heap and Buffers, where an
 * archive held in memory would show) every 5 ms while the bytes arrive.
 */
async function download(port: number, path: string, abortAfterBytes?: number): Promise<Measured> {
  const memory = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const start = memory();
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory());
  }, 5);
  const t0 = performance.now();
  try {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: encodeURI(path) }, resolve)
        .on('error', reject)
        .end();
    });
    let bytes = 0;
    let tail = Buffer.alloc(0);
    for await (const chunk of response as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      tail = Buffer.concat([tail, chunk]).subarray(-22);
      if (abortAfterBytes !== undefined && bytes >= abortAfterBytes) {
        response.destroy();
        break;
      }
    }
    // The end of central directory record: signature, then the entry count at offset 10.
    const entries = tail.readUInt32LE(0) === 0x06054b50 ? tail.readUInt16LE(10) : -1;
    return { bytes, entries, peakGrowthMb: (peak - start) / MB, ms: performance.now() - t0 };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * 打包下载 streams: the memory a download takes does not grow with the archive (24 MB against
 * 192 MB of attachments), and a client that leaves half-way stops the work without an error.
 * On SQLite only: what is measured is the streaming, which no database takes part in.
 */
describe('list bundle memory', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let port = 0;

  beforeAll(async () => {
    app = await createTestApp(DIALECTS[0]!, { env: { GONGKAI_MAX_UPLOAD_MB: '32' } });
    const fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
    ]);
    // One file on disk (storage keeps content once), attached to nine documents.
    const bytes = pdfOfSize('large attachment', FILE_BYTES);
    await publishedWithFiles(app, fixture, {
      org: 'civ',
      content: { title: '民政大附件' },
      files: [{ name: '附件.pdf', bytes }],
    });
    for (let i = 1; i <= 8; i++) {
      await publishedWithFiles(app, fixture, {
        org: 'edu',
        content: { title: `教育大附件${i}` },
        files: [{ name: '附件.pdf', bytes }],
      });
    }
    server = await createTestServer(app);
    await server.listen({ port: 0, host: '127.0.0.1' });
    port = (server.server.address() as AddressInfo).port;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('takes about the same memory for a 192 MB archive as for a 24 MB one', async () => {
    const small = await download(port, '/xxgk/fdzdgknr/bundle.zip?org=civ');
    const large = await download(port, '/xxgk/fdzdgknr/bundle.zip?org=edu');
    console.log(
      `bundle memory: ${(small.bytes / MB).toFixed(1)} MB archive peak +${small.peakGrowthMb.toFixed(1)} MB in ${small.ms.toFixed(0)} ms; ` +
        `${(large.bytes / MB).toFixed(1)} MB archive peak +${large.peakGrowthMb.toFixed(1)} MB in ${large.ms.toFixed(0)} ms`,
    );
    expect(small.entries).toBe(2);
    expect(large.entries).toBe(16);
    expect(large.bytes).toBeGreaterThan(8 * FILE_BYTES);
    // Held in memory, the large archive alone would be 192 MB; streamed, it costs what the small one does.
    expect(large.peakGrowthMb).toBeLessThan(48);
    expect(large.peakGrowthMb).toBeLessThan(small.peakGrowthMb + 24);
  }, 120_000);

  it('stops writing when the client leaves half-way, and goes on serving', async () => {
    const left = await download(port, '/xxgk/fdzdgknr/bundle.zip?org=edu', 30 * MB);
    expect(left.bytes).toBeLessThan(40 * MB);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await download(port, '/xxgk/fdzdgknr/bundle.zip?org=civ');
    expect(after.entries).toBe(2);
  }, 60_000);
});
