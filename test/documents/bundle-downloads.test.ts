import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR } from '../../src/modules/access/index.ts';
import { findEditions } from '../../src/modules/documents/queries/find-editions.ts';
import { writeDocumentBundle } from '../../src/modules/documents/queries/write-document-bundle.tsx';
import { createZipStream } from '../../src/platform/zip.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { pdfOfSize, publishedWithFiles } from './bundle-kit.ts';

const KB = 1024;

/** The 打包下载 of the column's lists: the route, its entries and its bounds, on each database. */
describe.each(DIALECTS)('list bundles (打包下载) on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  const files = {
    plan: pdfOfSize('plan', 40 * KB),
    form: pdfOfSize('form', 8 * KB),
    big: pdfOfSize('big', 120 * KB),
  };

  beforeAll(async () => {
    app = await createTestApp(dialect);
    const fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
    ]);
    // Newest first in the list: 通知三, 通知二, 通知一.
    const documents = [
      { title: '教育通知一', files: [{ name: '实施方案.pdf', bytes: files.plan }] },
      {
        title: '教育通知二：含/斜杠与"引号"',
        files: [
          { name: '表格.pdf', bytes: files.form },
          { name: '表格.PDF', bytes: files.plan },
          { name: '大文件.pdf', bytes: files.big },
        ],
      },
      { title: '教育通知三', files: [] },
    ];
    for (const [i, d] of documents.entries()) {
      app.clock.set(`2026-03-0${i + 2}T02:00:00Z`);
      await publishedWithFiles(app, fixture, {
        org: 'edu',
        content: { title: d.title, bodyHtml: `<p>正文${i + 1}</p>` },
        files: d.files,
      });
    }
    await publishedWithFiles(app, fixture, { org: 'civ', content: { title: '民政通知', genre: '通知' }, files: [] });
    server = await createTestServer(app);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('offers 打包下载 on the list with the list filters, and only when the list has documents', async () => {
    const list = await server.inject({ method: 'GET', url: `/xxgk/fdzdgknr?org=edu&q=${encodeURIComponent('通知')}` });
    expect(list.body).toContain(`href="/xxgk/fdzdgknr/bundle.zip?org=edu&amp;q=${encodeURIComponent('通知')}"`);
    expect(list.body).toContain('打包下载');
    const empty = await server.inject({ method: 'GET', url: '/xxgk/gknb' });
    expect(empty.body).not.toContain('打包下载');
  });

  it('zips the listed documents as printable pages with their attachments, in the list order', async () => {
    const response = await server.inject({ method: 'GET', url: '/xxgk/fdzdgknr/bundle.zip?org=edu' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="documents-2026-03-04.zip"; filename*=UTF-8''${encodeURIComponent('测试区教育局_2026-03-04.zip')}`,
    );
    const entries = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(entries).sort()).toEqual([
      '001-教育通知三/正文.html',
      '002-教育通知二：含_斜杠与_引号_/正文.html',
      '002-教育通知二：含_斜杠与_引号_/附件/大文件.pdf',
      '002-教育通知二：含_斜杠与_引号_/附件/表格(2).PDF',
      '002-教育通知二：含_斜杠与_引号_/附件/表格.pdf',
      '003-教育通知一/正文.html',
      '003-教育通知一/附件/实施方案.pdf',
    ]);
    expect(Buffer.from(entries['003-教育通知一/附件/实施方案.pdf']!)).toEqual(files.plan);
    expect(Buffer.from(entries['002-教育通知二：含_斜杠与_引号_/附件/表格(2).PDF']!)).toEqual(files.plan);
    const page = strFromU8(entries['002-教育通知二：含_斜杠与_引号_/正文.html']!);
    expect(page).toContain('<h1>教育通知二：含/斜杠与&quot;引号&quot;</h1>');
    expect(page).toContain('<p>正文2</p>');
    expect(page).toContain(`href="附件/${encodeURIComponent('表格(2).PDF')}"`);
    expect(page).toContain(`${app.config.publicUrl}/xxgk/doc/`);
    expect(page).not.toContain('<script');
  });

  it('zips a genre list and keeps the text filter', async () => {
    const response = await server.inject({
      method: 'GET',
      url: `/xxgk/fdzdgknr/bundle.zip?q=${encodeURIComponent('民政')}`,
    });
    expect(Object.keys(unzipSync(new Uint8Array(response.rawPayload)))).toEqual(['001-民政通知/正文.html']);
    const guide = await server.inject({ method: 'GET', url: '/xxgk/gkzn/bundle.zip' });
    expect(guide.statusCode).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(guide.rawPayload)))).toEqual([]);
  });

  it.each([
    ['/xxgk/fdzdgknr/bundle.zip?org=nowhere', 404, '没有找到'],
    ['/xxgk/fdzdgknr/bundle.zip?field=99', 404, '没有找到'],
    ['/xxgk/fdzdgknr/bundle.zip?field=abc', 400, '领域代码'],
    [`/xxgk/gkzd/bundle.zip?q=${'长'.repeat(101)}`, 400, '100'],
  ])('answers %s with a Chinese page (%i), never a ZIP', async (url, status, message) => {
    const response = await server.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain(message);
  });

  it('is never stored in the shared page cache', async () => {
    const before = server.pageCache.stats().stored;
    await server.inject({ method: 'GET', url: '/xxgk/fdzdgknr/bundle.zip?org=edu' });
    expect(server.pageCache.stats().stored).toBe(before);
  });

  /** Writes the edu list's bundle with these bounds and reads the archive back. */
  const bundleWith = async (maxDocuments: number, maxBytes: number) => {
    const { items, total } = await findEditions({
      documents: app.stores.documents,
      actor: PUBLIC_ACTOR,
      filter: { orgSubtreeOf: (await app.stores.orgs.getByCode('edu'))!.id },
      page: { offset: 0, limit: maxDocuments },
    });
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const summary = await writeDocumentBundle({
      documents: app.stores.documents,
      files: app.files,
      zip: createZipStream(output),
      items,
      total,
      listTitle: '测试区教育局',
      bounds: { maxDocuments, maxBytes },
      documentUrl: (id) => `https://example.test/xxgk/doc/${id}`,
      now: app.clock.now(),
    });
    const entries = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    const note = entries['说明.txt'] ? strFromU8(entries['说明.txt']) : undefined;
    return { summary, names: Object.keys(entries).sort(), note };
  };

  it.each([
    {
      bounds: [100, 200 * 1024 * KB],
      included: 3,
      missingNames: [],
      note: undefined,
    },
    {
      bounds: [2, 200 * 1024 * KB],
      included: 2,
      missingNames: ['003-教育通知一/正文.html'],
      note: ['本列表共有 3 条信息，本压缩包收入 2 条。', '最多收入列表中的前 2 条信息，其余 1 条未收入'],
    },
    {
      // Room for the three pages, 表格 (8 KB) and 表格 (40 KB); not for the 120 KB file, nor then for the last 40 KB.
      bounds: [100, 70 * KB],
      included: 3,
      missingNames: ['002-教育通知二：含_斜杠与_引号_/附件/大文件.pdf', '003-教育通知一/附件/实施方案.pdf'],
      note: [
        '以下内容因超出这一限制未收入',
        '《教育通知二：含/斜杠与"引号"》的附件“大文件.pdf”',
        '《教育通知一》的附件“实施方案.pdf”',
      ],
    },
  ])('keeps to $bounds (documents, bytes) and says in 说明.txt what was left out', async (c) => {
    const [maxDocuments, maxBytes] = c.bounds as [number, number];
    const { summary, names, note } = await bundleWith(maxDocuments, maxBytes);
    expect(summary.included).toBe(c.included);
    expect(summary.bytes).toBeLessThanOrEqual(maxBytes);
    for (const name of c.missingNames) expect(names).not.toContain(name);
    expect(names.filter((name) => name.endsWith('正文.html'))).toHaveLength(c.included);
    if (c.note === undefined) {
      expect(note).toBeUndefined();
      expect(summary.leftOut).toEqual([]);
    } else {
      expect(names).toContain('说明.txt');
      for (const sentence of c.note) expect(note).toContain(sentence);
    }
  });

  it('leaves out whole documents when not even their page fits, and says so', async () => {
    const { summary, names, note } = await bundleWith(100, 1 * KB);
    expect(summary.included).toBe(0);
    expect(names).toEqual(['说明.txt']);
    expect(note).toContain('《教育通知三》（正文及附件）');
    expect(note).toContain('本列表共有 3 条信息，本压缩包收入 0 条。');
  });
});
