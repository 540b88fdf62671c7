import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { EditionContentInput } from '../../src/modules/documents/domain/metadata.ts';
import type { TestApp } from '../app.ts';
import { sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { tokenFor } from './http-kit.ts';

/**
 * What the staff API suites (`staff-api-*.test.ts`) share: the staff workflow over the JSON API
 * with personal tokens, every step, and who may take it. Every suite makes its own app with
 * `STAFF_API_APP_OPTIONS`, seeds it with `seedStaffApi` and calls the API through `staffApiClient`.
 */

/** What the staff API answers for an edition (the fields the tests look at). */
export type StaffEdition = {
  documentId: string;
  editionId: string;
  number: number;
  state: string;
  title: string;
  docNumber: string | null;
  bodyHtml: string;
  version: string | null;
  createdBy: string;
  updatedAt: string;
  reviewedBy: string | null;
  scheduledAt: string | null;
  forcePublished: boolean;
  awaitingRetrospectiveApproval: boolean;
  rejectionReason: string | null;
  withdrawalReason: string | null;
  changeNote: string | null;
  publicUrl: string | null;
};

/** How every staff API suite's app is made: a fixed clock. */
export const STAFF_API_APP_OPTIONS = { now: '2026-03-02T02:00:00Z' };

/**
 * Seeds editors and reviewers of the education and civil affairs bureaus (two reviewers and a unit
 * administrator at education) and issues each a personal token, by username.
 */
export async function seedStaffApi(
  app: TestApp,
): Promise<{ fixture: Fixture; tokens: Record<string, string>; eduId: string }> {
  const fixture = await seedFixture(app, [
    { role: 'editor', org: 'edu' },
    { role: 'reviewer', org: 'edu' },
    { role: 'reviewer', org: 'edu', username: 'edu.reviewer2' },
    { role: 'unit_admin', org: 'edu' },
    { role: 'editor', org: 'civ' },
    { role: 'reviewer', org: 'civ' },
  ]);
  const tokens: Record<string, string> = {};
  for (const username of fixture.usernames) tokens[username] = await tokenFor(app, username);
  const eduId = fixture.orgs.get('edu')!.id;
  return { fixture, tokens, eduId };
}

/**
 * Calls of the staff API as one member of staff or another, for a suite whose server, tokens and
 * unit are set in its `beforeAll` (hence read through `current` at the time of the call).
 */
export function staffApiClient(
  current: () => {
    server: FastifyInstance;
    tokens: Record<string, string>;
    eduId: string;
  },
) {
  /** One request with the token of `as` (none when undefined). */
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    as: string | undefined,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    current().server.inject({
      method,
      url,
      headers: as ? { authorization: `Bearer ${current().tokens[as]}` } : {},
      ...(payload ? { payload } : {}),
    });

  /** Creates a draft in a unit through the API and returns it. */
  async function draft(
    as = 'edu.editor',
    content: Partial<EditionContentInput> = {},
    orgId = current().eduId,
  ): Promise<StaffEdition> {
    const response = await call('POST', '/api/v1/staff/documents', as, { ...sampleContent(content), orgId });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<StaffEdition>();
  }

  /** Takes a step of the workflow (`/submit`, `/publish`, …) on an edition. */
  async function act(
    editionId: string,
    action: string,
    as: string,
    payload: object = {},
  ): Promise<LightMyRequestResponse> {
    return call('POST', `/api/v1/staff/editions/${editionId}/${action}`, as, payload);
  }

  /** Creates a draft through the API and submits it; returns it submitted. */
  async function submitted(as = 'edu.editor', content: Partial<EditionContentInput> = {}): Promise<StaffEdition> {
    const created = await draft(as, content);
    const response = await act(created.editionId, 'submit', as);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<StaffEdition>();
  }

  return { call, draft, act, submitted };
}
