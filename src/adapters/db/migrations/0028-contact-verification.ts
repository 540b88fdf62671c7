import type { Kysely } from 'kysely';

/**
 * Verified identity for public participation (e-mail or SMS code): a resident proves they hold an
 * e-mail address or a mainland mobile number with a six-digit code, and comments and
 * one-per-person surveys then count them by a keyed hash of it.
 *
 * - `contact_verifications` keeps one row per code sent: only keyed hashes of the contact (the
 *   person key), of the code and of the sender's network address, with the contact masked as the
 *   code page shows it (`z***@example.cn`, `138****8000`); never the contact itself. The rows count
 *   the sends per contact and per address for the resend limits, and a code's wrong tries.
 * - A comment keeps the person key of a verified sender, so the limits per person hold when they
 *   change network address, and the public sees 已验证 (never the contact).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contact_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** email | sms */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** Keyed hash of the normalised e-mail address or mobile number. */
    .addColumn('person_key', 'text', (c) => c.notNull())
    /** Keyed hash of the network address the code was asked from. */
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('masked_contact', 'text', (c) => c.notNull())
    /** Keyed hash of the verification's id and the code. */
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .execute();
  await db.schema
    .createIndex('contact_verifications_person')
    .on('contact_verifications')
    .columns(['person_key', 'created_at'])
    .execute();
  // Codes older than a day are deleted as new ones are sent.
  await db.schema
    .createIndex('contact_verifications_created')
    .on('contact_verifications')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('contact_verifications_address')
    .on('contact_verifications')
    .columns(['address_key', 'created_at'])
    .execute();

  await db.schema.alterTable('consultation_comments').addColumn('person_key', 'text').execute();
  await db.schema
    .createIndex('consultation_comments_person')
    .on('consultation_comments')
    .columns(['person_key', 'created_at'])
    .execute();
}
