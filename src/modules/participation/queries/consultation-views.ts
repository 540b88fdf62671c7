import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import { listOrgs } from '../../orgs/index.ts';
import type { ParticipationStores } from '../commands/stores.ts';
import { adoptionReport, type AdoptionReport } from '../domain/adoption.ts';
import type { ConsultationComment } from '../domain/comment.ts';
import { phaseOf, type Consultation, type ConsultationPhase, type DraftVersion } from '../domain/consultation.ts';
import type { ConsultationSummary } from '../ports.ts';

type Stores = Pick<ParticipationStores, 'consultations' | 'orgs'>;

export const CONSULTATION_PAGE_SIZE = 20;

export type ConsultationListItem = ConsultationSummary & { phase: ConsultationPhase };

/** The public list: every published or completed consultation, the latest opening first. */
export async function publicConsultations(
  stores: Stores,
  options: { now: Date; page: number },
): Promise<{ items: ConsultationListItem[]; total: number }> {
  const { items, total } = await stores.consultations.list({
    orgIds: null,
    publicOnly: true,
    limit: CONSULTATION_PAGE_SIZE,
    offset: (options.page - 1) * CONSULTATION_PAGE_SIZE,
  });
  return { items: items.map((item) => ({ ...item, phase: phaseOf(item, options.now) })), total };
}

/** The back office's list: the consultations of the units where the reader handles interaction. */
export async function staffConsultations(
  stores: Stores,
  options: { actor: Actor; now: Date; page: number },
): Promise<{ items: ConsultationListItem[]; total: number }> {
  const scope = scopeFor(options.actor, 'interaction.handle');
  const orgIds =
    scope.kind === 'all'
      ? null
      : (await listOrgs(stores)).filter((org) => scopeIncludes(scope, org.path)).map((org) => org.id);
  const { items, total } = await stores.consultations.list({
    orgIds,
    publicOnly: false,
    limit: CONSULTATION_PAGE_SIZE,
    offset: (options.page - 1) * CONSULTATION_PAGE_SIZE,
  });
  return { items: items.map((item) => ({ ...item, phase: phaseOf(item, options.now) })), total };
}

/** A consultation as its page shows it. */
export type ConsultationView = {
  consultation: Consultation;
  orgName: string;
  phase: ConsultationPhase;
  /** The version shown (the current one unless another was asked for). */
  version: DraftVersion;
  versions: Omit<DraftVersion, 'paragraphs'>[];
  /** Comments the reader may see: the shown ones for the public, all for staff, oldest first. */
  comments: ConsultationComment[];
  /** Shown comments per paragraph of the shown version (index 0: the whole draft). */
  perParagraph: number[];
  report: AdoptionReport;
};

/** A consultation with one version of its draft, without its comments: what the comment form shows. */
export type ConsultationDraftView = Pick<ConsultationView, 'consultation' | 'orgName' | 'phase' | 'version'>;

/**
 * A consultation and one version of its draft (the current one unless `version` is given), with the
 * same access rule as `consultationView`, without reading its comments.
 * @throws DomainError `not_found`.
 */
export async function consultationDraft(
  stores: Stores,
  options: { consultationId: string; actor: Actor | null; now: Date; version?: number | undefined },
): Promise<ConsultationDraftView> {
  const consultation = await stores.consultations.get(options.consultationId);
  const org = consultation ? await stores.orgs.getById(consultation.orgId) : undefined;
  if (!consultation || !org) throw new DomainError('not_found');
  if (options.actor === null && consultation.state === 'draft') throw new DomainError('not_found');
  if (options.actor !== null && !scopeIncludes(scopeFor(options.actor, 'interaction.handle'), org.path)) {
    throw new DomainError('not_found');
  }
  const version = await stores.consultations.version(consultation.id, options.version ?? consultation.version);
  if (!version) throw new DomainError('not_found');
  return { consultation, orgName: org.name, phase: phaseOf(consultation, options.now), version };
}

/**
 * A consultation for its page. The public sees published and completed ones, the shown comments
 * and the count of hidden ones; staff of the unit's subtree see drafts and every comment.
 * @throws DomainError `not_found`.
 */
export async function consultationView(
  stores: Stores,
  options: { consultationId: string; actor: Actor | null; now: Date; version?: number | undefined },
): Promise<ConsultationView> {
  const draft = await consultationDraft(stores, options);
  const { consultation, version } = draft;
  const [versions, all] = await Promise.all([
    stores.consultations.versions(consultation.id),
    stores.consultations.comments(consultation.id),
  ]);
  const perParagraph = new Array<number>(version.paragraphs.length + 1).fill(0);
  for (const comment of all) {
    if (comment.state !== 'shown' || comment.version !== version.number) continue;
    const index = comment.paragraph ?? 0;
    if (index < perParagraph.length) perParagraph[index]!++;
  }
  return {
    ...draft,
    versions,
    comments: options.actor === null ? all.filter((c) => c.state === 'shown') : all,
    perParagraph,
    report: adoptionReport(all),
  };
}
