import { createHash } from 'node:crypto';

/** The hash that comes before the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** One recorded state change: who, when, what, and the record before and after. */
export type AuditEntry = {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
  hash: string;
};

/** What a use case hands to the audit log; the log adds the sequence number and the hashes. */
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/**
 * The hash of an entry: SHA-256 over the previous hash and the entry's fields in a fixed order, so
 * editing any field of any row, or removing a row, breaks the chain from that row on.
 */
export function computeAuditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.orgId,
    canonicalJson(entry.before),
    canonicalJson(entry.after),
    entry.ip,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON text with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The first problem found in the chain, naming the row. */
export type ChainProblem =
  | { kind: 'altered'; seq: number }
  | { kind: 'missing'; afterSeq: number; expectedSeq: number }
  | { kind: 'broken_link'; seq: number }
  | { kind: 'truncated'; lastSeq: number; headSeq: number };

/**
 * Walks entries in sequence order and reports the first problem: a row whose content no longer
 * matches its hash (edited), a gap in the sequence or a broken link (deleted), or a chain that ends
 * before the recorded head (the newest rows deleted).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private lastSeq = 0;
  problem: ChainProblem | undefined;
  checked = 0;

  /** Feeds the next entry; returns false once a problem has been found. */
  push(entry: AuditEntry): boolean {
    if (this.problem) return false;
    if (entry.seq !== this.expectedSeq) {
      this.problem = { kind: 'missing', afterSeq: this.lastSeq, expectedSeq: this.expectedSeq };
      return false;
    }
    if (computeAuditHash(entry) !== entry.hash) {
      this.problem = { kind: 'altered', seq: entry.seq };
      return false;
    }
    if (entry.prevHash !== this.prevHash) {
      this.problem = { kind: 'broken_link', seq: entry.seq };
      return false;
    }
    this.prevHash = entry.hash;
    this.lastSeq = entry.seq;
    this.expectedSeq = entry.seq + 1;
    this.checked++;
    return true;
  }

  /** Compares the end of the chain with the head record kept beside it. */
  finish(head: { seq: number; hash: string } | undefined): ChainProblem | undefined {
    if (this.problem) return this.problem;
    const headSeq = head?.seq ?? 0;
    if (headSeq !== this.lastSeq || (head && head.hash !== this.prevHash)) {
      this.problem =
        headSeq > this.lastSeq
          ? { kind: 'truncated', lastSeq: this.lastSeq, headSeq }
          : { kind: 'altered', seq: this.lastSeq };
    }
    return this.problem;
  }
}

/** A sentence describing a chain problem, naming the first affected row. */
export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'altered':
      return `audit row ${problem.seq} was altered (its content does not match its hash)`;
    case 'missing':
      return `audit row ${problem.expectedSeq} is missing (deleted after row ${problem.afterSeq})`;
    case 'broken_link':
      return `audit row ${problem.seq} does not link to the row before it (a row was replaced or removed)`;
    case 'truncated':
      return `audit rows ${problem.lastSeq + 1} to ${problem.headSeq} are missing (deleted from the end)`;
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

/** Builds the entry a use case records for one state change made by `actor` at `at`. */
export function changeEntry(
  actor: { id: string | null; name: string; ip?: string | undefined | null },
  at: Date,
  change: {
    action: AuditActionName;
    entityType: string;
    entityId: string | null;
    orgId?: string | null | undefined;
    before?: unknown;
    after?: unknown;
  },
): NewAuditEntry {
  return {
    at: at.toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    orgId: change.orgId ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
    ip: actor.ip ?? null,
  };
}

/** An audit action's name, `<resource>.<past_tense>` (`document.published`, `user.role_granted`). */
export type AuditActionName = `${string}.${string}`;

/**
 * The Chinese labels of one module's audit actions. Each module that records changes exports one;
 * the composition root hands them all to the audit log viewer, so every action it records has a
 * label there.
 */
export type AuditActionLabels<A extends AuditActionName = AuditActionName> = Readonly<Record<A, string>>;

/**
 * A builder of audit entries bound to one module's actions: an action missing from the module's
 * labels (misspelt, or never labelled) does not compile.
 */
export function entryBuilder<L extends AuditActionLabels>(
  _labels: L,
): (
  actor: Parameters<typeof changeEntry>[0],
  at: Date,
  change: Omit<Parameters<typeof changeEntry>[2], 'action'> & { action: keyof L & AuditActionName },
) => NewAuditEntry {
  return (actor, at, change) => changeEntry(actor, at, change);
}
