import type { SiteIdentity } from '../../../platform/web/site-identity.ts';
import { SITE_TEXT } from '../strings.ts';
import type { FieldIssue } from '../../../platform/errors.ts';

/** The site's identity as the district office sets it (the frames of every page show it). */
export type SiteSettings = SiteIdentity;

export const SETTING_KEYS: Record<keyof SiteSettings, string> = {
  siteName: 'site.name',
  districtName: 'site.district_name',
  organizer: 'site.organizer',
  siteIdentifier: 'site.identifier',
  icpNumber: 'site.icp_number',
  policeNumber: 'site.police_number',
  contactPhone: 'site.contact_phone',
  contactAddress: 'site.contact_address',
  isDemo: 'site.is_demo',
};

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  siteName: '政务公开平台',
  districtName: '本区',
  organizer: '区人民政府办公室',
  siteIdentifier: '',
  icpNumber: '',
  policeNumber: '',
  contactPhone: '',
  contactAddress: '',
  isDemo: false,
};

/** Reads settings from stored key-value pairs, with defaults for what is missing. */
export function siteSettingsFrom(values: Record<string, string>): SiteSettings {
  const text = (key: keyof SiteSettings): string => values[SETTING_KEYS[key]] ?? (DEFAULT_SITE_SETTINGS[key] as string);
  return {
    siteName: text('siteName'),
    districtName: text('districtName'),
    organizer: text('organizer'),
    siteIdentifier: text('siteIdentifier'),
    icpNumber: text('icpNumber'),
    policeNumber: text('policeNumber'),
    contactPhone: text('contactPhone'),
    contactAddress: text('contactAddress'),
    isDemo: values[SETTING_KEYS.isDemo] === 'true',
  };
}

/** Checks settings an administrator enters. 网站标识码 is 10 digits (4–6 digits of region code plus serial). */
export function validateSiteSettings(settings: Omit<SiteSettings, 'isDemo'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (settings.siteName.trim().length < 2) issues.push({ field: 'siteName', message: SITE_TEXT.siteNameRequired });
  if (settings.organizer.trim().length < 2) issues.push({ field: 'organizer', message: SITE_TEXT.organizerRequired });
  if (settings.siteIdentifier && !/^[0-9A-Za-z]{10}$/.test(settings.siteIdentifier)) {
    issues.push({ field: 'siteIdentifier', message: SITE_TEXT.siteIdentifierShape });
  }
  return issues;
}
