import type { Kysely } from 'kysely';
import type { SettingsStore } from '../../modules/site/ports.ts';
import type { Database } from './schema.ts';

export function createSettingsStore(db: Kysely<Database>): SettingsStore {
  return {
    async get(key) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },
    async set(key, value, at) {
      await db
        .insertInto('settings')
        .values({ key, value, updated_at: at.toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() }))
        .execute();
    },
    async all() {
      const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
  };
}
