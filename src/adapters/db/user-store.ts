import { sql, type Kysely } from 'kysely';
import type { Role } from '../../modules/access/domain/roles.ts';
import type { ApiToken, Session, User } from '../../modules/auth/domain/user.ts';
import type { ApiTokenStore, LoginThrottleStore, SessionStore, UserStore } from '../../modules/auth/ports.ts';
import { pathInSubtrees } from './access.ts';
import { escapeLike, toCount, type DialectQuirks } from './dialect.ts';
import type { ApiTokenRow, Database, SessionRow, UserRow } from './schema.ts';

export function createUserStore(db: Kysely<Database>, quirks: DialectQuirks, now: () => Date): UserStore {
  return {
    async getById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async namesOf(ids) {
      const names = new Map<string, string>();
      const unique = [...new Set(ids)];
      // In chunks, so no statement has more parameters than a database allows.
      for (let at = 0; at < unique.length; at += 500) {
        const rows = await db
          .selectFrom('users')
          .select(['id', 'display_name', 'username'])
          .where('id', 'in', unique.slice(at, at + 500))
          .execute();
        for (const row of rows) names.set(row.id, `${row.display_name}（${row.username}）`);
      }
      return names;
    },
    async getByUsername(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row && toUser(row);
    },
    async getCredentials(userId) {
      const row = await db
        .selectFrom('users')
        .select(['password_hash', 'totp_secret', 'totp_last_step'])
        .where('id', '=', userId)
        .executeTakeFirst();
      return row && { passwordHash: row.password_hash, totpSecret: row.totp_secret, totpLastStep: row.totp_last_step };
    },
    async insert(user, passwordHash) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          password_hash: passwordHash,
          org_id: user.homeOrgId,
          is_active: user.isActive ? 1 : 0,
          failed_logins: user.failedLogins,
          locked_until: user.lockedUntil?.toISOString() ?? null,
          totp_secret: null,
          totp_enabled: 0,
          totp_last_step: null,
          email: user.email,
          created_at: user.createdAt,
          updated_at: user.createdAt,
        })
        .execute();
    },
    async update(user) {
      await db
        .updateTable('users')
        .set({
          display_name: user.displayName,
          org_id: user.homeOrgId,
          is_active: user.isActive ? 1 : 0,
          failed_logins: user.failedLogins,
          locked_until: user.lockedUntil?.toISOString() ?? null,
          email: user.email,
          updated_at: now().toISOString(),
        })
        .where('id', '=', user.id)
        .execute();
    },
    async setPassword(userId, passwordHash, at) {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: at.toISOString() })
        .where('id', '=', userId)
        .execute();
    },
    async setTotp(userId, secret, enabled, lastStep) {
      await db
        .updateTable('users')
        .set({ totp_secret: secret, totp_enabled: enabled ? 1 : 0, totp_last_step: lastStep })
        .where('id', '=', userId)
        .execute();
    },
    async setTotpLastStep(userId, step) {
      await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
    },
    async grantsOf(userId) {
      const rows = await db
        .selectFrom('role_grants')
        .select(['id', 'user_id', 'role', 'org_id'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({ id: r.id, userId: r.user_id, role: r.role as Role, orgId: r.org_id }));
    },
    async addGrant(grant, at) {
      await db
        .insertInto('role_grants')
        .values({
          id: grant.id,
          user_id: grant.userId,
          role: grant.role,
          org_id: grant.orgId,
          created_at: at.toISOString(),
        })
        .execute();
    },
    async removeGrant(grantId) {
      await db.deleteFrom('role_grants').where('id', '=', grantId).execute();
    },
    async find(scope, filter, page) {
      let query = db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id');
      if (scope.kind === 'public') return { items: [], total: 0 };
      if (scope.kind === 'subtrees') query = query.where((eb) => pathInSubtrees(eb, 'orgs.path', scope.paths));
      if (filter.orgId) query = query.where('users.org_id', '=', filter.orgId);
      if (filter.query) {
        const pattern = `%${escapeLike(filter.query)}%`;
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`${sql.ref('users.username')} ${sql.raw(quirks.likeOperator)} ${pattern} escape '\\'`,
            sql<boolean>`${sql.ref('users.display_name')} ${sql.raw(quirks.likeOperator)} ${pattern} escape '\\'`,
          ]),
        );
      }
      const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const rows = await query
        .selectAll('users')
        .orderBy('orgs.path')
        .orderBy('users.username')
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      return { items: rows.map(toUser), total: toCount(total?.n) };
    },
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      return toCount(row?.n);
    },
  };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    homeOrgId: row.org_id,
    isActive: row.is_active === 1,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
    totpEnabled: row.totp_enabled === 1,
    email: row.email,
    createdAt: row.created_at,
  };
}

export function createSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async insert(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          totp_pending: session.totpPending ? 1 : 0,
          created_at: session.createdAt.toISOString(),
          last_seen_at: session.lastSeenAt.toISOString(),
          expires_at: session.expiresAt.toISOString(),
          ip: null,
          user_agent: null,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSession(row);
    },
    async touch(id, at) {
      await db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id', '=', id).execute();
    },
    async markTotpPassed(id) {
      await db.updateTable('sessions').set({ totp_pending: 0 }).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    async deleteExpired(now, idleBefore) {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleBefore.toISOString())]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    totpPending: row.totp_pending === 1,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
  };
}

export function createApiTokenStore(db: Kysely<Database>): ApiTokenStore {
  return {
    async insert(token, tokenHash) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          user_id: token.userId,
          name: token.name,
          token_hash: tokenHash,
          created_at: token.createdAt,
          last_used_at: null,
          revoked_at: null,
          expires_at: token.expiresAt,
        })
        .execute();
    },
    async getById(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toToken(row);
    },
    async getByHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toToken(row);
    },
    async touch(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at.toISOString() }).where('id', '=', id).execute();
    },
    async revoke(id, at) {
      await db.updateTable('api_tokens').set({ revoked_at: at.toISOString() }).where('id', '=', id).execute();
    },
    async listForUser(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toToken);
    },
  };
}

function toToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

export function createLoginThrottleStore(db: Kysely<Database>): LoginThrottleStore {
  return {
    async get(clientKey) {
      const row = await db
        .selectFrom('login_throttle')
        .selectAll()
        .where('client_key', '=', clientKey)
        .executeTakeFirst();
      return row && { failures: row.failures, windowStartedAt: new Date(row.window_started_at) };
    },
    async put(clientKey, record) {
      const values = {
        client_key: clientKey,
        failures: record.failures,
        window_started_at: record.windowStartedAt.toISOString(),
      };
      await db
        .insertInto('login_throttle')
        .values(values)
        .onConflict((conflict) =>
          conflict
            .column('client_key')
            .doUpdateSet({ failures: values.failures, window_started_at: values.window_started_at }),
        )
        .execute();
    },
  };
}
