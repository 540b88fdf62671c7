import { describe, expect, it } from 'vitest';
import type { InterviewQuestion, InterviewState, TranscriptEntry } from '../domain/interview.ts';
import { createInterviewFeed, type InterviewEvent } from './interview-feed.ts';

/** An interview's store as the feed reads it, with a count of the revision reads (the poll's cost). */
function storeOf() {
  const state = { revision: 0, state: 'live' as InterviewState, reads: 0 };
  const entries: TranscriptEntry[] = [];
  const questions: InterviewQuestion[] = [];
  return {
    state,
    say(body: string) {
      state.revision += 1;
      entries.push({
        id: `e${state.revision}`,
        interviewId: 'i1',
        speakerKind: 'host',
        speaker: '主持人',
        body,
        questionId: null,
        revision: state.revision,
        saidAt: '2026-03-10T01:30:00.000Z',
      });
    },
    show(body: string) {
      state.revision += 1;
      questions.push({
        id: `q${state.revision}`,
        interviewId: 'i1',
        name: '',
        body,
        senderKey: 'secret-key',
        state: 'shown',
        hiddenReason: '',
        answered: false,
        shownRevision: state.revision,
        createdAt: '2026-03-09T01:00:00.000Z',
        moderatedAt: null,
      });
    },
    store: {
      revision: async () => {
        state.reads += 1;
        return { revision: state.revision, state: state.state };
      },
      entries: async (_id: string, after: number) => entries.filter((e) => e.revision > after),
      shownSince: async (_id: string, after: number) => questions.filter((q) => (q.shownRevision ?? 0) > after),
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const texts = (events: InterviewEvent[]) =>
  events.map((e) => (e.kind === 'entry' ? e.entry.body : e.kind === 'question' ? e.question.body : e.state));

describe('the live pages’ feed of an interview', () => {
  it.each([
    { name: 'a page rendered before anything was said', from: 0, expected: ['开场', '问题甲', '回答'] },
    { name: 'a page rendered after the opening', from: 1, expected: ['问题甲', '回答'] },
    { name: 'a page rendered at the latest revision', from: 3, expected: [] },
  ])('catches up $name with what came after it, in order', async ({ from, expected }) => {
    const s = storeOf();
    s.say('开场');
    s.show('问题甲');
    s.say('回答');
    const feed = createInterviewFeed({ store: s.store, pollMs: 60_000 });
    const got: InterviewEvent[] = [];
    const stop = feed.subscribe('i1', { revision: from, state: 'live' }, (events) => got.push(...events));
    await settle();
    expect(texts(got)).toEqual(expected);
    stop();
    feed.close();
  });

  it('reads the store once per change for every listener, and sends each event to each once', async () => {
    const s = storeOf();
    const feed = createInterviewFeed({ store: s.store, pollMs: 60_000 });
    const pages = [[], [], []] as InterviewEvent[][];
    const stops = pages.map((got) => feed.subscribe('i1', { revision: 0, state: 'live' }, (e) => got.push(...e)));
    await settle();
    const before = s.state.reads;
    s.say('欢迎');
    feed.changed('i1');
    feed.changed('i1');
    await settle();
    expect(s.state.reads - before).toBeLessThanOrEqual(2);
    for (const got of pages) expect(texts(got)).toEqual(['欢迎']);
    expect(JSON.stringify(pages[0])).not.toContain('secret-key');
    for (const stop of stops) stop();
    expect(feed.listeners('i1')).toBe(0);
    feed.close();
  });

  it('tells a page the interview ended, once', async () => {
    const s = storeOf();
    const feed = createInterviewFeed({ store: s.store, pollMs: 60_000 });
    const got: InterviewEvent[] = [];
    const stop = feed.subscribe('i1', { revision: 0, state: 'live' }, (e) => got.push(...e));
    s.state.revision += 1;
    s.state.state = 'ended';
    feed.changed('i1');
    await settle();
    feed.changed('i1');
    await settle();
    expect(got).toEqual([{ kind: 'state', revision: 1, state: 'ended' }]);
    stop();
    feed.close();
  });

  it('sees another instance’s change by polling, and stops polling when the last page leaves', async () => {
    const s = storeOf();
    const feed = createInterviewFeed({ store: s.store, pollMs: 20 });
    const got: InterviewEvent[] = [];
    const stop = feed.subscribe('i1', { revision: 0, state: 'live' }, (e) => got.push(...e));
    s.say('另一实例写入');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(texts(got)).toEqual(['另一实例写入']);
    stop();
    const reads = s.state.reads;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(s.state.reads).toBe(reads);
    feed.close();
  });
});
