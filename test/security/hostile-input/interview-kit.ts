import type { StaffActor } from '../../../src/modules/access/index.ts';
import {
  addInterviewMedia,
  addTranscriptEntry,
  advanceInterview,
  moderateQuestion,
  saveInterview,
  submitQuestion,
} from '../../../src/modules/participation/index.ts';
import type { TestApp } from '../../app.ts';

/**
 * The online interviews of the hostile-input runs: one announced (taking questions), one live and
 * one ended with a shown, answered question. Streams of the ended one end at once, so the runs'
 * requests to its event stream do not wait out a live stream's lifetime. The ended one has an
 * uploaded photo (a 1×1 PNG), served by its public image route.
 */
export async function seedHostileInterviews(options: {
  app: TestApp;
  actor: StaffActor;
  orgId: string;
}): Promise<{ openId: string; liveId: string; endedId: string; questionId: string; photoId: string }> {
  const { app, actor } = options;
  const base = { uow: app.uow, clock: app.clock, actor };
  const create = async (title: string) => {
    const interview = await saveInterview({
      ...base,
      interviewId: null,
      input: {
        orgId: options.orgId,
        title,
        summary: '模糊测试简介',
        startsAt: '2026-04-01T01:30:00.000Z',
        endsAt: '2026-04-01T03:00:00.000Z',
        guests: [{ name: '模糊嘉宾', title: '模糊测试局局长' }],
      },
    });
    await advanceInterview({ ...base, interviewId: interview.id, move: 'publish' });
    return interview.id;
  };
  const openId = await create('模糊测试访谈（预告）');
  const liveId = await create('模糊测试访谈（直播）');
  const endedId = await create('模糊测试访谈（已结束）');
  await advanceInterview({ ...base, interviewId: liveId, move: 'go_live' });
  const question = await submitQuestion({
    ...base,
    actor: { kind: 'public', ip: '127.0.0.12' },
    secret: app.secret,
    interviewId: endedId,
    input: { body: '模糊测试提问', name: '' },
  });
  await submitQuestion({
    ...base,
    actor: { kind: 'public', ip: '127.0.0.12' },
    secret: app.secret,
    interviewId: liveId,
    input: { body: '模糊测试待审核提问', name: '' },
  });
  await moderateQuestion({ ...base, interviewId: endedId, input: { questionId: question.id, show: true, reason: '' } });
  await advanceInterview({ ...base, interviewId: endedId, move: 'go_live' });
  await addTranscriptEntry({
    ...base,
    interviewId: endedId,
    input: { speaker: 'guest:0', body: '模糊测试回答', questionId: question.id },
  });
  await advanceInterview({ ...base, interviewId: endedId, move: 'end' });
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  const photo = await addInterviewMedia({
    ...base,
    interviewId: endedId,
    input: { url: '', alt: '模糊测试照片', caption: '' },
    photo: {
      content: { bytes: png },
      sizeBytes: png.length,
      files: app.files,
      sniff: app.sniff,
      maxBytes: 1024 * 1024,
    },
  });
  return { openId, liveId, endedId, questionId: question.id, photoId: photo.id };
}
