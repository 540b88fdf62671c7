import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * How many editions each unit has in each state, kept by triggers in the writing transaction. A
 * list narrowed by unit and state only (the column's "本栏目共公开信息 N 条", a unit's list, a staff
 * member's subtree) reads its total from a few of these rows instead of counting up to a million
 * index entries on every page rendered. An edition without a unit is counted under ''.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
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
