import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';

/** Searching staff accounts matches what was typed literally, `_` and `%` included, on both databases. */
describe.each(DIALECTS)('user search on $name', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(dialect);
    await seedFixture(app, [
      { role: 'district_admin', org: 'dist' },
      { role: 'editor', org: 'edu', username: 'edu.editor' },
      { role: 'editor', org: 'civ', username: 'civ.editorx' },
    ]);
  });
  afterAll(async () => {
    await app?.cleanup();
  });

  it.each([
    { query: 'district_admin', found: ['dist.district_admin'] },
    { query: 'district', found: ['dist.district_admin'] },
    { query: 't_a', found: ['dist.district_admin'] },
    { query: 'edu_editor', found: [] },
    { query: '%', found: [] },
    { query: 'editor', found: ['civ.editorx', 'edu.editor'] },
  ])('finds $found for $query', async ({ query, found }) => {
    const result = await app.stores.users.find({ kind: 'all' }, { query }, { offset: 0, limit: 50 });
    expect(result.items.map((user) => user.username).sort()).toEqual(found);
  });
});
