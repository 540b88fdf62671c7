import { describe, expect, it } from 'vitest';
import type { Role } from '../../access/index.ts';
import { mustEnrolSecondFactor } from './second-factor-policy.ts';

const grants = (...roles: Role[]) => roles.map((role) => ({ role }));

describe('mustEnrolSecondFactor', () => {
  it.each([
    { roles: ['system_admin'], totp: false, demo: false, expected: true },
    { roles: ['district_admin'], totp: false, demo: false, expected: true },
    { roles: ['editor', 'district_admin'], totp: false, demo: false, expected: true },
    { roles: ['system_admin'], totp: true, demo: false, expected: false },
    { roles: ['district_admin'], totp: true, demo: false, expected: false },
    { roles: ['system_admin'], totp: false, demo: true, expected: false },
    { roles: ['district_admin'], totp: false, demo: true, expected: false },
    { roles: ['unit_admin'], totp: false, demo: false, expected: false },
    { roles: ['editor', 'reviewer', 'foi_officer', 'interaction_officer'], totp: false, demo: false, expected: false },
    { roles: [], totp: false, demo: false, expected: false },
  ] as { roles: Role[]; totp: boolean; demo: boolean; expected: boolean }[])(
    'roles $roles, totp enabled=$totp, demo=$demo → must enrol=$expected',
    ({ roles, totp, demo, expected }) => {
      expect(mustEnrolSecondFactor(grants(...roles), totp, demo)).toBe(expected);
    },
  );
});
