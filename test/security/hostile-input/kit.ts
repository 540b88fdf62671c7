import type { IncomingMessage, ServerResponse } from 'node:http';
import { noChoices, subscriberToken } from '../../../src/modules/notifications/index.ts';
import type { FastifyInstance } from 'fastify';
import inject from 'light-my-request';
import { expect } from 'vitest';
import { makePdf } from '../../../src/demo/files.ts';
import { approveCatalog } from '../../../src/modules/catalog/commands/approve-catalog.ts';
import { importCatalogTemplate } from '../../../src/modules/catalog/commands/import-catalog-template.ts';
import { startCatalogVersion } from '../../../src/modules/catalog/commands/start-catalog-version.ts';
import { submitCatalog } from '../../../src/modules/catalog/commands/submit-catalog.ts';
import { createDraft } from '../../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../../src/modules/documents/commands/submit-edition.ts';
import { markAsDemo, type TestApp } from '../../app.ts';
import { UPSTREAM_SECRET } from '../../requests/provincial-kit.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../../fixtures.ts';
import { csrfFieldOf, keepCookies, signedIn, tokenFor } from '../../http/http-kit.ts';
import { multipartBody } from './hostile-bodies.ts';
import { registerRequest, submitApplication, takeStep } from '../../../src/modules/requests/index.ts';
import { createConcern, submitConcernResponse } from '../../../src/modules/interpretation/index.ts';
import {
  answerMessage,
  publishConsultation,
  publishSurvey,
  requestVerificationCode,
  saveDecision,
  saveMeeting,
  changeMeeting,
  registerForMeeting,
  saveDraft,
  saveSurvey,
  submitComment,
  submitSurveyAnswers,
  submitMessage,
} from '../../../src/modules/participation/index.ts';
import { seedHostileInterviews } from './interview-kit.ts';
import { submitInterpretation } from '../../interpretation/interpretation-fixtures.ts';
import { PERSON } from '../../../src/modules/requests/domain/request.fixture.ts';
import { damagePath, pct, rawBytes, UNKNOWN_ID, type Rng } from './hostile-values.ts';
import { operationsOf, type ApiOperation, type OpenApiDocument } from './openapi.ts';
import { problemsOf, report, type Answer, type Probe } from './probes.ts';

/**
 * The shared part of a bounded, deterministic fuzz of the whole HTTP surface: a few thousand
 * hostile requests per database dialect, over every route of the OpenAPI document, every public
 * page, the sign-in form and (signed in) the back office's pages. Whatever arrives, the server must
 * never answer 5xx, must always send the security headers, and must refuse in Chinese in the format
 * of the part of the site asked: `{ code, message }` JSON under /api/, an HTML page elsewhere.
 *
 * The fuzz is split into chunks, one test file each (`api`, `public-site`, `sign-in-and-back-office`),
 * every file on its own app and database, seeded here the same way. The requests come from seeded
 * PRNGs (mulberry32, one label per test), so every run sends exactly the same ones; a failure names
 * the request (label, method, target, headers, body) so it can be sent again.
 *
 * Request targets are delivered to the server exactly as written, the way Node's HTTP parser
 * hands them over: `server.inject` (light-my-request) would first normalise them with WHATWG URL
 * parsing, resolving `..`, `%2e%2e` and backslashes before the server ever saw them. So requests
 * go through the same light-my-request machinery as `inject`, dispatched to `server.routing` (the
 * server's own request handler) with the raw target put back on the request. Targets stay printable
 * ASCII, plus a few raw UTF-8 bytes read as latin1, which is what Node makes of them.
 */

/** A question block of the survey form, as typed (the seeded surveys fill in the rest). */
const SURVEY_QUESTION = {
  id: '',
  kind: 'single',
  title: '',
  required: true,
  remove: false,
  options: '',
  minSelections: '',
  maxSelections: '',
  maxLength: '',
  from: '1',
  to: '5',
  fromLabel: '',
  toLabel: '',
};

/** The fuzz's clock. */
export const NOW = '2026-03-02T02:00:00Z';

/**
 * How every chunk's app is made: the fuzz's clock, uploads limited to 1 MB, the link with the
 * provincial platform on (so its intake checks signatures rather than answering that it is off).
 */
export const HOSTILE_APP_OPTIONS = {
  now: NOW,
  env: { GONGKAI_MAX_UPLOAD_MB: '1', GONGKAI_UPSTREAM_SECRET: UPSTREAM_SECRET },
};

/** The fuzz as a whole sends at least this many hostile requests per dialect. */
export const MINIMUM_REQUESTS = 2_000;

/** The chunks of the fuzz, one test file each. */
export type Chunk = 'api' | 'public-site' | 'sign-in-and-back-office';

/**
 * The least each chunk (test file) must send per dialect. Each file asserts its own share after
 * its tests (`expectShareSent`, in its `afterAll`), and the shares add up to MINIMUM_REQUESTS, so
 * when every file passes the chunks together sent at least 2,000; `sign-in-and-back-office.test.ts`
 * checks that sum in its test "sent at least 2,000 hostile requests". Each share is about half of
 * what the file sends today (about 2,200, 1,500 and 620 requests).
 */
export const REQUEST_SHARES: Readonly<Record<Chunk, number>> = {
  api: 1_000,
  'public-site': 650,
  'sign-in-and-back-office': 350,
};

/** Marks the district as the demo (no two-factor sign-in needed) and seeds the fuzz's units and staff. */
export async function seedHostileFixture(app: TestApp): Promise<Fixture> {
  await markAsDemo(app);
  return seedFixture(app, [
    { role: 'editor', org: 'edu' },
    { role: 'reviewer', org: 'edu' },
    { role: 'editor', org: 'town' },
    { role: 'reviewer', org: 'town' },
    { role: 'district_admin', org: 'dist' },
    { role: 'system_admin', org: 'dist' },
    { role: 'editor', org: 'civ' },
    { role: 'foi_officer', org: 'edu' },
    { role: 'interaction_officer', org: 'civ' },
  ]);
}

/** A back-office form that changes content (not access): where it posts, its fields, whose it is. */
export type StaffForm = {
  action: string;
  fields: [string, string][];
  multipart: boolean;
  /** The names of its file inputs ('file' when it has none of its own). */
  fileFields: string[];
  cookie: string;
  csrf: string;
};

/** One chunk's fuzz: what was set up for it, and how it sends requests and judges the answers. */
export type HostileRun = {
  /** The dialect's name, for the printed counts. */
  dialect: string;
  /** When the chunk's setup began (`performance.now()`). */
  startedAt: number;
  /** Requests sent so far. */
  readonly sent: number;
  /** The editor's token. */
  token: string;
  /** Tokens of an editor, a reviewer and a district administrator, so routes get past their permission checks. */
  tokens: string[];
  /** Every operation of the OpenAPI document. */
  operations: ApiOperation[];
  /** Real values for the `{name}` parameters of routes and pages. */
  values: Record<string, string[]>;
  /** Good values for request body fields, by name. */
  knownBodyValues: Record<string, unknown>;
  /** The cookie and `_csrf` field of the sign-in form. */
  loginCookie: string;
  loginCsrf: string;
  /** The session cookie of the system administrator. */
  staffCookie: string;
  /** The back office's forms that change content, read from its pages. */
  staffForms: StaffForm[];
  /** Sends one request with its target exactly as written, and counts it. */
  send: (probe: Probe) => Promise<Answer>;
  /** Sends every probe in order; returns the report of each wrong answer. */
  sendAll: (probes: Probe[]) => Promise<string[]>;
  /** Fails with up to 20 of the wrong answers listed, and checks nothing polluted Object.prototype. */
  expectAllAnsweredWell: (failures: string[], probes: Probe[]) => void;
  /** A route or page template with its `{name}` parameters filled with real values. */
  fill: (template: string, rng: Rng) => string;
  /** The template's path with one of many kinds of damage done to it. */
  damagedPath: (template: string, rng: Rng) => { path: string; how: string };
  /** The editor's token, or with a PRNG one of the three tokens. */
  bearer: (rng?: Rng) => { authorization: string };
};

/**
 * Seeds what the fuzz aims at (published documents, one with an attachment, documents the staff
 * API may change, the town's catalog), reads the OpenAPI document, signs three members of staff in
 * and reads the back office's forms; `fixture` is what `seedHostileFixture` returned.
 */
export async function prepareHostileRun(options: {
  dialect: string;
  app: TestApp;
  server: FastifyInstance;
  fixture: Fixture;
  startedAt: number;
}): Promise<HostileRun> {
  const { dialect, app, server, fixture } = options;
  const values: Record<string, string[]> = {};
  const staffForms: StaffForm[] = [];
  let sent = 0;

  async function send(probe: Probe): Promise<Answer> {
    sent++;
    // What the listening server runs: the page cache's front door (which answers kept pages, so
    // hostile headers and targets reach it too), then Fastify's routing.
    const [handler] = server.server.listeners('request') as ((
      request: IncomingMessage,
      response: ServerResponse,
    ) => void)[];
    const dispatch = (request: IncomingMessage, response: ServerResponse) => {
      request.url = probe.url;
      handler!(request, response);
    };
    return inject(dispatch, {
      method: probe.method,
      url: '/',
      headers: probe.headers ?? {},
      remoteAddress: probe.remoteAddress ?? '127.0.0.1',
      ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
    });
  }

  /** Drafts the fuzz itself created become targets of later requests. */
  function harvest(answer: Answer): void {
    if (answer.statusCode !== 201 || !String(answer.headers['content-type']).startsWith('application/json')) return;
    const created = JSON.parse(answer.body) as { editionId?: unknown; documentId?: unknown };
    if (typeof created.editionId === 'string' && values.editionId!.length < 40)
      values.editionId!.push(created.editionId);
    if (typeof created.documentId === 'string' && values.docId!.length < 40) values.docId!.push(created.documentId);
  }

  async function sendAll(probes: Probe[]): Promise<string[]> {
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    const t0 = performance.now();
    for (const probe of probes) {
      let answer: Answer | undefined;
      try {
        answer = await send(probe);
      } catch (error) {
        failures.push(report(probe, undefined, [`the request failed: ${String(error)}`]));
        continue;
      }
      const problems = problemsOf(probe, answer);
      harvest(answer);
      const key = `${answer.statusCode}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (problems.length > 0) failures.push(report(probe, answer, problems));
    }
    const seen = [...statuses].sort().map(([status, count]) => `${status}×${count}`);
    console.log(
      `${dialect}: ${probes.length} requests in ${(performance.now() - t0).toFixed(0)} ms, answered ${seen.join(' ')}`,
    );
    return failures;
  }

  function expectAllAnsweredWell(failures: string[], probes: Probe[]): void {
    const polluted = Object.keys(Object.prototype);
    expect(polluted, 'Object.prototype gained properties').toEqual([]);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype.polluted').toBeUndefined();
    expect(
      failures.length,
      `${failures.length} of ${probes.length} hostile requests were answered wrongly; the first ${Math.min(20, failures.length)}:\n${failures.slice(0, 20).join('\n')}`,
    ).toBe(0);
  }

  /**
   * Real values for a `{name}` parameter: by the segment before it where that says what it is (an
   * edition, a document, a unit), else by its name, else any real value at all; for new routes too.
   */
  const poolFor = (before: string, name: string): string[] => {
    if (name === 'id' && before === 'editions') return values.editionId!;
    if (name === 'id' && before === 'documents') return values.docId!;
    if (name === 'id' && before === 'interviews') return values.interviewId!;
    if (before === 'orgs' || before === 'catalogs') return values.code!;
    return values[name] ?? values.any!;
  };
  const fill = (template: string, rng: Rng) =>
    template.replace(
      /([^/]*)\/\{(\w+)\}/g,
      (_, before: string, name: string) => `${before}/${rng.pick(poolFor(before, name))}`,
    );

  const damagedPath = (template: string, rng: Rng) => damagePath(template, fill(template, rng), rng);

  const token = await tokenFor(app, 'edu.editor');
  const tokens = [token, await tokenFor(app, 'edu.reviewer'), await tokenFor(app, 'dist.district_admin')];
  const eduId = fixture.orgs.get('edu')!.id;
  const deps = { uow: app.uow, clock: app.clock, sanitiser: app.sanitiser };
  const editor = fixture.staff('edu.editor');

  // Published documents for the public pages (three, so a page size of 1 or 2 shows paging).
  const showcase = await publishedDocument(app, fixture, {
    org: 'edu',
    editor: 'edu.editor',
    reviewer: 'edu.reviewer',
    content: { title: '关于公开测试的通知', docNumber: '测教发〔2026〕11号' },
  });
  const second = await publishedDocument(app, fixture, {
    org: 'edu',
    editor: 'edu.editor',
    reviewer: 'edu.reviewer',
    content: { title: '关于第二份公开测试的通知', docNumber: '测教发〔2026〕12号', topic: '科技、教育' },
  });

  // One with an attachment, uploaded through the API as a client would.
  const withFile = await createDraft({
    ...deps,
    actor: editor,
    orgId: eduId,
    input: sampleContent({ title: '附有附件的公开测试通知', docNumber: '测教发〔2026〕13号' }),
  });
  const upload = multipartBody([{ name: 'file', fileName: '附件 测试.pdf', bytes: makePdf('fuzz') }]);
  const uploaded = await server.inject({
    method: 'POST',
    url: `/api/v1/staff/editions/${withFile.edition.id}/attachments`,
    headers: { authorization: `Bearer ${token}`, 'content-type': upload.type },
    payload: upload.payload,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const attachment = uploaded.json<{ id: string; fileName: string }>();
  await submitEdition({ ...deps, actor: editor, editionId: withFile.edition.id });
  await publishEdition({ ...deps, actor: fixture.staff('edu.reviewer'), editionId: withFile.edition.id });

  // Documents the staff API may change as it likes: a draft, a submitted one, a published one.
  const draft = await createDraft({
    ...deps,
    actor: editor,
    orgId: eduId,
    input: sampleContent({ title: '供接口模糊测试的草稿', docNumber: '测教发〔2026〕14号' }),
  });
  const submitted = await createDraft({
    ...deps,
    actor: editor,
    orgId: eduId,
    input: sampleContent({ title: '供接口模糊测试的待审稿', docNumber: '测教发〔2026〕15号' }),
  });
  await submitEdition({ ...deps, actor: editor, editionId: submitted.edition.id });
  const sacrificial = await publishedDocument(app, fixture, {
    org: 'edu',
    editor: 'edu.editor',
    reviewer: 'edu.reviewer',
    content: { title: '供接口模糊测试的已发布信息', docNumber: '测教发〔2026〕16号' },
  });

  // The town's standard catalog, published, for the catalog pages.
  const townEditor = fixture.staff('town.editor');
  const version = await startCatalogVersion({ ...deps, actor: townEditor, orgId: fixture.orgs.get('town')!.id });
  await importCatalogTemplate({ ...deps, actor: townEditor, versionId: version.id, fieldCode: '20' });
  await submitCatalog({ ...deps, actor: townEditor, versionId: version.id });
  await approveCatalog({ ...deps, actor: fixture.staff('dist.district_admin'), versionId: version.id });
  const entries = await app.stores.catalogs.entriesOf(version.id);

  // A concern with a published response, for the 回应关切 pages.
  const concern = await createConcern({
    ...deps,
    actor: editor,
    orgId: eduId,
    input: { title: '模糊测试关切', summary: '模糊测试的关切内容', source: '网民留言', reportedAt: app.clock.now() },
  });
  const response = await submitConcernResponse({
    ...app,
    stores: app.stores,
    maxUploadBytes: 1024 * 1024,
    actor: editor,
    concernId: concern.id,
    documentId: null,
    input: { title: '模糊测试回应', text: '模糊测试的回应内容', linkedDocumentIds: [showcase.documentId] },
  });
  await publishEdition({ ...deps, actor: fixture.staff('edu.reviewer'), editionId: response.edition.id });
  values.concernId = [concern.id, UNKNOWN_ID];
  // A graphic interpretation (in review), for its new-media downloads: small, so its poster is quick.
  const interpretation = await submitInterpretation(app, fixture, {
    org: 'edu',
    editor: 'edu.editor',
    policyDocumentId: showcase.documentId,
    title: '一图读懂公开测试通知',
    blocks: [
      { kind: 'heading', text: '要点' },
      { kind: 'figure', value: '12', unit: '项', caption: '公开事项' },
      {
        kind: 'chart',
        chartType: 'bar',
        title: '事项',
        unit: '项',
        description: '2025年公开事项12项，比上年增加2项。',
        dataText: '项目\t件数\n事项\t12',
      },
    ],
  });

  const documentIds = [showcase.documentId, second.documentId, withFile.edition.documentId];
  const editionIds = [draft.edition.id, submitted.edition.id, sacrificial.id, showcase.id];
  values.docId = [...documentIds, sacrificial.documentId, UNKNOWN_ID];
  values.editionId = [...editionIds, UNKNOWN_ID];
  values.documentId = [interpretation.documentId, interpretation.documentId, showcase.documentId, UNKNOWN_ID];
  values.id = [...documentIds, sacrificial.documentId, ...editionIds, attachment.id, UNKNOWN_ID];
  values.attachmentId = [attachment.id, UNKNOWN_ID];
  values.fileName = [pct(attachment.fileName), 'x.pdf', rawBytes(attachment.fileName)];
  values.code = ['edu', 'dist', 'town', 'school', 'nosuchunit'];
  values.orgCode = ['town', 'edu', 'dist', 'nosuchunit'];
  values.entryKey = [entries[0]!.key, entries[1]!.key, UNKNOWN_ID];
  values.entryId = [entries[0]!.id, UNKNOWN_ID];
  values.userId = [fixture.staff('edu.editor').userId, UNKNOWN_ID];
  values.asset = ['site.css', 'admin.css', 'nothing.css'];
  values.year = ['2025', '2026', '2027', '2007', '0', '-1', '2025.5', '99999999999999999999'];
  // One disclosure application, for the receipt page.
  const application = await submitApplication({
    uow: app.uow,
    clock: app.clock,
    cipher: app.cipher,
    actor: { kind: 'public', ip: '127.0.0.1' },
    channel: 'online',
    agencyCode: 'edu',
    input: { ...PERSON, name: '模糊测试申请人', description: '模糊测试所需的政府信息' },
  });
  // Two more, in handling and replied with a released file, for the reply and delivery forms (which
  // take files) and the files' download routes.
  const officer = fixture.staff('edu.foi_officer');
  const handled: string[] = [];
  for (const name of ['模糊测试办理中', '模糊测试已答复']) {
    const submitted = await submitApplication({
      uow: app.uow,
      clock: app.clock,
      cipher: app.cipher,
      actor: { kind: 'public', ip: '127.0.0.1' },
      channel: 'online',
      agencyCode: 'edu',
      input: { ...PERSON, name, description: '模糊测试所需的政府信息' },
      attachments: {
        services: app,
        files: [{ fileName: '身份证明.pdf', content: { bytes: makePdf(name.length.toString()) } }],
      },
    });
    const calendar = await app.calendarCache.get();
    const today = app.clock.now().toISOString().slice(0, 10);
    await registerRequest({
      uow: app.uow,
      clock: app.clock,
      calendar,
      actor: officer,
      requestId: submitted.request.id,
      receivedOn: today,
    });
    await takeStep({
      uow: app.uow,
      clock: app.clock,
      calendar,
      actor: officer,
      requestId: submitted.request.id,
      action: { kind: 'assign', assigneeId: officer.userId, assigneeName: officer.displayName },
    });
    handled.push(submitted.request.id);
  }
  const calendar = await app.calendarCache.get();
  await takeStep({
    uow: app.uow,
    clock: app.clock,
    calendar,
    actor: officer,
    requestId: handled[1]!,
    action: { kind: 'reply', on: app.clock.now().toISOString().slice(0, 10), outcome: '3.1', reason: '', withheld: [] },
    files: { services: app, incoming: [{ fileName: '公开信息.pdf', content: { bytes: makePdf('released') } }] },
  });
  const requestFiles = (await Promise.all(handled.map((id) => app.stores.requestFiles.filesOf(id)))).flat();
  values.trackingCode = [application.request.trackingCode, 'YS-22222-22222', 'ys2222222222', UNKNOWN_ID];
  values.requestId = [application.request.id, ...handled, UNKNOWN_ID];
  values.fileId = [...requestFiles.map((f) => f.id), UNKNOWN_ID];
  // A subscriber, for the pages its signed link opens (preferences, unsubscribe).
  const at = app.clock.now().toISOString();
  const subscriber = {
    id: 'hostilesubscr1be',
    channel: 'email' as const,
    address: 'fuzz.subscriber@example.cn',
    label: null,
    secret: null,
    state: 'active' as const,
    frequency: 'immediate' as const,
    tokenVersion: 1,
    createdAt: at,
    updatedAt: at,
    confirmedAt: at,
    unsubscribedAt: null,
  };
  await app.stores.notifications.saveSubscriber(subscriber);
  await app.stores.notifications.replaceChoices(subscriber.id, { ...noChoices(), policy: ['减税降费'] });
  values.subscriberId = [subscriber.id, UNKNOWN_ID];
  values.subscriberToken = [subscriberToken(app.secret, subscriber), `1.${'A'.repeat(43)}`, 'x'];
  // Consultations: one open with a comment on a paragraph, one still a draft (意见征集).
  const interactionOfficer = fixture.staff('civ.interaction_officer');
  const today = app.clock.now().toISOString().slice(0, 10);
  const consultationIds: string[] = [];
  for (const title of ['模糊测试征求意见稿', '模糊测试草稿']) {
    const consultation = await saveDraft({
      uow: app.uow,
      clock: app.clock,
      actor: interactionOfficer,
      consultationId: null,
      input: {
        orgId: fixture.orgs.get('civ')!.id,
        title,
        summary: '模糊测试的说明',
        major: false,
        shortReason: '',
        opensOn: today,
        closesOn: '2099-12-31',
        text: '第一条 模糊测试的第一段。\n第二条 模糊测试的第二段。',
      },
    });
    consultationIds.push(consultation.id);
  }
  await publishConsultation({
    uow: app.uow,
    clock: app.clock,
    actor: interactionOfficer,
    consultationId: consultationIds[0]!,
  });
  const consultationComment = await submitComment({
    uow: app.uow,
    clock: app.clock,
    actor: { kind: 'public', ip: '127.0.0.9' },
    secret: app.secret,
    consultationId: consultationIds[0]!,
    input: { body: '模糊测试的意见', name: '', paragraph: 1 },
  });
  values.consultationId = [consultationIds[0]!, consultationIds[0]!, consultationIds[1]!, UNKNOWN_ID];
  values.commentId = [consultationComment.id, UNKNOWN_ID];
  // Surveys: one open with an answer sheet, one still a draft (网络调查).
  const surveyIds: string[] = [];
  for (const title of ['模糊测试网络调查', '模糊测试调查草稿']) {
    const survey = await saveSurvey({
      uow: app.uow,
      clock: app.clock,
      actor: interactionOfficer,
      surveyId: null,
      input: {
        orgId: fixture.orgs.get('civ')!.id,
        title,
        description: '模糊测试的调查说明',
        opensAt: '2026-03-02T10:00',
        closesAt: '2099-12-31T18:00',
        perAddressPerDay: '1000',
        questions: [
          { ...SURVEY_QUESTION, kind: 'single', title: '单选题', options: '是\n否' },
          { ...SURVEY_QUESTION, kind: 'multiple', title: '多选题', options: '甲\n乙\n丙', maxSelections: '2' },
          { ...SURVEY_QUESTION, kind: 'scale', title: '量表题', fromLabel: '不满意', toLabel: '满意' },
          { ...SURVEY_QUESTION, kind: 'text', title: '填空题', required: false },
        ],
      },
    });
    surveyIds.push(survey.id);
  }
  await publishSurvey({ uow: app.uow, clock: app.clock, actor: interactionOfficer, surveyId: surveyIds[0]! });
  const surveyQuestions = (await app.stores.surveys.get(surveyIds[0]!))!.questions;
  await submitSurveyAnswers({
    uow: app.uow,
    clock: app.clock,
    actor: { kind: 'public', ip: '127.0.0.9' },
    secret: app.secret,
    surveyId: surveyIds[0]!,
    deviceId: 'hostile-fuzz-device-0001',
    personKey: null,
    posted: Object.fromEntries(surveyQuestions.map((q, i) => [q.id, ['0', '1', '3', '模糊测试的建议'][i]!])),
  });
  values.surveyId = [surveyIds[0]!, surveyIds[0]!, surveyIds[1]!, UNKNOWN_ID];
  // A code sent to verify a resident's e-mail address, for the code page (验证身份).
  const verification = await requestVerificationCode({
    uow: app.uow,
    clock: app.clock,
    actor: { kind: 'public', ip: '127.0.0.9' },
    secret: app.secret,
    siteName: '模糊测试',
    smsAvailable: false,
    contact: 'fuzz.verify@example.cn',
  });
  values.verificationId = [verification.id, UNKNOWN_ID];
  values.surveyQuestionId = surveyQuestions.map((q) => q.id);
  // Residents' messages: one answered and published, one waiting (政民互动).
  const messageIds: string[] = [];
  for (const title of ['模糊测试留言已答复', '模糊测试留言待受理']) {
    const { message, pin } = await submitMessage({
      uow: app.uow,
      clock: app.clock,
      actor: { kind: 'public', ip: '127.0.0.10' },
      cipher: app.cipher,
      secret: app.secret,
      input: {
        orgId: fixture.orgs.get('civ')!.id,
        kind: 'consult',
        title,
        body: '模糊测试的留言内容',
        name: '模糊测试',
        contact: '13800138000',
        publicConsent: true,
      },
    });
    messageIds.push(message.id);
    values.messageCode = [...(values.messageCode ?? []), message.trackingCode];
    values.messagePin = [...(values.messagePin ?? []), pin];
  }
  await answerMessage({
    uow: app.uow,
    clock: app.clock,
    actor: interactionOfficer,
    messageId: messageIds[0]!,
    answer: '模糊测试的答复',
    publish: true,
  });
  values.messageId = [messageIds[0]!, messageIds[1]!, UNKNOWN_ID];
  values.orgId = [fixture.orgs.get('civ')!.id, eduId, UNKNOWN_ID];
  // An item of the major-decisions directory, linked to the open consultation.
  const decision = await saveDecision({
    uow: app.uow,
    clock: app.clock,
    actor: interactionOfficer,
    decisionId: null,
    input: {
      orgId: fixture.orgs.get('civ')!.id,
      year: '2026',
      title: '模糊测试重大决策',
      summary: '',
      basis: '',
      methods: ['consultation', 'hearing'],
      status: 'participation',
      plannedTime: '',
      consultationId: consultationIds[0]!,
      decidedOn: '',
      resultLink: '',
      withdrawnReason: '',
    },
  });
  values.decisionId = [decision.id, UNKNOWN_ID];
  // A hearing of that item, announced with registration open, and one resident registered.
  const meeting = await saveMeeting({
    uow: app.uow,
    clock: app.clock,
    actor: interactionOfficer,
    decisionId: decision.id,
    meetingId: null,
    input: {
      kind: 'hearing',
      title: '模糊测试听证会',
      matter: '模糊测试议题',
      place: '模糊测试地点',
      startsAt: '2026-04-20T09:30',
      registrationOpensOn: '2026-03-01',
      registrationClosesOn: '2026-04-10',
      seats: '5',
      selectionMethod: 'random',
      selectionRule: '随机抽选',
      materials: '',
      materialsLink: '',
    },
  });
  await changeMeeting({
    uow: app.uow,
    clock: app.clock,
    actor: interactionOfficer,
    meetingId: meeting.id,
    action: { type: 'announce' },
  });
  const meetingRegistration = await registerForMeeting({
    uow: app.uow,
    clock: app.clock,
    actor: { kind: 'public', ip: '127.0.0.11' },
    cipher: app.cipher,
    secret: app.secret,
    meetingId: meeting.id,
    input: { name: '模糊测试', contact: '13800138000', stakeholder: 'public', view: 'support', statement: '模糊测试' },
  });
  values.meetingId = [meeting.id, meeting.id, UNKNOWN_ID];
  values.meetingCode = [meetingRegistration.registration.receiptCode, 'TZ-22222-22222', UNKNOWN_ID];
  values.meetingPin = [meetingRegistration.pin, 'ZZZZZZ'];
  // Online interviews: one ended with its transcript (its event stream ends at once), one taking questions.
  const interviews = await seedHostileInterviews({
    app,
    actor: interactionOfficer,
    orgId: fixture.orgs.get('civ')!.id,
  });
  values.interviewId = [interviews.endedId, UNKNOWN_ID];
  values.openInterviewId = [interviews.openId, UNKNOWN_ID];
  values.interviewQuestionId = [interviews.questionId, UNKNOWN_ID];
  values.interviewPhotoId = [interviews.photoId, UNKNOWN_ID];
  values.any = [...values.id, ...values.code];

  const knownBodyValues: Record<string, unknown> = {
    ...sampleContent(),
    orgId: eduId,
    reason: '模糊测试的原因',
    overrideReason: '模糊测试的放行理由',
    at: '2026-03-09T02:00:00Z',
  };

  const openApi = await server.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(openApi.statusCode).toBe(200);
  const operations = operationsOf(openApi.json<OpenApiDocument>());
  expect(operations.length).toBeGreaterThan(10);

  const form = await server.inject({ method: 'GET', url: '/admin/login' });
  const loginCookie = Object.entries(keepCookies(form))
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const loginCsrf = csrfFieldOf(form.body);

  // Five members of staff signed in: the system and district administrators, an editor (drafting), a
  // disclosure officer (handling requests) and an interaction officer (consultations).
  const sessions: { cookie: string; csrf: string }[] = [];
  for (const username of [
    'dist.system_admin',
    'dist.district_admin',
    'edu.editor',
    'edu.foi_officer',
    'civ.interaction_officer',
  ]) {
    const jar = await signedIn(server, username);
    sessions.push({
      cookie: Object.entries(jar)
        .map(([name, value]) => `${name}=${value}`)
        .join('; '),
      csrf: csrfFieldOf((await server.inject({ method: 'GET', url: '/admin/', cookies: jar })).body),
    });
  }
  const staffCookie = sessions[0]!.cookie;

  // The back office's forms, read from its pages as a browser would; those about one's own account
  // (sign-out, password, tokens, two-factor) and the site settings are left alone, so the rest of the
  // run keeps its sessions, tokens and demo mode. User forms are read from town.reviewer's page only.
  const seen = new Set<string>();
  for (const url of [
    '/admin/documents/new',
    `/admin/editions/${draft.edition.id}/edit`,
    `/admin/documents/${draft.edition.documentId}`,
    `/admin/documents/${submitted.edition.documentId}`,
    `/admin/documents/${sacrificial.documentId}`,
    '/admin/orgs/new',
    '/admin/orgs/school/edit',
    '/admin/users/new',
    `/admin/users/${fixture.staff('town.reviewer').userId}`,
    '/admin/catalogs',
    '/admin/catalogs/town',
    '/admin/catalogs/edu',
    '/admin/catalogs/town/entries/new',
    '/admin/catalogs/edu/entries/new',
    `/admin/catalog-entries/${entries[0]!.id}/edit`,
    '/admin/calendar',
    '/admin/search/synonyms',
    `/admin/ysqgk/${application.request.id}`,
    ...handled.map((id) => `/admin/ysqgk/${id}`),
    '/admin/ysqgk/new',
    '/admin/ysqgk/texts',
    '/admin/reports/edu/2025',
    '/admin/reports/dist/2025',
    '/admin/interpretations/new',
    '/admin/interpretations/new?kind=qa',
    '/admin/interpretations/new?kind=media',
    '/admin/interpretations/new?kind=video',
    `/admin/interpretations/${interpretation.documentId}/edit`,
    '/admin/concerns/new',
    `/admin/concerns/${concern.id}`,
    '/admin/services/guides/new',
    '/admin/services/bundles/new',
    '/admin/push',
    '/admin/push/webhooks',
    '/admin/participation/consultations/new',
    ...consultationIds.map((id) => `/admin/participation/consultations/${id}`),
    ...consultationIds.map((id) => `/admin/participation/consultations/${id}/edit`),
    '/admin/participation/surveys/new',
    ...surveyIds.map((id) => `/admin/participation/surveys/${id}`),
    ...surveyIds.map((id) => `/admin/participation/surveys/${id}/edit`),
    ...messageIds.map((id) => `/admin/participation/messages/${id}`),
    '/admin/participation/decisions/new',
    `/admin/participation/decisions/${decision.id}/edit`,
    `/admin/participation/decisions/${decision.id}/meetings/new`,
    `/admin/participation/meetings/${meeting.id}`,
    '/admin/participation/interviews/new',
    `/admin/participation/interviews/${interviews.openId}`,
    `/admin/participation/interviews/${interviews.liveId}`,
    `/admin/participation/interviews/${interviews.endedId}`,
    `/admin/participation/interviews/${interviews.openId}/edit`,
  ]) {
    for (const by of sessions) {
      const page = await server.inject({ method: 'GET', url, headers: { cookie: by.cookie } });
      // A page this member of staff may not open (or not in this state) has no form for them.
      if (page.statusCode !== 200) continue;
      for (const match of page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        const attributes = match[1]!;
        const action = /action="([^"]*)"/.exec(attributes)?.[1]?.replace(/&amp;/g, '&');
        if (!/method="post"/i.test(attributes) || !action || seen.has(action)) continue;
        if (/logout|account|settings|2fa/.test(action)) continue;
        seen.add(action);
        const fields: [string, string][] = [];
        const fileFields: string[] = [];
        for (const input of match[2]!.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
          const name = /name="([^"]+)"/.exec(input[2]!)?.[1];
          if (!name || name === '_csrf') continue;
          if (/type="file"/.test(input[2]!)) fileFields.push(name);
          else fields.push([name, /value="([^"]*)"/.exec(input[2]!)?.[1] ?? '测试']);
        }
        staffForms.push({
          action,
          fields,
          multipart: /multipart\/form-data/.test(attributes),
          fileFields: fileFields.length > 0 ? fileFields : ['file'],
          ...by,
        });
      }
    }
  }
  expect(staffForms.length).toBeGreaterThan(5);

  const bearer = (rng?: Rng) => ({ authorization: `Bearer ${rng ? rng.pick(tokens) : token}` });

  return {
    dialect,
    startedAt: options.startedAt,
    get sent() {
      return sent;
    },
    token,
    tokens,
    operations,
    values,
    knownBodyValues,
    loginCookie,
    loginCsrf,
    staffCookie,
    staffForms,
    send,
    sendAll,
    expectAllAnsweredWell,
    fill,
    damagedPath,
    bearer,
  };
}

/**
 * Prints how many requests the chunk sent and asserts its share of MINIMUM_REQUESTS (see
 * REQUEST_SHARES), for a file's `afterAll`. A run that skips some of the file's tests (`-t`) sends
 * fewer on purpose, so the share is asserted only when every test of the suite ran.
 */
export function expectShareSent(
  run: HostileRun,
  chunk: Chunk,
  suite: { readonly tasks: readonly { readonly mode: string }[] },
): void {
  const seconds = ((performance.now() - run.startedAt) / 1000).toFixed(1);
  const share = REQUEST_SHARES[chunk];
  const everyTestRan = suite.tasks.every((task) => task.mode === 'run');
  console.log(
    `hostile input on ${run.dialect} (${chunk}): ${run.sent} requests sent in ${seconds} s (setup included); ` +
      (everyTestRan ? `its share is at least ${share.toLocaleString('en')}` : 'share not checked, some tests skipped'),
  );
  if (everyTestRan) expect(run.sent, `hostile requests sent by the ${chunk} chunk`).toBeGreaterThanOrEqual(share);
}
