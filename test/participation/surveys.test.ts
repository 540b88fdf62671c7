import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/adapters/xlsx/workbook.ts';
import type { SurveyAnswer } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { HAS_LIBREOFFICE, LIBREOFFICE_PATH } from '../environment.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, keepCookies, signedIn, type CookieJar, postFromPage } from '../http/http-kit.ts';

const run = promisify(execFile);
/** LibreOffice reads spreadsheets only with Calc installed (Debian: libreoffice-calc-nogui). */
const HAS_CALC = HAS_LIBREOFFICE && existsSync(join(dirname(realpathSync(LIBREOFFICE_PATH)), 'libsclo.so'));
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SCRIPT = '<script>alert(1)</script>希望延长<b>周末</b>办理时间';

/** The survey as an officer types it into the back office's form: a choice, a multiple choice, a scale, a text. */
const SURVEY_FIELDS = (orgId: string, closesAt = '2026-03-20T18:00'): [string, string][] => [
  ['orgId', orgId],
  ['title', '2026年示范区政务服务满意度调查'],
  ['description', '为改进政务服务开展本次调查，答卷不记录姓名。'],
  ['opensAt', '2026-03-02T12:00'],
  ['closesAt', closesAt],
  ['limit.perAddressPerDay', '3'],
  ['questions.0.id', ''],
  ['questions.0.kind', 'single'],
  ['questions.0.title', '您是否在网上办理过业务？'],
  ['questions.0.required', 'on'],
  ['questions.0.options', '是\n否'],
  ['questions.1.id', ''],
  ['questions.1.kind', 'multiple'],
  ['questions.1.title', '您通过哪些渠道办事？'],
  ['questions.1.options', '政务服务大厅\n网上办事大厅\n12345热线'],
  ['questions.1.minSelections', '1'],
  ['questions.1.maxSelections', '2'],
  ['questions.2.id', ''],
  ['questions.2.kind', 'scale'],
  ['questions.2.title', '总体满意度'],
  ['questions.2.required', 'on'],
  ['questions.2.from', '1'],
  ['questions.2.to', '5'],
  ['questions.2.fromLabel', '很不满意'],
  ['questions.2.toLabel', '很满意'],
  ['questions.3.id', ''],
  ['questions.3.kind', 'text'],
  ['questions.3.title', '您的建议'],
  ['questions.3.maxLength', '50'],
  // A blank block, as the form offers for adding a question: left out.
  ['questions.4.id', ''],
  ['questions.4.kind', 'single'],
  ['questions.4.title', ''],
  ['questions.4.options', ''],
];

/**
 * An online survey through the real pages on both databases: an officer drafts and publishes it,
 * residents answer it within the limits (one sheet per device, three per address a day), bad
 * answers come back with what was typed, the results page's chart and table show exactly the
 * counts of the stored answer sheets, the downloads carry them, and a closed survey takes no more.
 */
describe.each(DIALECTS)('surveys on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let officer: CookieJar;
  let id: string;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-surveys-'));

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'interaction_officer', org: 'civ' },
      { role: 'interaction_officer', org: 'edu' },
    ]);
    server = await createTestServer(app);
    officer = await signedIn(server, 'civ.interaction_officer');
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (jar: CookieJar, page: string, url: string, fields: [string, string][]) =>
    postFromPage(server, jar, page, url, fields);
  const admin = () => `/admin/participation/surveys/${id}`;
  const publicPage = (url: string) => server.inject({ method: 'GET', url });
  /** A resident's browser: the survey's page read first (CSRF and device cookies kept), then the answers posted. */
  const answer = async (fields: [string, string][], ip: string, jar: CookieJar = {}) => {
    let page = await server.inject({ method: 'GET', url: `/hdjl/wldc/${id}`, cookies: jar, remoteAddress: ip });
    keepCookies(page, jar);
    // A survey not open has no form on its page: the page token of another anonymous form serves.
    if (!page.body.includes('name="_csrf"')) {
      page = await server.inject({ method: 'GET', url: '/admin/login', cookies: jar, remoteAddress: ip });
      keepCookies(page, jar);
    }
    const response = await server.inject({
      method: 'POST',
      url: `/hdjl/wldc/${id}`,
      cookies: jar,
      headers: FORM,
      remoteAddress: ip,
      payload: new URLSearchParams([['_csrf', csrfFieldOf(page.body)], ...fields]).toString(),
    });
    keepCookies(response, jar);
    return response;
  };
  const sheet = (single: string, multiple: string[], scale: string, text = ''): [string, string][] => [
    ['answers.q0', single],
    ...multiple.map((option): [string, string] => ['answers.q1', option]),
    ['answers.q2', scale],
    ['answers.q3', text],
  ];
  /** The answer fields are named by question id: the test's sheets use q0..q3 for the stored ids. */
  let questionIds: string[] = [];
  const named = (fields: [string, string][]): [string, string][] =>
    fields.map(([name, value]) => [name.replace(/q(\d)$/, (_all, n: string) => questionIds[Number(n)]!), value]);

  it('refuses a survey that ends before it opens, and keeps every typed question', async () => {
    const response = await post(
      officer,
      '/admin/participation/surveys/new',
      '/admin/participation/surveys',
      SURVEY_FIELDS(fixture.orgs.get('civ')!.id, '2026-03-01T18:00'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('结束时间应晚于开始时间');
    expect(response.body).toContain('您通过哪些渠道办事？');
    expect(response.body).toContain('12345热线');
  });

  it('drafts a survey through the form; the public cannot see it until it is published', async () => {
    const response = await post(
      officer,
      '/admin/participation/surveys/new',
      '/admin/participation/surveys',
      SURVEY_FIELDS(fixture.orgs.get('civ')!.id),
    );
    expect(response.statusCode).toBe(303);
    id = /surveys\/([0-9a-z]{16})$/.exec(String(response.headers.location))![1]!;
    const stored = (await app.stores.surveys.get(id))!;
    expect(stored.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'scale', 'text']);
    expect(stored.opensAt).toBe('2026-03-02T04:00:00.000Z');
    questionIds = stored.questions.map((q) => q.id);
    expect((await publicPage(`/hdjl/wldc/${id}`)).statusCode).toBe(404);
    expect((await publicPage(`/hdjl/wldc/${id}/jieguo`)).statusCode).toBe(404);
    expect((await publicPage('/hdjl/wldc/')).body).not.toContain('满意度调查');
    const other = await signedIn(server, 'edu.interaction_officer');
    expect((await server.inject({ method: 'GET', url: admin(), cookies: other })).statusCode).toBe(404);
    const page = await server.inject({ method: 'GET', url: admin(), cookies: officer });
    expect(page.body).toContain('12345热线');
    expect((await server.inject({ method: 'GET', url: '/admin/', cookies: officer })).body).toContain(
      '/admin/participation/surveys',
    );
  });

  it('publishes it; before it opens the answers are refused, from the opening they are taken', async () => {
    expect((await post(officer, admin(), `${admin()}/publish`, [])).statusCode).toBe(303);
    const column = await publicPage('/hdjl/');
    expect(column.body).toContain('href="/hdjl/wldc/"');
    expect((await publicPage('/hdjl/wldc/')).body).toContain('2026年示范区政务服务满意度调查');
    const early = await answer(named(sheet('0', ['1'], '4')), '203.0.113.1');
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('本次调查将于2026-03-02 12:00开始');
    app.clock.set('2026-03-02T05:00:00Z');
    officer = await signedIn(server, 'civ.interaction_officer');
    const taken = await answer(named(sheet('0', ['0', '1'], '5', SCRIPT)), '203.0.113.2');
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toContain('答卷已提交');
    // Once open its questions are fixed.
    expect((await server.inject({ method: 'GET', url: `${admin()}/edit`, cookies: officer })).statusCode).toBe(409);
  });

  it('takes one sheet per device: the second from the same browser is refused in Chinese, answers kept', async () => {
    const browser: CookieJar = {};
    expect((await answer(named(sheet('1', ['2'], '3', '第一次')), '203.0.113.3', browser)).statusCode).toBe(200);
    expect(browser.gk_survey_device).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const again = await answer(named(sheet('0', ['0'], '1', '第二次提交的建议')), '203.0.113.4', browser);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('这台设备已参加过本次调查');
    expect(again.body).toContain('第二次提交的建议');
  });

  it('takes at most three sheets a day from one network address, then refuses in Chinese', async () => {
    const statuses: number[] = [];
    for (const scale of ['2', '3', '4'])
      statuses.push((await answer(named(sheet('0', ['1'], scale)), '198.51.100.7')).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
    const fourth = await answer(named(sheet('1', ['0'], '5', '同一地址第四份')), '198.51.100.7');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.body).toContain('同一网络地址每天最多提交3份答卷');
    expect(fourth.body).toContain('同一地址第四份');
    // The next day, China time, the address may answer again.
    app.clock.set('2026-03-02T16:00:00Z');
    expect((await answer(named(sheet('1', ['2'], '1')), '198.51.100.7')).statusCode).toBe(200);
    officer = await signedIn(server, 'civ.interaction_officer');
  });

  it.each<[string, [string, string][], number, string, string | null]>([
    [
      'an oversized text',
      sheet('0', ['1'], '4', `太长的建议${'长'.repeat(50)}`),
      400,
      '第4题的回答不能超过50个字',
      `太长的建议${'长'.repeat(50)}`,
    ],
    ['a missing required answer', sheet('', ['1'], '4', '没有回答第一题'), 400, '第1题为必答题', '没有回答第一题'],
    ['too many choices', sheet('0', ['0', '1', '2'], '4', '选多了'), 400, '第2题最多选择2项', '选多了'],
    ['a point off the scale', sheet('0', ['1'], '9', '分值越界'), 400, '第3题请在1至5之间选择一个分值', '分值越界'],
  ])(
    'refuses %s with a Chinese message beside the question and the typed text kept',
    async (_name, fields, status, words, kept) => {
      const response = await answer(named(fields), '192.0.2.50');
      expect(response.statusCode).toBe(status);
      expect(response.body).toContain(words);
      if (kept) expect(response.body).toContain(kept);
    },
  );

  it('shows the results counted from the stored sheets: chart and table agree with a count of the answers', async () => {
    // Read once so the page is kept, then one more sheet: the kept page must not be served again.
    await publicPage(`/hdjl/wldc/${id}/jieguo`);
    expect((await answer(named(sheet('0', ['0'], '5')), '192.0.2.60')).statusCode).toBe(200);
    const page = await publicPage(`/hdjl/wldc/${id}/jieguo`);
    expect(page.statusCode).toBe(200);

    // Counts straight from the stored rows, without the product's tally.
    const rows = await app.database.db
      .selectFrom('survey_answers')
      .select('answers')
      .where('survey_id', '=', id)
      .execute();
    const sheets = rows.map((row) => JSON.parse(row.answers) as SurveyAnswer[]);
    expect(sheets).toHaveLength(7);
    const counted = (questionId: string, slots: number, slotOf: (answer: SurveyAnswer) => number[]) => {
      const counts = new Array<number>(slots).fill(0);
      let respondents = 0;
      for (const answers of sheets) {
        const found = answers.find((a) => a.questionId === questionId);
        if (!found) continue;
        respondents++;
        for (const slot of slotOf(found)) counts[slot]!++;
      }
      return counts.map((count) => ({
        count,
        percent: `${(Math.round((count * 1000) / respondents) / 10).toFixed(1)}%`,
      }));
    };
    const expected = [
      counted(questionIds[0]!, 2, (a) => (a.kind === 'single' ? [a.option] : [])),
      counted(questionIds[1]!, 3, (a) => (a.kind === 'multiple' ? a.options : [])),
      counted(questionIds[2]!, 5, (a) => (a.kind === 'scale' ? [a.value - 1] : [])),
    ];
    expect(expected[0]!.map((c) => c.count)).toEqual([5, 2]);

    expect(page.body).toContain('共收到答卷 7 份');
    for (const [index, counts] of expected.entries()) {
      const section = page.body.split(`id="q${index + 1}"`)[1]!.split('class="survey-question-result"')[0]!;
      // The chart is an SVG drawn on the server, inline, with its numbers in its text alternative.
      const svg = /<svg[\s\S]*?<\/svg>/.exec(section)?.[0];
      expect(svg, `chart of question ${index + 1}`).toBeDefined();
      expect(svg).toContain('role="img"');
      const desc = /<desc>([\s\S]*?)<\/desc>/.exec(svg!)![1]!;
      const fromChart = [...desc.matchAll(/ (\d+)人（([\d.]+%)）/g)].map((m) => ({
        count: Number(m[1]),
        percent: m[2],
      }));
      const fromTable = [...section.matchAll(/<td class="count">(\d+)<\/td><td class="percent">([\d.]+%)<\/td>/g)].map(
        (m) => ({ count: Number(m[1]), percent: m[2] }),
      );
      expect(fromChart).toEqual(counts);
      expect(fromTable).toEqual(counts);
      // The bars themselves: one per option in order, each as tall as its count (the value axis starts at 0).
      const bars = [...svg!.matchAll(/<path d="M[\d.]+ [\d.]+l[\d.]+ 0l0 (-?[\d.]+)l-[\d.]+ 0Z" fill="#1d5fa6"/g)].map(
        (m) => -Number(m[1]),
      );
      expect(bars).toHaveLength(counts.length);
      const tallest = Math.max(...bars);
      const most = Math.max(...counts.map((c) => c.count));
      bars.forEach((height, bar) => expect(height / tallest).toBeCloseTo(counts[bar]!.count / most, 2));
    }
    // The text answers are shown as typed, never as markup.
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;希望延长&lt;b&gt;周末&lt;/b&gt;');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<b>周末</b>');
  });

  it('downloads the results as CSV (UTF-8 with BOM) and XLSX with the same numbers', async () => {
    const csv = await publicPage(`/hdjl/wldc/${id}/jieguo.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('题号,题目,题型,选项或回答,人数,占比');
    expect(text).toContain('1,您是否在网上办理过业务？,单选题,是,5,71.4%');
    expect(text).toContain('答卷总数 7 份');
    expect(text).toContain('<script>alert(1)</script>希望延长<b>周末</b>办理时间');

    const xlsx = await publicPage(`/hdjl/wldc/${id}/jieguo.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [sheetRead] = (await readWorkbook(xlsx.rawPayload))!;
    expect(sheetRead!.name).toBe('调查结果');
    expect(sheetRead!.rows[0]).toEqual(['题号', '题目', '题型', '选项或回答', '人数', '占比']);
    expect(sheetRead!.rows).toContainEqual(['1', '您是否在网上办理过业务？', '单选题', '是', '5', '71.4%']);
    writeFileSync(join(dir, 'results.xlsx'), xlsx.rawPayload);
  });

  it('is readable in the open API with the same numbers as the results page', async () => {
    const list = await publicPage('/api/v1/surveys');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; phase: string; limit: string }[] }>().items;
    expect(items.map((s) => [s.id, s.phase, s.limit])).toContainEqual([id, 'open', 'per_device']);
    const detail = await publicPage(`/api/v1/surveys/${id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<{
      respondents: number;
      questions: { kind: string; respondents: number; rows: { count: number; percent: string }[]; texts: string[] }[];
    }>();
    expect(body.respondents).toBe(7);
    expect(body.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'scale', 'text']);
    expect(body.questions[0]!.rows).toEqual([
      { label: '是', count: 5, percent: '71.4%' },
      { label: '否', count: 2, percent: '28.6%' },
    ]);
    // Text answers are data in the API: given as typed, for the reader to escape.
    expect(body.questions[3]!.texts).toContain(SCRIPT);
    expect(body.questions[3]!.rows).toEqual([]);
    const unknown = await publicPage('/api/v1/surveys/0123456789abcdef');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ code: string }>().code).toBe('not_found');
  });

  it.skipIf(!HAS_CALC)(
    'opens the XLSX download in LibreOffice with its Chinese cells',
    async () => {
      await run(
        LIBREOFFICE_PATH,
        [
          `-env:UserInstallation=file://${join(dir, `profile-${dialect.name}`)}`,
          '--headless',
          '--convert-to',
          // 44 = comma, 34 = double quote, 76 = UTF-8.
          'csv:Text - txt - csv (StarCalc):44,34,76',
          join(dir, 'results.xlsx'),
          '--outdir',
          dir,
        ],
        { timeout: 120_000 },
      );
      const converted = readFileSync(join(dir, 'results.csv'), 'utf8');
      expect(converted).toContain('题号,题目,题型,选项或回答,人数,占比');
      expect(converted).toContain('您是否在网上办理过业务？,单选题,是,5,71.4%');
      expect(converted).toContain('12345热线');
      expect(converted).toContain('很满意');
    },
    150_000,
  );

  it('takes one of two sheets from one device sent at the same moment, and refuses the other in Chinese', async () => {
    const browser: CookieJar = {};
    const page = await server.inject({ method: 'GET', url: `/hdjl/wldc/${id}`, remoteAddress: '192.0.2.80' });
    keepCookies(page, browser);
    const send = (ip: string) =>
      server.inject({
        method: 'POST',
        url: `/hdjl/wldc/${id}`,
        cookies: browser,
        headers: FORM,
        remoteAddress: ip,
        payload: new URLSearchParams([['_csrf', csrfFieldOf(page.body)], ...named(sheet('1', ['2'], '2'))]).toString(),
      });
    const statuses = (await Promise.all([send('192.0.2.81'), send('192.0.2.82')])).map((r) => r.statusCode);
    expect(statuses.sort()).toEqual([200, 409]);
    // The store itself keeps one sheet per device key (the unique index), and any number without one.
    const at = app.clock.now().toISOString();
    const stored = { surveyId: id, answers: [], personKey: null, addressKey: 'x'.repeat(32), createdAt: at };
    expect(
      await app.stores.surveys.insertAnswer({ ...stored, id: 'racesheet0000001', deviceKey: 'k'.repeat(32) }),
    ).toBe(true);
    expect(
      await app.stores.surveys.insertAnswer({ ...stored, id: 'racesheet0000002', deviceKey: 'k'.repeat(32) }),
    ).toBe(false);
    expect(await app.stores.surveys.insertAnswer({ ...stored, id: 'racesheet0000003', deviceKey: null })).toBe(true);
    expect(await app.stores.surveys.insertAnswer({ ...stored, id: 'racesheet0000004', deviceKey: null })).toBe(true);
  });

  it('closes early: the results stay, answers are refused with a 409 page in Chinese, every change audited', async () => {
    expect((await post(officer, admin(), `${admin()}/close`, [])).statusCode).toBe(303);
    const late = await answer(named(sheet('0', ['1'], '4', '迟到的答卷')), '192.0.2.70');
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('本次调查已于2026-03-03 00:00结束');
    expect(late.body).toContain('迟到的答卷');
    expect((await publicPage(`/hdjl/wldc/${id}/jieguo`)).body).toContain('已结束');
    expect((await post(officer, admin(), `${admin()}/close`, [])).statusCode).toBe(409);
    expect(await auditTrail(app, { entityType: 'survey', entityId: id })).toEqual([
      'survey.drafted',
      'survey.published',
      'survey.closed',
    ]);
    // Every sheet taken through the form (the store-level sheets above went round the use case).
    const answered = (await app.stores.surveys.answers(id)).filter((stored) => !stored.id.startsWith('racesheet'));
    expect(answered).toHaveLength(8);
    for (const stored of answered) {
      expect(await auditTrail(app, { entityType: 'survey_answer', entityId: stored.id })).toEqual(['survey.answered']);
    }
  });

  it('answers odd ids and pages with 400 or 404 in Chinese, never 500', async () => {
    for (const url of [
      '/hdjl/wldc/x',
      '/hdjl/wldc/0123456789abcdef',
      '/hdjl/wldc/0123456789abcdef/jieguo',
      '/hdjl/wldc/0123456789abcdef/jieguo.csv',
      '/hdjl/wldc/?page=0',
    ]) {
      const response = await publicPage(url);
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.body).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
