import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { ApiTokenStore, LoginThrottleStore, PasswordHasher, SessionStore, UserStore } from '../ports.ts';

/** The stores the auth use cases work with. */
export type AuthStores = {
  users: UserStore;
  sessions: SessionStore;
  tokens: ApiTokenStore;
  loginThrottle: LoginThrottleStore;
  orgs: OrgStore;
  audit: AuditLog;
};

/** What sign-in, the account pages and user management need, built by the composition root. */
export type AuthWebDeps = {
  stores: AuthStores;
  uow: UnitOfWork<AuthStores>;
  clock: Clock;
  hasher: PasswordHasher;
  /** Signs the anonymous CSRF cookie pair. */
  secret: string;
  config: { secureCookies: boolean; tokenLifetimeDays: number; sessionIdleMinutes: number };
  shell: PageShell;
};
