/**
 * The levels a standard catalog item is published at (公开层级), as the national guides for the 26
 * pilot fields (国办发〔2019〕54号) write them: county, township and village. A unit's disclosure
 * profile says at which of these it publishes.
 */
export const DISCLOSURE_LEVELS = ['county', 'township', 'village'] as const;
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];

export const DISCLOSURE_LEVEL_LABELS: Record<DisclosureLevel, string> = {
  county: '县级',
  township: '乡级',
  village: '村级',
};
