import type { Org } from './domain/org.ts';

/** Organisations: the public may read them all; changes go through use cases. */
export interface OrgStore {
  getById(id: string): Promise<Org | undefined>;
  getByCode(code: string): Promise<Org | undefined>;
  /** Every unit, in no particular order (a district has hundreds, not millions). */
  listAll(): Promise<Org[]>;
  insert(org: Org): Promise<void>;
  update(org: Org): Promise<void>;
  count(): Promise<number>;
}
