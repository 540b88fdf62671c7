import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkInterview, nextInterviewState, type Interview, type InterviewInput } from '../domain/interview.ts';
import { INTERVIEW_TEXT } from '../domain/interview-strings.ts';
import { loadInterviewForChange, type InterviewStores } from './interview-stores.ts';

/**
 * Drafts an online interview, or changes one before it is cancelled (title, summary, times and
 * guests). Interaction officers of the unit's subtree may; moving it to another unit needs the
 * permission in both.
 * @throws DomainError `validation_failed`, `not_found`, `invalid_transition`, `forbidden`, `out_of_scope`.
 */
export async function saveInterview(options: {
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  actor: Actor;
  interviewId: string | null;
  input: InterviewInput;
}): Promise<Interview> {
  const now = options.clock.now().toISOString();
  const fields = checkInterview(options.input);
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(fields.orgId);
    if (!org)
      throw new DomainError('validation_failed', { fields: [{ field: 'orgId', message: INTERVIEW_TEXT.orgRequired }] });
    requirePermission(options.actor, 'interaction.handle', org.path);
    const before =
      options.interviewId === null
        ? undefined
        : await loadInterviewForChange(stores, options.actor, options.interviewId);
    if (before) nextInterviewState(before.state, 'edit');
    const interview: Interview = {
      id: before?.id ?? newId(),
      ...fields,
      state: before?.state ?? 'draft',
      cancelReason: before?.cancelReason ?? '',
      revision: before?.revision ?? 0,
      publishedAt: before?.publishedAt ?? null,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await stores.interviews.save(interview);
    if (before && before.state !== 'draft') interview.revision = await stores.interviews.bumpRevision(interview.id);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), options.clock.now(), {
        action: before ? 'interview.edited' : 'interview.drafted',
        entityType: 'interview',
        entityId: interview.id,
        orgId: interview.orgId,
        ...(before ? { before: { title: before.title, startsAt: before.startsAt, guests: before.guests } } : {}),
        after: { title: interview.title, startsAt: interview.startsAt, guests: interview.guests },
      }),
    );
    return interview;
  });
}
