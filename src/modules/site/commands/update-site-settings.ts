import type { Clock } from '../../../platform/clock.ts';
import { siteEntry } from '../audit-actions.ts';
import { assertNoFieldIssues } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, requireGlobalPermission, type Actor } from '../../access/index.ts';
import { SETTING_KEYS, siteSettingsFrom, validateSiteSettings, type SiteSettings } from '../domain/site-settings.ts';
import type { SettingsStore } from '../ports.ts';

/**
 * Saves the site's identity and filing numbers (system administrators only).
 * @throws DomainError `validation_failed`, `forbidden`.
 */
export async function updateSiteSettings(options: {
  uow: UnitOfWork<{ settings: SettingsStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  input: Omit<SiteSettings, 'isDemo'>;
}): Promise<void> {
  requireGlobalPermission(options.actor, 'settings.manage');
  assertNoFieldIssues(validateSiteSettings(options.input));
  const now = options.clock.now();
  await options.uow.run(async ({ settings, audit }) => {
    const before = siteSettingsFrom(await settings.all());
    for (const [key, value] of Object.entries(options.input) as [keyof SiteSettings, string][]) {
      await settings.set(SETTING_KEYS[key], value.trim(), now);
    }
    await audit.append(
      siteEntry(auditActor(options.actor), now, {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: 'site',
        before,
        after: { ...before, ...options.input },
      }),
    );
  });
}
