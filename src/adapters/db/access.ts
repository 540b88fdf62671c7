import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { AccessScope } from '../../modules/access/domain/actor.ts';
import { escapeLike } from './dialect.ts';
import type { Database } from './schema.ts';

/**
 * Turns a subtree scope into a where-clause on an org path column: one LIKE prefix per subtree,
 * nothing at all for an empty list (so a forgotten grant shows nothing, never everything).
 */
export function pathInSubtrees<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  paths: string[],
): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(paths.map((path) => sql<SqlBool>`${sql.ref(pathColumn)} like ${`${escapeLike(path)}%`} escape '\\'`));
}

/** Scopes that are not subtree scopes: all rows, or (for the public) a caller-supplied condition. */
export function isSubtreeScope(scope: AccessScope): scope is Extract<AccessScope, { kind: 'subtrees' }> {
  return scope.kind === 'subtrees';
}
