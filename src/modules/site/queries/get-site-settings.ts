import { siteSettingsFrom, type SiteSettings } from '../domain/site-settings.ts';
import type { SettingsStore } from '../ports.ts';

const CACHE_MS = 5_000;
let cached: { at: number; store: SettingsStore; value: SiteSettings } | undefined;

/**
 * The site settings, read at most every few seconds per store: every page shows them, and they
 * change a few times a year. Another instance's change shows up within the cache time.
 */
export async function getSiteSettings(options: { settings: SettingsStore }): Promise<SiteSettings> {
  const now = Date.now();
  if (cached && cached.store === options.settings && now - cached.at < CACHE_MS) return cached.value;
  const value = siteSettingsFrom(await options.settings.all());
  cached = { at: now, store: options.settings, value };
  return value;
}

/** Drops the cached settings (after a change in this process). */
export function forgetSiteSettings(): void {
  cached = undefined;
}
