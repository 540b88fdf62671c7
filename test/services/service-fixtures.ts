import { publishEdition } from '../../src/modules/documents/index.ts';
import { submitServiceGuide, type ServiceGuideInput } from '../../src/modules/services/index.ts';
import type { TestApp } from '../app.ts';
import type { Fixture } from '../fixtures.ts';

/** A complete guide, every required element present: 出生登记 of a test unit. */
export function completeGuide(overrides: Partial<ServiceGuideInput> = {}): ServiceGuideInput {
  return {
    name: '出生登记',
    itemType: '行政确认',
    audiences: ['person'],
    events: ['生育收养', '户籍办理'],
    basis: '《中华人民共和国户口登记条例》第七条',
    conditions: '婴儿出生后一个月以内，向婴儿常住地户口登记机关申报出生登记。',
    materials: [
      { name: '出生医学证明', form: '原件', copies: 1, required: true, notes: '' },
      { name: '居民身份证', form: '原件', copies: 1, required: true, notes: '父母双方' },
    ],
    steps: ['申请', '受理', '审核', '办结'],
    legalDays: 20,
    promisedDays: 1,
    feeFree: true,
    feeStandard: '',
    feeBasis: '',
    place: '测试区政务服务中心一楼户籍窗口',
    hours: '工作日 9:00—12:00，13:30—17:00',
    phone: '0000-12345678',
    complaint: '12345政务服务便民热线',
    faqs: [{ question: '可以网上办理吗？', answer: '可以，通过一网通办平台在线申请。' }],
    ...overrides,
  };
}

/** Submits a guide as `<org>.editor` and publishes it as `<org>.reviewer`; returns its document id. */
export async function publishedGuide(
  app: TestApp,
  fixture: Fixture,
  org: string,
  input: ServiceGuideInput,
): Promise<string> {
  const { document, edition } = await submitServiceGuide({
    ...app,
    maxUploadBytes: app.config.maxUploadBytes,
    actor: fixture.staff(`${org}.editor`),
    orgId: fixture.orgs.get(org)!.id,
    documentId: null,
    input,
  });
  await publishEdition({
    uow: app.uow,
    clock: app.clock,
    actor: fixture.staff(`${org}.reviewer`),
    editionId: edition.id,
  });
  return document.id;
}
