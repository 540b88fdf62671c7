import type { Clock } from '../../../platform/clock.ts';
import { siteSettingsFrom, type SiteSettings } from '../domain/site-settings.ts';
import type { SettingsStore } from '../ports.ts';

const CACHE_MS = 5_000;

/** The site settings of one application, cached briefly. */
export type SiteSettingsCache = {
  get(): Promise<SiteSettings>;
  /** Drops the cached settings (after a change through this application). */
  forget(): void;
};

/**
 * The site settings, read at most every few seconds: every page shows them, and they change a few
 * times a year. Another instance's change shows up within the cache time. One cache per
 * application, timed by its clock.
 */
export function createSiteSettingsCache(options: { settings: SettingsStore; clock: Clock }): SiteSettingsCache {
  let cached: { at: number; value: SiteSettings } | undefined;
  return {
    async get() {
      const now = options.clock.now().getTime();
      if (cached && now - cached.at >= 0 && now - cached.at < CACHE_MS) return cached.value;
      const value = siteSettingsFrom(await options.settings.all());
      cached = { at: now, value };
      return value;
    },
    forget() {
      cached = undefined;
    },
  };
}
