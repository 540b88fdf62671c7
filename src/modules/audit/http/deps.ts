import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditReader } from '../ports.ts';

/** Finds a member of staff by username, for the viewer's "who" filter (the auth module answers). */
export interface StaffLookup {
  getByUsername(username: string): Promise<{ id: string } | undefined>;
}

/** What the audit log viewer needs, built by the composition root. */
export type AuditWebDeps = {
  stores: { audit: AuditReader; users: StaffLookup };
  /** Every module's audit actions with their labels, collected by the composition root. */
  actionLabels: Readonly<Record<string, string>>;
  shell: PageShell;
};
