import { DomainError } from '../../../platform/errors.ts';
import { CATALOG_TEXT } from '../strings.ts';
import type { Permission } from '../../access/index.ts';
import {
  formatAudience,
  formatChannels,
  formatElements,
  formatFiveOpen,
  formatLegalBasis,
  formatLevels,
  formatMode,
  formatTimeLimit,
} from './cell-text.ts';
import { ELEMENT_LABELS, type CatalogEntry, type Element, type EntryContent } from './entry.ts';

/**
 * A version of a unit's catalog (plan §三.1): the unit drafts and submits; the district government
 * office approves it (it is published) or returns it with comments; an adjustment later is a new
 * version, and publishing it supersedes the old one.
 */
export const VERSION_STATES = ['draft', 'submitted', 'returned', 'published', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const VERSION_STATE_LABELS: Record<VersionState, string> = {
  draft: '编制中',
  submitted: '待审核',
  returned: '已退回修改',
  published: '已发布',
  superseded: '已被新版本取代',
};

export type CatalogVersion = {
  id: string;
  orgId: string;
  number: number;
  state: VersionState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The district office's overall comment when it returned the version. */
  reviewComment: string | null;
  publishedAt: string | null;
  supersededAt: string | null;
};

export type VersionAction =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'return'; comment: string; entryComments: number }
  | { type: 'approve' }
  | { type: 'supersede' };

export const VERSION_ALLOWED_FROM: Record<VersionAction['type'], readonly VersionState[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  approve: ['submitted'],
  supersede: ['published'],
};

/** The unit edits and submits its own catalog; the district office reviews. */
export const VERSION_PERMISSION: Record<VersionAction['type'], Permission | null> = {
  edit: 'catalog.edit',
  submit: 'catalog.edit',
  return: 'catalog.approve',
  approve: 'catalog.approve',
  supersede: null,
};

/**
 * Applies an action to a version.
 * @throws DomainError `invalid_transition`, or `validation_failed` when a return carries no comment.
 */
export function transitionVersion(
  version: CatalogVersion,
  action: VersionAction,
  actorId: string | null,
  now: Date,
): CatalogVersion {
  if (!VERSION_ALLOWED_FROM[action.type].includes(version.state)) {
    throw new DomainError('invalid_transition', {
      message: CATALOG_TEXT.versionActionNotAllowed(VERSION_STATE_LABELS[version.state]),
      details: { state: version.state, action: action.type },
    });
  }
  const at = now.toISOString();
  switch (action.type) {
    case 'edit':
      return { ...version, updatedAt: at };
    case 'submit':
      return { ...version, state: 'submitted', submittedBy: actorId, submittedAt: at, updatedAt: at };
    case 'return':
      if (action.comment.trim() === '' && action.entryComments === 0) {
        throw new DomainError('validation_failed', {
          fields: [{ field: 'comment', message: CATALOG_TEXT.returnNeedsComment }],
        });
      }
      return {
        ...version,
        state: 'returned',
        reviewedBy: actorId,
        reviewedAt: at,
        reviewComment: action.comment.trim() || null,
        updatedAt: at,
      };
    case 'approve':
      return { ...version, state: 'published', reviewedBy: actorId, reviewedAt: at, publishedAt: at, updatedAt: at };
    case 'supersede':
      return { ...version, state: 'superseded', supersededAt: at, updatedAt: at };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** Elements compared between versions, as their printed text. */
const COMPARED: Element[] = [
  'fieldCode',
  'itemL1',
  'itemL2',
  'contentElements',
  'legalBasis',
  'timeLimit',
  'publisher',
  'channels',
  'audience',
  'mode',
  'levels',
  'fiveOpen',
  'retention',
];

/** An element's printed text, the form a person compares. */
export function elementText(entry: EntryContent, element: Element): string {
  switch (element) {
    case 'fieldCode':
      return entry.fieldCode;
    case 'itemL1':
      return entry.itemL1;
    case 'itemL2':
      return entry.itemL2;
    case 'contentElements':
      return formatElements(entry.contentElements);
    case 'legalBasis':
      return formatLegalBasis(entry.legalBasis);
    case 'timeLimit':
      return formatTimeLimit(entry.timeLimit);
    case 'publisher':
      return entry.publisher;
    case 'channels':
      return formatChannels(entry.channels, entry.otherChannels);
    case 'audience':
      return formatAudience(entry.audience);
    case 'mode':
      return formatMode(entry.mode);
    case 'levels':
      return formatLevels(entry.levels);
    case 'fiveOpen':
      return formatFiveOpen(entry.fiveOpen);
    case 'retention':
      return entry.retention ?? '';
    default: {
      const unreachable: never = element;
      return unreachable;
    }
  }
}

export type ElementChange = { element: Element; label: string; before: string; after: string };
export type EntryChange = { before: CatalogEntry; after: CatalogEntry; changes: ElementChange[] };
export type CatalogDiff = { added: CatalogEntry[]; removed: CatalogEntry[]; changed: EntryChange[]; unchanged: number };

/** Compares two versions entry by entry (by key) and element by element. */
export function diffCatalogs(before: CatalogEntry[], after: CatalogEntry[]): CatalogDiff {
  const old = new Map(before.map((e) => [e.key, e]));
  const now = new Map(after.map((e) => [e.key, e]));
  const diff: CatalogDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const entry of after) {
    const previous = old.get(entry.key);
    if (!previous) {
      diff.added.push(entry);
      continue;
    }
    const changes = COMPARED.map((element) => ({
      element,
      label: ELEMENT_LABELS[element],
      before: elementText(previous, element),
      after: elementText(entry, element),
    })).filter((c) => c.before !== c.after);
    if (changes.length > 0) diff.changed.push({ before: previous, after: entry, changes });
    else diff.unchanged++;
  }
  diff.removed = before.filter((e) => !now.has(e.key));
  return diff;
}

/** True when two entries' contents are the same element for element. */
export function sameContent(a: EntryContent, b: EntryContent): boolean {
  return COMPARED.every((element) => elementText(a, element) === elementText(b, element));
}
