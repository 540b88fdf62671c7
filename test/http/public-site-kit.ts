import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { makePdf } from '../../src/demo/files.ts';
import { addAttachment } from '../../src/modules/documents/commands/add-attachment.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { createNewEdition } from '../../src/modules/documents/commands/create-new-edition.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { rejectEdition } from '../../src/modules/documents/commands/reject-edition.ts';
import { scheduleEdition } from '../../src/modules/documents/commands/schedule-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { updateDraft } from '../../src/modules/documents/commands/update-draft.ts';
import { withdrawEdition } from '../../src/modules/documents/commands/withdraw-edition.ts';
import type { Attachment } from '../../src/modules/documents/ports.ts';
import type { TestApp } from '../app.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

/**
 * What the public-site suites (`public-site-*.test.ts`) share: the public site and the public JSON
 * API show what anybody may read, and nothing more. Every suite makes its own app with
 * `PUBLIC_SITE_APP_OPTIONS` and fills it with `seedPublicSite`: published documents, editions in
 * every unpublished state, a withdrawn document and a second edition in preparation.
 */

/** The public address the site is configured with. */
export const PUBLIC_URL = 'https://gk.example.gov.cn';

/** Published documents the public must find, each with a title no other document shares. */
export const PUBLISHED = {
  eduNotice: {
    org: 'edu',
    title: '测试区教育局关于春季学期开学工作的通知',
    topic: '科技、教育',
    genre: '通知',
    docNumber: '测教发[2026]3号',
    fieldCode: null,
  },
  civRelief: {
    org: 'civ',
    title: '测试区民政局关于调整临时救助标准的通知',
    topic: '民政、扶贫、救灾',
    genre: '通知',
    docNumber: '测民发（2026）5号',
    fieldCode: '20',
  },
  villageBudget: {
    org: 'vil',
    title: '乙村2026年村级财务收支公开',
    topic: '财政、金融、审计',
    genre: '统计信息',
    docNumber: null,
    fieldCode: '04',
  },
  guide: {
    org: 'edu',
    title: '测试区教育局政府信息公开指南（2026年版）',
    topic: '综合政务',
    genre: '公开指南',
    docNumber: null,
    fieldCode: null,
  },
  rules: {
    org: 'edu',
    title: '测试区教育局政府信息公开保密审查制度',
    topic: '综合政务',
    genre: '公开制度',
    docNumber: null,
    fieldCode: null,
  },
  annualReport: {
    org: 'edu',
    title: '测试区教育局2025年政府信息公开工作年度报告',
    topic: '综合政务',
    genre: '年度报告',
    docNumber: null,
    fieldCode: null,
  },
} as const;
/** One of the published documents. */
export type PublishedKey = keyof typeof PUBLISHED;
const { org: _eduOrg, ...eduNoticeContent } = PUBLISHED.eduNotice;

/** Editions that exist but are not public, in every unpublished state. */
export const HIDDEN_STATES = ['draft', 'submitted', 'rejected', 'scheduled'] as const;
/** An unpublished state. */
export type HiddenState = (typeof HIDDEN_STATES)[number];
/** The title of the edition kept in that state. */
export const hiddenTitle = (state: HiddenState) => `尚未公开的内部文稿（${state}）`;

/** Why the withdrawn document was withdrawn. */
export const WITHDRAWAL_REASON = '该通知内容有误，已重新印发。';
/** The title of the second edition of the education notice, in preparation. */
export const NEXT_EDITION_TITLE = '测试区教育局关于春季学期开学工作的通知（修订稿，尚未审核）';

/** How every public-site suite's app is made: a fixed clock and the public address. */
export const PUBLIC_SITE_APP_OPTIONS = { now: '2026-03-02T02:00:00Z', env: { GONGKAI_PUBLIC_URL: PUBLIC_URL } };

/** What `seedPublicSite` made, for the tests to look for. */
export type PublicSiteWorld = {
  fixture: Fixture;
  /** The published documents by key. */
  documentIds: Map<PublishedKey, string>;
  /** The document and attachment of the edition kept in each unpublished state. */
  hidden: Map<HiddenState, { documentId: string; attachment: Attachment }>;
  /** The attachment of the published education notice. */
  eduAttachment: Attachment;
  /** The withdrawn document. */
  withdrawnId: string;
  /** The attachment of the education notice's second edition, in preparation. */
  nextEditionAttachment: Attachment;
};

/**
 * Publishes every document of PUBLISHED (the education notice with an attachment), keeps an
 * edition with an attachment in each of HIDDEN_STATES, withdraws one document and starts a second
 * edition of the education notice.
 */
export async function seedPublicSite(app: TestApp): Promise<PublicSiteWorld> {
  const documentIds = new Map<PublishedKey, string>();
  const hidden = new Map<HiddenState, { documentId: string; attachment: Attachment }>();
  const fixture = await seedFixture(app, [
    { role: 'editor', org: 'edu' },
    { role: 'reviewer', org: 'edu' },
    { role: 'editor', org: 'civ' },
    { role: 'reviewer', org: 'civ' },
    { role: 'editor', org: 'town' },
    { role: 'reviewer', org: 'town' },
  ]);
  const deps = () => ({ uow: app.uow, clock: app.clock, sanitiser: app.sanitiser });
  const attach = (editionId: string, fileName: string) =>
    addAttachment({
      ...deps(),
      actor: fixture.staff('edu.editor'),
      files: app.files,
      sniff: app.sniff,
      maxBytes: app.config.maxUploadBytes,
      editionId,
      fileName,
      content: { bytes: makePdf(fileName) },
    });
  let eduAttachment: Attachment | undefined;
  const staffOf = (org: string) => (org === 'vil' ? 'town' : org);

  for (const [key, doc] of Object.entries(PUBLISHED) as [PublishedKey, (typeof PUBLISHED)[PublishedKey]][]) {
    const { org, ...content } = doc;
    const unit = staffOf(org);
    if (key === 'eduNotice') {
      // Published with an attachment: the attachment goes on the draft before review.
      const { edition } = await createDraft({
        ...deps(),
        actor: fixture.staff('edu.editor'),
        orgId: fixture.orgs.get('edu')!.id,
        input: sampleContent(content),
      });
      eduAttachment = await attach(edition.id, '开学工作安排.pdf');
      await submitEdition({ ...deps(), actor: fixture.staff('edu.editor'), editionId: edition.id });
      await publishEdition({ ...deps(), actor: fixture.staff('edu.reviewer'), editionId: edition.id });
      documentIds.set(key, edition.documentId);
      continue;
    }
    const edition = await publishedDocument(app, fixture, {
      org,
      editor: `${unit}.editor`,
      reviewer: `${unit}.reviewer`,
      content,
    });
    documentIds.set(key, edition.documentId);
  }

  for (const state of HIDDEN_STATES) {
    const { edition } = await createDraft({
      ...deps(),
      actor: fixture.staff('edu.editor'),
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent({ title: hiddenTitle(state), docNumber: null }),
    });
    const attachment = await attach(edition.id, `内部材料-${state}.pdf`);
    if (state !== 'draft') {
      await submitEdition({ ...deps(), actor: fixture.staff('edu.editor'), editionId: edition.id });
    }
    if (state === 'rejected') {
      await rejectEdition({
        ...deps(),
        actor: fixture.staff('edu.reviewer'),
        editionId: edition.id,
        reason: '请补充依据。',
      });
    }
    if (state === 'scheduled') {
      await scheduleEdition({
        ...deps(),
        actor: fixture.staff('edu.reviewer'),
        editionId: edition.id,
        at: new Date('2026-03-09T01:00:00Z'),
      });
    }
    expect((await app.stores.documents.getEdition(edition.id))!.state).toBe(state);
    hidden.set(state, { documentId: edition.documentId, attachment });
  }

  const withdrawn = await publishedDocument(app, fixture, {
    org: 'edu',
    editor: 'edu.editor',
    reviewer: 'edu.reviewer',
    content: { title: '测试区教育局关于寒假安全教育的通知', docNumber: '测教发〔2026〕1号' },
  });
  await withdrawEdition({
    ...deps(),
    actor: fixture.staff('edu.reviewer'),
    editionId: withdrawn.id,
    reason: WITHDRAWAL_REASON,
  });
  const withdrawnId = withdrawn.documentId;

  // A second edition in preparation: the public keeps seeing the first.
  const next = await createNewEdition({
    ...deps(),
    actor: fixture.staff('edu.editor'),
    documentId: documentIds.get('eduNotice')!,
  });
  await updateDraft({
    ...deps(),
    actor: fixture.staff('edu.editor'),
    editionId: next.id,
    input: sampleContent({ ...eduNoticeContent, title: NEXT_EDITION_TITLE, changeNote: '修订开学时间' }),
  });
  const nextEditionAttachment = await attach(next.id, '修订稿附件.pdf');

  return { fixture, documentIds, hidden, eduAttachment: eduAttachment!, withdrawnId, nextEditionAttachment };
}

/** A GET on the suite's server (set in its `beforeAll`, hence read through `current`), with cookies if given. */
export function getter(current: () => FastifyInstance) {
  return (url: string, cookies?: Record<string, string>) =>
    current().inject({ method: 'GET', url, ...(cookies ? { cookies } : {}) });
}
