import type { Role, RoleGrant } from '../../access/index.ts';

/** Roles that must use two-factor sign-in outside the demo district. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['system_admin', 'district_admin'];

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
