import type { FieldIssue } from '../../../platform/errors.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { DISPOSITIONS, type ConsultationComment, type Disposition } from './comment.ts';

/**
 * The adoption report (意见采纳情况): how many comments came, how many were hidden and why that is
 * allowed, how many were adopted, partly adopted or not adopted and the reasons, and the final
 * document (《重大行政决策程序暂行条例》Art. 16; the plan §三.5: publish the adoption of opinions).
 * Like comments that staff put in one group are answered once, as one row of the report.
 */
export type AdoptionRow = {
  /** The group label, or empty for a comment answered on its own. */
  group: string;
  disposition: Disposition;
  reason: string;
  comments: ConsultationComment[];
};

export type AdoptionReport = {
  received: number;
  hidden: number;
  counts: Record<Disposition, number>;
  /** Shown comments with no disposition yet. */
  undisposed: number;
  rows: AdoptionRow[];
};

/** Tallies the comments of a consultation; every shown comment is counted once. */
export function adoptionReport(comments: readonly ConsultationComment[]): AdoptionReport {
  const counts = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as Record<Disposition, number>;
  let hidden = 0;
  let undisposed = 0;
  const rows: AdoptionRow[] = [];
  const grouped = new Map<string, AdoptionRow>();
  for (const comment of comments) {
    if (comment.state === 'hidden') {
      hidden++;
      continue;
    }
    if (comment.disposition === null) {
      undisposed++;
      continue;
    }
    counts[comment.disposition]++;
    const group = comment.dispositionGroup.trim();
    if (group === '') {
      rows.push({
        group: '',
        disposition: comment.disposition,
        reason: comment.dispositionReason,
        comments: [comment],
      });
      continue;
    }
    // A group is one row per disposition: a group whose members got different answers splits.
    const key = `${comment.disposition}\u0000${group}`;
    const row = grouped.get(key);
    if (row) {
      row.comments.push(comment);
      if (row.reason === '' && comment.dispositionReason !== '') row.reason = comment.dispositionReason;
    } else {
      const created: AdoptionRow = {
        group,
        disposition: comment.disposition,
        reason: comment.dispositionReason,
        comments: [comment],
      };
      grouped.set(key, created);
      rows.push(created);
    }
  }
  return { received: comments.length, hidden, counts, undisposed, rows };
}

/**
 * What completing needs: every shown comment has a disposition, and the final document is named
 * (a path on this site or an https address).
 */
export function checkCompletion(report: AdoptionReport, finalLink: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (report.undisposed > 0) {
    issues.push({ field: 'dispositions', message: CONSULTATION_TEXT.undisposedLeft(report.undisposed) });
  }
  if (!isFinalLink(finalLink)) issues.push({ field: 'finalLink', message: CONSULTATION_TEXT.finalLinkInvalid });
  return issues;
}

/** A path on this site (`/…`, not `//…`) or an https address, without spaces, at most 500 characters. */
export function isFinalLink(link: string): boolean {
  if (link.length === 0 || link.length > 500 || /\s/.test(link)) return false;
  if (link.startsWith('/')) return !link.startsWith('//') && !link.startsWith('/\\');
  try {
    return new URL(link).protocol === 'https:';
  } catch {
    return false;
  }
}
