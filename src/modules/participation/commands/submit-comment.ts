import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { chinaDate } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkCommentInput, checkCommentRate, type ConsultationComment } from '../domain/comment.ts';
import { opensAtOf, requireOpenForComments } from '../domain/consultation.ts';
import { VERIFICATION_TEXT } from '../domain/verification-strings.ts';
import { senderKeyOf } from './sender-key.ts';
import type { ParticipationStores } from './stores.ts';

/**
 * A resident's comment on a published draft while it is open: on the whole draft or on one
 * paragraph of the current version. The text is kept as typed (plain text, escaped when shown); the
 * sender's network address is kept only as a keyed hash, for the limits per address; a verified
 * sender's person key is kept too, for the same limits per person (issue 12: comment floods are
 * limited per address and per verified person).
 * @throws DomainError `not_found` (a draft or unknown id), `invalid_transition` (not open),
 *   `validation_failed`, `rate_limited`.
 */
export async function submitComment(options: {
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  actor: Actor;
  /** Keys the hash of the sender's address. */
  secret: string;
  consultationId: string;
  /** The verified sender's person key (from the signed proof cookie); null when unverified. */
  personKey?: string | null;
  input: { body: string; name: string; paragraph: number | null };
}): Promise<ConsultationComment> {
  const now = options.clock.now();
  const at = now.toISOString();
  const senderKey = senderKeyOf(options.secret, options.actor);
  const personKey = options.personKey ?? null;
  return options.uow.run(async (stores) => {
    const consultation = await stores.consultations.get(options.consultationId);
    if (!consultation || consultation.state === 'draft') throw new DomainError('not_found');
    requireOpenForComments(consultation, now);
    const version = await stores.consultations.version(consultation.id, consultation.version);
    const cleaned = checkCommentInput(options.input, version?.paragraphs.length ?? 0);
    const since = new Date(now.getTime() - 10 * 60_000).toISOString();
    const dayStart = opensAtOf(chinaDate(now));
    checkCommentRate(await stores.consultations.recentComments(senderKey, consultation.id, since, dayStart));
    // The same limits per verified person: changing network address does not reset them.
    if (personKey !== null) {
      checkCommentRate(
        await stores.consultations.recentCommentsOfPerson(personKey, consultation.id, since, dayStart),
        VERIFICATION_TEXT.comment.tooManyToday,
      );
    }
    const comment: ConsultationComment = {
      id: newId(),
      consultationId: consultation.id,
      version: consultation.version,
      paragraph: cleaned.paragraph,
      body: cleaned.body,
      name: cleaned.name,
      senderKey,
      personKey,
      state: 'shown',
      hiddenReason: '',
      disposition: null,
      dispositionReason: '',
      dispositionGroup: '',
      createdAt: at,
      moderatedAt: null,
      disposedAt: null,
    };
    await stores.consultations.insertComment(comment);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'comment.submitted',
        entityType: 'consultation_comment',
        entityId: comment.id,
        after: {
          consultationId: consultation.id,
          version: comment.version,
          paragraph: comment.paragraph,
          verified: personKey !== null,
        },
      }),
    );
    return comment;
  });
}
