import type { AuditEntry, NewAuditEntry } from './domain/audit-entry.ts';

/** Appends to the hash-chained audit log; part of the same transaction as the change it records. */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
}

/** A filter for browsing the audit log in the back office. */
export type AuditFilter = {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only entries about these units' subtrees (org paths); undefined means every unit. */
  orgPaths?: string[] | undefined;
};

/** Reads the audit log. */
export interface AuditReader {
  find(filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ items: AuditEntry[]; total: number }>;
  /** Every entry in sequence order, in batches, for verification. */
  scan(batchSize: number): AsyncIterable<AuditEntry[]>;
  head(): Promise<{ seq: number; hash: string } | undefined>;
}

export type AuditStore = AuditLog & AuditReader;
