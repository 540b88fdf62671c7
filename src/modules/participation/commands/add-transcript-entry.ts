import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkEntry, nextInterviewState, type TranscriptEntry } from '../domain/interview.ts';
import { loadInterviewForChange, type InterviewStores } from './interview-stores.ts';

/**
 * Adds an entry to the transcript while live (or corrects it afterwards by adding): the host, a
 * guest, or a resident's shown question read out; an entry quoting a question by a guest or the
 * host marks the question answered.
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function addTranscriptEntry(options: {
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  actor: Actor;
  interviewId: string;
  input: { speaker: string; body: string; questionId: string };
}): Promise<TranscriptEntry> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const interview = await loadInterviewForChange(stores, options.actor, options.interviewId);
    nextInterviewState(interview.state, 'add_entry');
    const found = options.input.questionId === '' ? null : await stores.interviews.question(options.input.questionId);
    const quoted = found === null ? null : found?.interviewId === interview.id ? found : undefined;
    const checked = checkEntry(interview, options.input, quoted);
    const revision = await stores.interviews.bumpRevision(interview.id);
    const entry: TranscriptEntry = {
      id: newId(),
      interviewId: interview.id,
      ...checked,
      questionId: quoted?.id ?? null,
      revision,
      saidAt: now.toISOString(),
    };
    await stores.interviews.insertEntry(entry);
    if (quoted && checked.speakerKind !== 'question' && !quoted.answered) {
      await stores.interviews.updateQuestion({ ...quoted, answered: true });
    }
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'interview.entry_added',
        entityType: 'interview',
        entityId: interview.id,
        orgId: interview.orgId,
        after: { entryId: entry.id, speaker: entry.speaker, questionId: entry.questionId },
      }),
    );
    return entry;
  });
}
