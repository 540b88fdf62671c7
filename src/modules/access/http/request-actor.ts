import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.ts';
import type { Actor, StaffActor } from '../domain/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: the public, a signed-in member of staff, or an API token's owner. */
    actor: Actor;
  }
}

/**
 * The member of staff making the request.
 * @throws DomainError `unauthenticated` for anybody else (route groups guard first; this narrows).
 */
export function staffOf(request: FastifyRequest): StaffActor {
  if (request.actor.kind !== 'staff') throw new DomainError('unauthenticated');
  return request.actor;
}
