import type { InterviewQuestion, InterviewState, TranscriptEntry } from '../domain/interview.ts';
import type { InterviewStore } from '../ports.ts';

/** What the live page receives: a new transcript entry, a newly shown question, or a new state. */
export type InterviewEvent =
  | { kind: 'entry'; revision: number; entry: PublicEntry }
  | { kind: 'question'; revision: number; question: PublicQuestion }
  | { kind: 'state'; revision: number; state: InterviewState };

/** A transcript entry as the public sees it. */
export type PublicEntry = Pick<TranscriptEntry, 'id' | 'speakerKind' | 'speaker' | 'body' | 'questionId' | 'saidAt'>;
/** A shown question as the public sees it (no sender key, no moderation detail). */
export type PublicQuestion = Pick<InterviewQuestion, 'id' | 'name' | 'body' | 'answered' | 'createdAt'>;

/** Tells the live pages of an interview that something changed, and lets them follow it. */
export interface InterviewFeed {
  /** Called after a change is committed in this process: listeners hear of it at once. */
  changed(interviewId: string): void;
  /**
   * Follows an interview from the revision and state the page showed: `send` gets every later event once, in order.
   * Returns the function that stops following.
   */
  subscribe(
    interviewId: string,
    from: { revision: number; state: InterviewState },
    send: (events: InterviewEvent[]) => void,
  ): () => void;
  /** How many listeners follow an interview (diagnostics and tests). */
  listeners(interviewId: string): number;
  /** Stops every poll (the server is closing). */
  close(): void;
}

type Listener = { cursor: number; state: InterviewState; send: (events: InterviewEvent[]) => void };
type Channel = {
  listeners: Set<Listener>;
  timer: NodeJS.Timeout;
  busy: boolean;
  again: boolean;
};

export const publicEntry = (e: TranscriptEntry): PublicEntry => ({
  id: e.id,
  speakerKind: e.speakerKind,
  speaker: e.speaker,
  body: e.body,
  questionId: e.questionId,
  saidAt: e.saidAt,
});
export const publicQuestion = (q: InterviewQuestion): PublicQuestion => ({
  id: q.id,
  name: q.name,
  body: q.body,
  answered: q.answered,
  createdAt: q.createdAt,
});

/** What happened on an interview after revision `from`: entries and shown questions, in order. */
export async function readEvents(
  store: Pick<InterviewStore, 'entries' | 'shownSince'>,
  interviewId: string,
  from: number,
): Promise<InterviewEvent[]> {
  const [entries, questions] = await Promise.all([
    store.entries(interviewId, from),
    store.shownSince(interviewId, from),
  ]);
  return [
    ...entries.map((e): InterviewEvent => ({ kind: 'entry', revision: e.revision, entry: publicEntry(e) })),
    ...questions.map((q): InterviewEvent => ({
      kind: 'question',
      revision: q.shownRevision ?? 0,
      question: publicQuestion(q),
    })),
  ].sort((a, b) => a.revision - b.revision);
}

/**
 * One channel per interview followed in this process, however many pages follow it: a change made
 * here wakes it at once, and a poll of the interview's revision (one primary-key read every
 * `pollMs`) sees changes made by another instance sharing the database. The channel reads what is
 * new once for all its listeners, and stops polling when the last one leaves.
 */
export function createInterviewFeed(options: {
  store: Pick<InterviewStore, 'revision' | 'entries' | 'shownSince'>;
  pollMs?: number;
  onError?: (error: unknown) => void;
}): InterviewFeed {
  const pollMs = options.pollMs ?? 3000;
  const channels = new Map<string, Channel>();

  const refresh = async (interviewId: string, channel: Channel): Promise<void> => {
    if (channel.busy) {
      channel.again = true;
      return;
    }
    channel.busy = true;
    try {
      do {
        channel.again = false;
        await deliver(interviewId, channel);
      } while (channel.again && channels.get(interviewId) === channel);
    } catch (error) {
      options.onError?.(error);
    } finally {
      channel.busy = false;
    }
  };

  const deliver = async (interviewId: string, channel: Channel): Promise<void> => {
    if (channel.listeners.size === 0) return;
    const now = await options.store.revision(interviewId);
    if (!now) return;
    const from = Math.min(...[...channel.listeners].map((l) => l.cursor));
    if (now.revision <= from && [...channel.listeners].every((l) => l.state === now.state)) return;
    const events = await readEvents(options.store, interviewId, from);
    for (const listener of channel.listeners) {
      const mine = events.filter((e) => e.revision > listener.cursor && e.revision <= now.revision);
      if (listener.state !== now.state) mine.push({ kind: 'state', revision: now.revision, state: now.state });
      listener.state = now.state;
      listener.cursor = Math.max(listener.cursor, now.revision);
      if (mine.length > 0) listener.send(mine);
    }
  };

  return {
    changed(interviewId) {
      const channel = channels.get(interviewId);
      if (channel) void refresh(interviewId, channel);
    },
    subscribe(interviewId, from, send) {
      let channel = channels.get(interviewId);
      if (!channel) {
        const created: Channel = {
          listeners: new Set(),
          busy: false,
          again: false,
          timer: setInterval(() => void refresh(interviewId, created), pollMs),
        };
        // A poll never keeps the process alive by itself.
        created.timer.unref();
        channel = created;
        channels.set(interviewId, channel);
      }
      const listener: Listener = { cursor: from.revision, state: from.state, send };
      channel.listeners.add(listener);
      // Catch up at once on what happened since the page was rendered.
      void refresh(interviewId, channel);
      const joined = channel;
      return () => {
        joined.listeners.delete(listener);
        if (joined.listeners.size === 0 && channels.get(interviewId) === joined) {
          clearInterval(joined.timer);
          channels.delete(interviewId);
        }
      };
    },
    listeners(interviewId) {
      return channels.get(interviewId)?.listeners.size ?? 0;
    },
    close() {
      for (const channel of channels.values()) clearInterval(channel.timer);
      channels.clear();
    },
  };
}
