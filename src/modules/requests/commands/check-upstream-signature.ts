import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { nonceExpiry, verifySignedBody } from '../../../platform/signed-body.ts';
import type { UpstreamStore } from '../ports.ts';

/**
 * Lets a call of the provincial platform through only when its body is signed with the shared
 * secret, signed within five minutes of now, and its nonce never seen in that window, on any
 * instance (the nonce is stored first; a second store of it finds it taken). The body is looked at
 * as raw bytes only: nothing is parsed before this passes. Nonces whose window closed are forgotten.
 * @throws DomainError `upstream_disabled` without a secret; `signature_missing`, `signature_invalid`,
 *   `signature_stale`, `signature_replayed`.
 */
export async function checkUpstreamSignature(options: {
  upstream: UpstreamStore;
  clock: Clock;
  secret: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}): Promise<void> {
  if (options.secret === undefined) throw new DomainError('upstream_disabled');
  const now = options.clock.now();
  const verdict = verifySignedBody({ secret: options.secret, headers: options.headers, body: options.body, now });
  if (!verdict.ok) {
    throw new DomainError(
      verdict.reason === 'missing'
        ? 'signature_missing'
        : verdict.reason === 'stale'
          ? 'signature_stale'
          : 'signature_invalid',
    );
  }
  await options.upstream.pruneNonces(now.toISOString());
  const fresh = await options.upstream.claimNonce(verdict.nonce, nonceExpiry(verdict.signedAt).toISOString());
  if (!fresh) throw new DomainError('signature_replayed');
}
