import type { RoleGrant } from '../../access/domain/actor.ts';
import { ROLES_REQUIRING_TOTP } from '../../access/domain/roles.ts';

/**
 * True when the user must enrol in two-factor sign-in before doing anything else: system and
 * district administrators outside the demo district.
 */
export function mustEnrolSecondFactor(
  grants: readonly Pick<RoleGrant, 'role'>[],
  totpEnabled: boolean,
  isDemo: boolean,
): boolean {
  return !isDemo && !totpEnabled && grants.some((grant) => ROLES_REQUIRING_TOTP.includes(grant.role));
}
