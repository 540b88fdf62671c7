import { sql, type Kysely } from 'kysely';
import type { ContactVerification, VerificationStore } from '../../modules/participation/index.ts';
import type { ContactVerificationRow, Database } from './schema.ts';

/** Codes sent to verify residents' contacts (migration 0028). */
export function createVerificationStore(db: Kysely<Database>): VerificationStore {
  return {
    async get(id) {
      const row = await db.selectFrom('contact_verifications').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toVerification(row) : undefined;
    },
    async insert(v) {
      const row: ContactVerificationRow = {
        id: v.id,
        channel: v.channel,
        person_key: v.personKey,
        address_key: v.addressKey,
        masked_contact: v.maskedContact,
        code_hash: v.codeHash,
        tries: v.tries,
        created_at: v.createdAt,
        expires_at: v.expiresAt,
        verified_at: v.verifiedAt,
      };
      await db.insertInto('contact_verifications').values(row).execute();
    },
    async recentSends(personKey, addressKey, since) {
      const [contact, address] = await Promise.all([
        db
          .selectFrom('contact_verifications')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
          .where('person_key', '=', personKey)
          .where('created_at', '>=', since)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('contact_verifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('address_key', '=', addressKey)
          .where('created_at', '>=', since)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        lastToContactAt: contact.last ?? null,
        toContactLastHour: Number(contact.n),
        fromAddressLastHour: Number(address.n),
      };
    },
    async purgeBefore(before) {
      await db.deleteFrom('contact_verifications').where('created_at', '<', before).execute();
    },
    async retireUnused(personKey) {
      await db
        .updateTable('contact_verifications')
        // Tries beyond any limit: the code is burned, and says so if it is entered.
        .set({ tries: 1_000 })
        .where('person_key', '=', personKey)
        .where('verified_at', 'is', null)
        .execute();
    },
    async countTry(id, maxTries) {
      // One statement: two tries at once cannot both read the same count.
      const result = await db
        .updateTable('contact_verifications')
        .set({ tries: sql<number>`tries + 1` })
        .where('id', '=', id)
        .where('tries', '<', maxTries)
        .where('verified_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markVerified(id, at) {
      const result = await db
        .updateTable('contact_verifications')
        .set({ verified_at: at })
        .where('id', '=', id)
        .where('verified_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

function toVerification(row: ContactVerificationRow): ContactVerification {
  return {
    id: row.id,
    channel: row.channel === 'sms' ? 'sms' : 'email',
    personKey: row.person_key,
    addressKey: row.address_key,
    maskedContact: row.masked_contact,
    codeHash: row.code_hash,
    tries: Number(row.tries),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    verifiedAt: row.verified_at,
  };
}
