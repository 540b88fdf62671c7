import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkConsultation, closesAtOf, opensAtOf, requireAction, type Consultation } from '../domain/consultation.ts';
import { splitParagraphs } from '../domain/paragraphs.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import type { ParticipationStores } from './stores.ts';

export type DraftInput = {
  orgId: string;
  title: string;
  summary: string;
  major: boolean;
  shortReason: string;
  opensOn: string;
  closesOn: string;
  /** The draft's text, one paragraph per line. */
  text: string;
};

/**
 * Creates a consultation as a draft, or changes a draft not yet published (its text stays version
 * 1). The unit's interaction officers may (互动交流经办人, in their subtree).
 * @throws DomainError `validation_failed`, `forbidden`, `out_of_scope`, `not_found`, `invalid_transition`.
 */
export async function saveDraft(options: {
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  actor: Actor;
  consultationId: string | null;
  input: DraftInput;
}): Promise<Consultation> {
  const { input } = options;
  const now = options.clock.now();
  const at = now.toISOString();
  const paragraphs = splitParagraphs(input.text);
  const fields = {
    title: input.title.trim(),
    summary: input.summary.trim(),
    major: input.major,
    shortReason: input.shortReason.trim(),
    // An unreadable date stays unreadable, and the check says so beside its field.
    opensAt: isIsoDate(input.opensOn) ? opensAtOf(input.opensOn) : '',
    closesAt: isIsoDate(input.closesOn) ? closesAtOf(input.closesOn) : '',
  };
  const issues = checkConsultation(fields, paragraphs);
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(input.orgId);
    if (!org) issues.push({ field: 'orgId', message: CONSULTATION_TEXT.orgRequired });
    if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
    requirePermission(options.actor, 'interaction.handle', org!.path);
    const actor = auditActor(options.actor);
    let consultation: Consultation;
    let before: Consultation | undefined;
    if (options.consultationId === null) {
      consultation = {
        id: newId(),
        orgId: org!.id,
        ...fields,
        state: 'draft',
        version: 1,
        finalLink: null,
        reportSummary: '',
        createdAt: at,
        createdBy: actor.name,
        updatedAt: at,
        publishedAt: null,
        completedAt: null,
      };
    } else {
      before = await stores.consultations.get(options.consultationId);
      const beforeOrg = before ? await stores.orgs.getById(before.orgId) : undefined;
      if (!before || !beforeOrg) throw new DomainError('not_found');
      requirePermission(options.actor, 'interaction.handle', beforeOrg.path);
      requireAction(before, now, 'edit');
      consultation = { ...before, orgId: org!.id, ...fields, updatedAt: at };
    }
    await stores.consultations.save(consultation);
    // Until publication the draft's text is version 1, rewritten in place.
    await stores.consultations.saveVersion({
      consultationId: consultation.id,
      number: 1,
      paragraphs,
      note: '',
      createdAt: at,
      createdBy: actor.name,
    });
    await stores.audit.append(
      participationEntry(actor, now, {
        action: before ? 'consultation.edited' : 'consultation.drafted',
        entityType: 'consultation',
        entityId: consultation.id,
        ...(before ? { before: { title: before.title, opensAt: before.opensAt, closesAt: before.closesAt } } : {}),
        after: { ...fields, paragraphs: paragraphs.length },
      }),
    );
    return consultation;
  });
}
