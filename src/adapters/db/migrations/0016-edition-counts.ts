import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Lists of a million editions stay fast on a page the cache does not hold.
 *
 * Indexes in list order (date, then last change, then id: what `findEditions` sorts by), covering
 * the filters a public list takes, so a page's ids are read from one index range in order without
 * visiting an edition row or sorting: all published (with the unit, for a unit's subtree), by
 * 试点领域, by topic, and by one unit. The field and unit indexes they replace are their prefixes.
 *
 * How many editions each unit has in each state, kept by triggers in the writing transaction. A
 * list narrowed by unit and state only (the column's "本栏目共公开信息 N 条", a unit's list, a staff
 * member's subtree) reads its total from a few of these rows instead of counting up to a million
 * index entries on every page rendered. An edition without a unit is counted under ''.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const order = ['published_on desc', 'updated_at desc', 'id'];
  const indexes: [string, string[]][] = [
    ['editions_public_order', ['state', ...order, 'org_id']],
    ['editions_field_order', ['field_code', 'state', ...order, 'org_id']],
    ['editions_topic_order', ['topic', 'state', ...order, 'org_id']],
    ['editions_org_order', ['org_id', 'state', ...order]],
  ];
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).on('editions').columns(columns).execute();
  }
  await db.schema.dropIndex('editions_field').execute();
  await db.schema.dropIndex('editions_org_state_date').execute();

  await db.schema
    .createTable('edition_counts')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_counts_pk', ['org_id', 'state'])
    .execute();
  await sql`insert into edition_counts (org_id, state, n)
    select coalesce(org_id, ''), state, count(*) from editions group by coalesce(org_id, ''), state`.execute(db);

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function count_editions() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          update edition_counts set n = n - 1 where org_id = coalesce(old.org_id, '') and state = old.state;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into edition_counts (org_id, state, n) values (coalesce(new.org_id, ''), new.state, 1)
            on conflict (org_id, state) do update set n = edition_counts.n + 1;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger editions_count_insert_delete after insert or delete on editions
      for each row execute function count_editions()`.execute(db);
    // Only a change of state or unit moves an edition between counts.
    await sql`create trigger editions_count_update after update of state, org_id on editions
      for each row when (old.state is distinct from new.state or old.org_id is distinct from new.org_id)
      execute function count_editions()`.execute(db);
    return;
  }
  const add = (row: 'new') =>
    sql.raw(`insert into edition_counts (org_id, state, n) values (coalesce(${row}.org_id, ''), ${row}.state, 1)
      on conflict (org_id, state) do update set n = n + 1;`);
  const remove = (row: 'old') =>
    sql.raw(`update edition_counts set n = n - 1 where org_id = coalesce(${row}.org_id, '') and state = ${row}.state;`);
  await sql`create trigger editions_count_insert after insert on editions begin ${add('new')} end`.execute(db);
  await sql`create trigger editions_count_delete after delete on editions begin ${remove('old')} end`.execute(db);
  await sql`create trigger editions_count_update after update of state, org_id on editions
    when old.state is not new.state or old.org_id is not new.org_id
    begin ${remove('old')} ${add('new')} end`.execute(db);
}
