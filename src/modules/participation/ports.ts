import type { Consultation, DraftVersion } from './domain/consultation.ts';
import type { ConsultationComment } from './domain/comment.ts';

/** A consultation with the counts its lists show. */
export type ConsultationSummary = Consultation & {
  orgName: string;
  /** Comments shown to the public. */
  shownComments: number;
  hiddenComments: number;
};

/** Consultations, their draft versions and their comments (migration 0022). */
export interface ConsultationStore {
  get(id: string): Promise<Consultation | undefined>;
  /** Inserts or replaces the consultation's row. */
  save(consultation: Consultation): Promise<void>;
  /**
   * Consultations of these units (every unit when `orgIds` is null), the latest opening first; with
   * `publicOnly`, drafts are left out.
   */
  list(filter: { orgIds: readonly string[] | null; publicOnly: boolean; limit: number; offset: number }): Promise<{
    items: ConsultationSummary[];
    total: number;
  }>;
  version(consultationId: string, number: number): Promise<DraftVersion | undefined>;
  /** Every version's number, note and date (without the text), oldest first. */
  versions(consultationId: string): Promise<Omit<DraftVersion, 'paragraphs'>[]>;
  /** Inserts or replaces one version. */
  saveVersion(version: DraftVersion): Promise<void>;
  comments(consultationId: string): Promise<ConsultationComment[]>;
  comment(id: string): Promise<ConsultationComment | undefined>;
  insertComment(comment: ConsultationComment): Promise<void>;
  /** Replaces a comment's moderation and disposition fields. */
  updateComment(comment: ConsultationComment): Promise<void>;
  /** What one sender did lately: comments anywhere since `since`, and on one consultation since `dayStart`. */
  recentComments(
    senderKey: string,
    consultationId: string,
    since: string,
    dayStart: string,
  ): Promise<{
    lastTenMinutes: number;
    consultationToday: number;
  }>;
}
