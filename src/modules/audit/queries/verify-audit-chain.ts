import { ChainVerifier, describeChainProblem, type ChainProblem } from '../domain/audit-entry.ts';
import type { AuditReader } from '../ports.ts';

export type ChainReport =
  { ok: true; checked: number } | { ok: false; checked: number; problem: ChainProblem; message: string };

/** Re-computes the whole hash chain and reports the first edited or deleted row, if any. */
export async function verifyAuditChain(options: { audit: AuditReader; batchSize?: number }): Promise<ChainReport> {
  const verifier = new ChainVerifier();
  outer: for await (const batch of options.audit.scan(options.batchSize ?? 2000)) {
    for (const entry of batch) if (!verifier.push(entry)) break outer;
  }
  const problem = verifier.finish(await options.audit.head());
  return problem
    ? { ok: false, checked: verifier.checked, problem, message: describeChainProblem(problem) }
    : { ok: true, checked: verifier.checked };
}
