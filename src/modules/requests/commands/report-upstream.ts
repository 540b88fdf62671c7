import { newId } from '../../../platform/ids.ts';
import { upstreamStatusOf } from '../domain/upstream.ts';
import type { FoiRequest, RequestEvent } from '../domain/request.ts';
import type { UpstreamStore } from '../ports.ts';

/**
 * Queues the status reporting `event` to the provincial platform when the request came from it, in
 * the caller's transaction: the change and its report are stored together or not at all, and
 * `pushUpstreamStatuses` sends it later (at least once, in order).
 */
export async function reportUpstream(upstream: UpstreamStore, request: FoiRequest, event: RequestEvent): Promise<void> {
  if (request.upstreamId === null) return;
  const status = upstreamStatusOf({ ...request, upstreamId: request.upstreamId }, event);
  await upstream.enqueue({
    id: newId(),
    requestId: request.id,
    orgId: request.orgId,
    seq: event.seq,
    body: JSON.stringify(status),
    createdAt: event.at,
  });
}
