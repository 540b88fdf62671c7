import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkConsultation, requireAction, type Consultation } from '../domain/consultation.ts';
import { splitParagraphs } from '../domain/paragraphs.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { loadForChange } from './load-consultation.ts';
import type { ParticipationStores } from './stores.ts';

const MAX_NOTE_LENGTH = 1000;

/**
 * Publishes a new version of a published draft with a note on what changed; the comments already
 * made keep the version and paragraph they were made on, and the public can compare the versions.
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function reviseDraft(options: {
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  actor: Actor;
  consultationId: string;
  input: { text: string; note: string };
}): Promise<Consultation> {
  const now = options.clock.now();
  const at = now.toISOString();
  const paragraphs = splitParagraphs(options.input.text);
  const note = options.input.note.trim();
  return options.uow.run(async (stores) => {
    const { consultation } = await loadForChange(stores, options.actor, options.consultationId);
    requireAction(consultation, now, 'revise');
    const current = await stores.consultations.version(consultation.id, consultation.version);
    const issues: FieldIssue[] = checkConsultation(consultation, paragraphs);
    if (note.length > MAX_NOTE_LENGTH) issues.push({ field: 'note', message: CONSULTATION_TEXT.noteTooLong });
    if (current && JSON.stringify(current.paragraphs) === JSON.stringify(paragraphs)) {
      issues.push({ field: 'text', message: CONSULTATION_TEXT.versionUnchanged });
    }
    if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
    const actor = auditActor(options.actor);
    const revised: Consultation = { ...consultation, version: consultation.version + 1, updatedAt: at };
    await stores.consultations.saveVersion({
      consultationId: consultation.id,
      number: revised.version,
      paragraphs,
      note,
      createdAt: at,
      createdBy: actor.name,
    });
    await stores.consultations.save(revised);
    await stores.audit.append(
      participationEntry(actor, now, {
        action: 'consultation.revised',
        entityType: 'consultation',
        entityId: consultation.id,
        before: { version: consultation.version },
        after: { version: revised.version, paragraphs: paragraphs.length, note },
      }),
    );
    return revised;
  });
}
