import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkMedia, nextInterviewState, type InterviewMedia } from '../domain/interview.ts';
import { loadInterviewForChange, type InterviewStores } from './interview-stores.ts';

/**
 * Adds a photo or image to an ended interview: a link with its alt text (required) and caption.
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function addInterviewMedia(options: {
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  actor: Actor;
  interviewId: string;
  input: { url: string; alt: string; caption: string };
}): Promise<InterviewMedia> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const interview = await loadInterviewForChange(stores, options.actor, options.interviewId);
    nextInterviewState(interview.state, 'add_media');
    const checked = checkMedia(options.input);
    const media: InterviewMedia = { id: newId(), interviewId: interview.id, ...checked, createdAt: now.toISOString() };
    await stores.interviews.insertMedia(media);
    await stores.interviews.bumpRevision(interview.id);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'interview.media_added',
        entityType: 'interview',
        entityId: interview.id,
        orgId: interview.orgId,
        after: { mediaId: media.id, url: media.url, alt: media.alt },
      }),
    );
    return media;
  });
}
