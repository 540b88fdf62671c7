import type { AccessScope } from '../access/index.ts';
import type { AddressFailures } from './domain/login-policy.ts';
import type { ApiToken, Session, StoredGrant, User, UserCredentials } from './domain/user.ts';

/** Staff accounts and their role grants. */
export interface UserStore {
  getById(id: string): Promise<User | undefined>;
  /** 姓名（用户名） of each account found, by id, in one query. */
  namesOf(ids: string[]): Promise<Map<string, string>>;
  getByUsername(username: string): Promise<User | undefined>;
  getCredentials(userId: string): Promise<UserCredentials | undefined>;
  insert(user: User, passwordHash: string): Promise<void>;
  update(user: User): Promise<void>;
  setPassword(userId: string, passwordHash: string, at: Date): Promise<void>;
  setTotp(userId: string, secret: string | null, enabled: boolean, lastStep: number | null): Promise<void>;
  setTotpLastStep(userId: string, step: number): Promise<void>;
  grantsOf(userId: string): Promise<StoredGrant[]>;
  addGrant(grant: StoredGrant, at: Date): Promise<void>;
  removeGrant(grantId: string): Promise<void>;
  /** Accounts whose home unit lies in the scope. */
  find(
    scope: AccessScope,
    filter: { query?: string | undefined; orgId?: string | undefined },
    page: { offset: number; limit: number },
  ): Promise<{ items: User[]; total: number }>;
  count(): Promise<number>;
}

/** Server-side sessions, looked up by the hash of the browser's token. */
export interface SessionStore {
  insert(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  touch(id: string, at: Date): Promise<void>;
  markTotpPassed(id: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: Date, idleBefore: Date): Promise<number>;
}

/** Personal API tokens, looked up by the hash of the token. */
export interface ApiTokenStore {
  insert(token: ApiToken, tokenHash: string): Promise<void>;
  getByHash(tokenHash: string): Promise<ApiToken | undefined>;
  touch(id: string, at: Date): Promise<void>;
  getById(id: string): Promise<ApiToken | undefined>;
  revoke(id: string, at: Date): Promise<void>;
  /** Newest first. */
  listForUser(userId: string): Promise<ApiToken[]>;
}

/** Failed sign-ins per client address (the per-account count lives on the user). */
export interface LoginThrottleStore {
  get(clientKey: string): Promise<AddressFailures | undefined>;
  put(clientKey: string, record: AddressFailures): Promise<void>;
}

/** Hashes and checks passwords (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
