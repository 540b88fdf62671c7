import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chinaDateTime, parseChinaDateTime, type Clock } from '../../../platform/clock.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, fieldList, formFields, formFile } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage, sendPublicPage, type PageShell } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { can, canAnywhere, type Actor } from '../../access/index.ts';
import type { FileSniffer, FileStorage } from '../../documents/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { addInterviewMedia } from '../commands/add-interview-media.ts';
import { addTranscriptEntry } from '../commands/add-transcript-entry.ts';
import { advanceInterview, type InterviewMove } from '../commands/advance-interview.ts';
import type { InterviewStores } from '../commands/interview-stores.ts';
import { moderateQuestion } from '../commands/moderate-question.ts';
import { saveInterview } from '../commands/save-interview.ts';
import { submitQuestion } from '../commands/submit-question.ts';
import { INTERVIEW_LIMITS, MAX_PHOTO_BYTES, type Interview, type InterviewInput } from '../domain/interview.ts';
import { INTERVIEW_TEXT } from '../domain/interview-strings.ts';
import { interviewView, publicInterviews, staffInterviews } from '../queries/interview-views.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import {
  AdminInterview,
  AdminInterviewList,
  InterviewForm,
  type InterviewFormValues,
  type MediaFormValues,
} from '../views/interview-admin.tsx';
import {
  InterviewListPage,
  InterviewPage,
  QuestionForm,
  QuestionReceived,
  type QuestionValues,
} from '../views/interview-pages.tsx';
import { ADMIN_INTERVIEWS_PATH, adminInterviewPath, INTERVIEWS_PATH, interviewPath } from '../views/interview-paths.ts';
import { COLUMN_PATH } from '../views/paths.ts';
import { formActions } from './form-action.ts';
import { readEvents, type InterviewEvent, type InterviewFeed } from './interview-feed.ts';

/** One event as the stream sends it: its revision as the id a reconnecting browser sends back. */
function eventText(event: InterviewEvent): string {
  const data =
    event.kind === 'entry' ? event.entry : event.kind === 'question' ? event.question : { state: event.state };
  return `id: ${event.revision}\nevent: ${event.kind}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** What the online interviews' pages need, built by the composition root. */
export type InterviewWebDeps = {
  stores: InterviewStores;
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  shell: PageShell;
  /** Keys the hashes of senders' network addresses. */
  secret: string;
  /** The anonymous CSRF token of a public form. */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
  /** The in-process channels the live pages follow. */
  interviewFeed: InterviewFeed;
  /** How long one event stream lasts and how often it says it is alive (defaults: 5 minutes, 20 s). */
  interviewStream?: { maxMs: number; heartbeatMs: number };
  /** Where uploaded photos are kept, and what their bytes are. */
  files: FileStorage;
  sniff: FileSniffer;
  /** The platform's upload limit; a photo's own limit is the smaller of it and 10 MB. */
  config: { maxUploadBytes: number };
};

const BAD_ID = '访谈编号不正确。';
/** An interview's id in a path: an id as the product makes them. */
export const InterviewIdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, BAD_ID) });
const BAD_REVISION = '进度编号不正确。';
const revision = z.coerce
  .number({ error: BAD_REVISION })
  .int(BAD_REVISION)
  .min(0, BAD_REVISION)
  .max(1e12, BAD_REVISION);
/** Where a live page's stream starts: `?from=` on first connection, `Last-Event-ID` on reconnection. */
const EventsQuery = z.object({
  from: z.preprocess((value) => (value === '' ? undefined : value), revision.optional()),
});

/** An uploaded photo's id in its public path. */
const PhotoParams = z.object({
  id: z.string().regex(/^[0-9a-z]{16}$/),
  mediaId: z.string().regex(/^[0-9a-z]{16}$/),
});

/** At most this many live pages follow their stream at once in one process. */
const MAX_OPEN_STREAMS = 5_000;

const HOME: Crumb = { label: '首页', href: '/' };
const COLUMN: Crumb = { label: CONSULTATION_TEXT.columnTitle, href: COLUMN_PATH };
const LIST: Crumb = { label: INTERVIEW_TEXT.title, href: INTERVIEWS_PATH };

/**
 * The public pages of online interviews, the same for everybody (kept in the shared page cache
 * until the content changes: every interview table bumps the content version): the list and an
 * interview's page. Nothing on them changes by the clock alone — states move by staff action.
 */
export function registerInterviewPublicRoutes(app: FastifyInstance, deps: InterviewWebDeps): void {
  app.get(INTERVIEWS_PATH, async (request, reply) => {
    const sections = await publicInterviews(deps.stores);
    return sendPublicPage(deps, request, reply, {
      title: INTERVIEW_TEXT.title,
      active: 'hdjl',
      crumbs: [HOME, COLUMN, { label: INTERVIEW_TEXT.title }],
      body: <InterviewListPage sections={sections} />,
    });
  });
  app.get(`${INTERVIEWS_PATH}:id`, async (request, reply) => {
    const { id } = parseInput(InterviewIdParams, request.params);
    const view = await interviewView(deps.stores, { interviewId: id, actor: null });
    return sendPublicPage(deps, request, reply, {
      title: view.interview.title,
      active: 'hdjl',
      crumbs: [HOME, COLUMN, LIST, { label: view.interview.title }],
      body: <InterviewPage view={view} />,
    });
  });
}

/** Form errors the question form answers on itself, beside what was typed. */
const QUESTION_FORM_ERRORS = new Set(['validation_failed', 'rate_limited', 'invalid_transition']);

/**
 * The question form (CSRF-protected, never cached) and the live page's event stream (never cached:
 * it is registered outside the public page group).
 */
export function registerInterviewFormRoutes(app: FastifyInstance, deps: InterviewWebDeps): void {
  const loadPublic = async (request: FastifyRequest): Promise<Interview> => {
    const { id } = parseInput(InterviewIdParams, request.params);
    const interview = await deps.stores.interviews.get(id);
    if (!interview || interview.state === 'draft') throw new DomainError('not_found');
    return interview;
  };
  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    interview: Interview,
    values: QuestionValues,
    issues: FieldIssue[],
    status = 200,
    message?: string,
  ) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: `向《${interview.title}》嘉宾提问`,
        active: 'hdjl',
        crumbs: [HOME, COLUMN, LIST, { label: interview.title, href: interviewPath(interview.id) }, { label: '提问' }],
        body: (
          <QuestionForm
            interview={interview}
            values={values}
            issues={issues}
            message={message}
            csrfToken={deps.formToken(request, reply)}
          />
        ),
      },
      status,
    );

  // An uploaded photo: its stored bytes under the type sniffed when it was uploaded. Only photos of
  // an interview the public sees; anything else does not exist. A file, not a page: never cached.
  app.get(`${INTERVIEWS_PATH}:id/tu/:mediaId`, { config: { pageCache: false } }, async (request, reply) => {
    const parsed = PhotoParams.safeParse(request.params);
    if (!parsed.success) throw new DomainError('not_found');
    const interview = await deps.stores.interviews.get(parsed.data.id);
    if (!interview || interview.state === 'draft') throw new DomainError('not_found');
    const media = (await deps.stores.interviews.media(interview.id)).find((m) => m.id === parsed.data.mediaId);
    const bytes = media?.file ? await deps.files.read(media.file.sha256) : undefined;
    if (!media?.file || !bytes) throw new DomainError('not_found');
    return reply
      .header('content-type', media.file.contentType)
      .header('content-length', String(bytes.length))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=3600')
      .send(bytes);
  });

  app.get(`${INTERVIEWS_PATH}:id/tiwen`, async (request, reply) => {
    const interview = await loadPublic(request);
    const values = { body: '', name: '' };
    if (interview.state !== 'scheduled' && interview.state !== 'live') {
      return showForm(request, reply, interview, values, [], 409, INTERVIEW_TEXT.questionsClosed);
    }
    return showForm(request, reply, interview, values, []);
  });

  app.post(
    `${INTERVIEWS_PATH}:id/tiwen`,
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const interview = await loadPublic(request);
      const fields = formFields(request);
      // Kept as typed (cut far beyond the limit only), so a refused question comes back to be fixed.
      const values = {
        body: field(fields, 'body').slice(0, INTERVIEW_LIMITS.question * 4),
        name: field(fields, 'name').slice(0, INTERVIEW_LIMITS.name * 4),
      };
      try {
        const question = await submitQuestion({
          uow: deps.uow,
          clock: deps.clock,
          actor: request.actor,
          secret: deps.secret,
          interviewId: interview.id,
          input: values,
        });
        return sendPublicPage(deps, request, reply, {
          title: '问题已提交',
          active: 'hdjl',
          crumbs: [
            HOME,
            COLUMN,
            LIST,
            { label: interview.title, href: interviewPath(interview.id) },
            { label: '问题已提交' },
          ],
          body: <QuestionReceived interview={interview} body={question.body} />,
        });
      } catch (error) {
        if (!isDomainError(error) || !QUESTION_FORM_ERRORS.has(error.code)) throw error;
        return showForm(
          request,
          reply,
          interview,
          values,
          error.fields,
          error.status,
          error.fields.length === 0 ? error.message : undefined,
        );
      }
    },
  );

  // Open streams end when the server closes, so a shutdown does not wait out their lifetime.
  const open = new Set<PassThrough>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });
  app.get(`${INTERVIEWS_PATH}:id/events`, async (request, reply) => {
    const interview = await loadPublic(request);
    const { from } = parseInput(EventsQuery, request.query);
    const lastEventId = parseInput(
      EventsQuery.shape.from,
      (request.headers['last-event-id'] as string | undefined)?.slice(0, 20),
    );
    const start = { revision: lastEventId ?? from ?? interview.revision, state: interview.state };
    const eventStream = reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no');
    if (interview.state === 'ended' || interview.state === 'cancelled') {
      // Nothing more will come: what the page missed, the final state, and the stream ends.
      const missed = await readEvents(deps.stores.interviews, interview.id, start.revision);
      missed.push({ kind: 'state', revision: interview.revision, state: interview.state });
      return eventStream.send(`retry: 3000\n\n${missed.map(eventText).join('')}`);
    }
    // Each open stream holds a socket: past the cap the page still works by its 刷新 link.
    if (open.size >= MAX_OPEN_STREAMS) throw new DomainError('unavailable');
    const { maxMs, heartbeatMs } = deps.interviewStream ?? { maxMs: 5 * 60_000, heartbeatMs: 20_000 };
    const stream = new PassThrough();
    open.add(stream);
    const write = (text: string) => {
      if (!stream.destroyed && !stream.writableEnded) stream.write(text);
    };
    const send = (events: InterviewEvent[]) => {
      for (const event of events) write(eventText(event));
    };
    const unsubscribe = deps.interviewFeed.subscribe(interview.id, start, send);
    const heartbeat = setInterval(() => write(': 心跳\n\n'), heartbeatMs);
    // Each stream ends after a bounded time; the browser reconnects from its last event.
    const lifetime = setTimeout(() => {
      write('event: bye\ndata: {}\n\n');
      stream.end();
    }, maxMs);
    let cleaned = false;
    const cleanUp = () => {
      if (cleaned) return;
      cleaned = true;
      open.delete(stream);
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      unsubscribe();
    };
    reply.raw.once('close', () => {
      cleanUp();
      stream.destroy();
    });
    stream.once('close', cleanUp);
    // A reconnecting browser waits this long (ms) before trying again.
    write(`retry: 3000\n: ${chinaDateTime(deps.clock.now())}\n\n`);
    return eventStream.send(stream);
  });
}

function formValuesOf(fields: Record<string, string | string[]>): InterviewFormValues {
  const names = fieldList(fields, 'guestName').slice(0, 20);
  const titles = fieldList(fields, 'guestTitle').slice(0, 20);
  return {
    orgId: field(fields, 'orgId').slice(0, 40),
    title: field(fields, 'title').slice(0, 2000),
    summary: field(fields, 'summary').slice(0, 20_000),
    startsAt: field(fields, 'startsAt').slice(0, 40),
    endsAt: field(fields, 'endsAt').slice(0, 40),
    guests: Array.from({ length: Math.max(names.length, titles.length) }, (_, n) => ({
      name: (names[n] ?? '').slice(0, 500),
      title: (titles[n] ?? '').slice(0, 500),
    })),
  };
}

/** The form's China-time values as the domain's instants (an unreadable time stays unreadable). */
function inputOf(values: InterviewFormValues): InterviewInput {
  const instant = (local: string) => parseChinaDateTime(local)?.toISOString() ?? '';
  return { ...values, startsAt: instant(values.startsAt), endsAt: instant(values.endsAt) };
}

function formValuesFrom(i: Interview): InterviewFormValues {
  const local = (iso: string) => chinaDateTime(iso).replace(' ', 'T');
  return {
    orgId: i.orgId,
    title: i.title,
    summary: i.summary,
    startsAt: local(i.startsAt),
    endsAt: local(i.endsAt),
    guests: i.guests,
  };
}

/** The media form's errors, shown beside what was typed (a refused photo's code kept as the status). */
const MEDIA_FORM_ERRORS = new Set([
  'validation_failed',
  'invalid_transition',
  'upload_too_large',
  'upload_type_not_allowed',
  'too_many_files',
]);

/** Back-office errors shown on the interview's page beside the form. */
const ADMIN_FORM_ERRORS = new Set(['validation_failed', 'invalid_transition']);

/**
 * The back office's interviews: the list, new and edit, and on an interview's page: publish, go
 * live, transcript entries, moderation, end, media and cancel. Interaction officers of the unit's
 * subtree only; every change is audited by its use case and wakes the live pages.
 */
export function registerInterviewAdminRoutes(app: FastifyInstance, deps: InterviewWebDeps): void {
  const ACTIVE = 'participation-interviews';
  const allowed = (actor: Actor) => {
    if (!canAnywhere(actor, 'interaction.handle')) throw new DomainError('forbidden');
  };
  const orgChoices = async (actor: Actor) =>
    (await listOrgs(deps.stores))
      .filter((org) => can(actor, 'interaction.handle', org.path))
      .map((org) => ({ value: org.id, label: org.name }));
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    interviewId: string | null,
    values: InterviewFormValues,
    issues: FieldIssue[],
    status = 200,
  ) =>
    sendAdminPage(
      deps,
      request,
      reply,
      {
        title: '在线访谈',
        active: ACTIVE,
        body: (
          <InterviewForm
            interviewId={interviewId}
            values={values}
            issues={issues}
            orgChoices={await orgChoices(request.actor)}
            csrfToken={request.csrfToken}
          />
        ),
      },
      status,
    );
  const submit = async (request: FastifyRequest, reply: FastifyReply, interviewId: string | null) => {
    const values = formValuesOf(formFields(request));
    try {
      const saved = await saveInterview({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        interviewId,
        input: inputOf(values),
      });
      deps.interviewFeed.changed(saved.id);
      setFlash(reply, { kind: 'success', text: INTERVIEW_TEXT.saved });
      return seeOther(reply, adminInterviewPath(saved.id));
    } catch (error) {
      if (!isDomainError(error) || !ADMIN_FORM_ERRORS.has(error.code)) throw error;
      const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
      return showForm(request, reply, interviewId, values, issues, error.status);
    }
  };
  const idOf = (request: FastifyRequest) => parseInput(InterviewIdParams, request.params).id;
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    issues: FieldIssue[] = [],
    status = 200,
    mediaValues?: MediaFormValues,
  ) => {
    const view = await interviewView(deps.stores, { interviewId: idOf(request), actor: request.actor });
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: view.interview.title,
        active: ACTIVE,
        body: <AdminInterview view={view} csrfToken={request.csrfToken} issues={issues} mediaValues={mediaValues} />,
      },
      status,
    );
  };
  /** A form on the interview's page: run the use case, wake the live pages, go back with a flash. */
  const form = formActions({
    idOf,
    pathOf: adminInterviewPath,
    show: (request, reply, state, status) => show(request, reply, state.issues, status),
  });
  /** A form on the interview's page; after its use case, the live pages are woken. */
  const action = (
    success: string,
    run: (request: FastifyRequest, id: string, fields: Record<string, string | string[]>) => Promise<unknown>,
  ) =>
    form(success, async (request, id, fields) => {
      // Out of the reader's subtree, the interview does not exist for them.
      await interviewView(deps.stores, { interviewId: id, actor: request.actor });
      await run(request, id, fields);
      deps.interviewFeed.changed(id);
    });
  const base = { uow: deps.uow, clock: deps.clock };

  app.get(ADMIN_INTERVIEWS_PATH, async (request, reply) => {
    allowed(request.actor);
    const items = await staffInterviews(deps.stores, request.actor);
    return sendAdminPage(deps, request, reply, {
      title: '在线访谈',
      active: ACTIVE,
      body: <AdminInterviewList items={items} />,
    });
  });
  app.get(`${ADMIN_INTERVIEWS_PATH}/new`, async (request, reply) => {
    allowed(request.actor);
    const orgs = await orgChoices(request.actor);
    return showForm(
      request,
      reply,
      null,
      { orgId: orgs[0]?.value ?? '', title: '', summary: '', startsAt: '', endsAt: '', guests: [] },
      [],
    );
  });
  app.post(ADMIN_INTERVIEWS_PATH, async (request, reply) => {
    allowed(request.actor);
    return submit(request, reply, null);
  });
  app.get(`${ADMIN_INTERVIEWS_PATH}/:id`, async (request, reply) => show(request, reply));
  app.get(`${ADMIN_INTERVIEWS_PATH}/:id/edit`, async (request, reply) => {
    const view = await interviewView(deps.stores, { interviewId: idOf(request), actor: request.actor });
    return showForm(request, reply, view.interview.id, formValuesFrom(view.interview), []);
  });
  app.post(`${ADMIN_INTERVIEWS_PATH}/:id/edit`, async (request, reply) => {
    const view = await interviewView(deps.stores, { interviewId: idOf(request), actor: request.actor });
    return submit(request, reply, view.interview.id);
  });
  const moves: [string, InterviewMove, string][] = [
    ['publish', 'publish', '访谈预告已发布，开始征集网友提问。'],
    ['go-live', 'go_live', '直播已开始。'],
    ['end', 'end', '访谈已结束，文字实录已公开。'],
    ['cancel', 'cancel', '访谈已取消。'],
  ];
  for (const [path, move, success] of moves) {
    app.post(
      `${ADMIN_INTERVIEWS_PATH}/:id/${path}`,
      action(success, (request, id, fields) =>
        advanceInterview({
          ...base,
          actor: request.actor,
          interviewId: id,
          move,
          reason: field(fields, 'reason').slice(0, 2000),
        }),
      ),
    );
  }
  app.post(
    `${ADMIN_INTERVIEWS_PATH}/:id/entries`,
    action('已发布。', (request, id, fields) =>
      addTranscriptEntry({
        ...base,
        actor: request.actor,
        interviewId: id,
        input: {
          speaker: field(fields, 'speaker').slice(0, 40),
          body: field(fields, 'body').slice(0, INTERVIEW_LIMITS.entry * 4),
          questionId: field(fields, 'questionId').slice(0, 40),
        },
      }),
    ),
  );
  app.post(
    `${ADMIN_INTERVIEWS_PATH}/:id/moderate`,
    action('已处理。', (request, id, fields) =>
      moderateQuestion({
        ...base,
        actor: request.actor,
        interviewId: id,
        input: {
          questionId: field(fields, 'questionId').slice(0, 40),
          show: field(fields, 'show') === '1',
          reason: field(fields, 'reason').slice(0, 2000),
        },
      }),
    ),
  );
  // A photo uploaded (multipart, one file under the photo limit, a larger one answered on the form)
  // or linked. A refused photo comes back with the alt text and caption as typed.
  const photoLimit = Math.min(MAX_PHOTO_BYTES, deps.config.maxUploadBytes);
  app.post(
    `${ADMIN_INTERVIEWS_PATH}/:id/media`,
    { config: { uploads: { maxFiles: 1, maxFileBytes: photoLimit, reportLimits: true } } },
    async (request, reply) => {
      const id = idOf(request);
      const fields = formFields(request);
      const values: MediaFormValues = {
        url: field(fields, 'url').slice(0, 2000),
        alt: field(fields, 'alt').slice(0, 2000),
        caption: field(fields, 'caption').slice(0, 2000),
      };
      // A browser sends an empty, nameless file part when no file was chosen.
      const file = formFile(request, 'file');
      const chosen = file && (file.sizeBytes > 0 || file.fileName !== '') ? file : undefined;
      try {
        // Out of the reader's subtree, the interview does not exist for them.
        await interviewView(deps.stores, { interviewId: id, actor: request.actor });
        await addInterviewMedia({
          ...base,
          actor: request.actor,
          interviewId: id,
          input: values,
          photo: chosen && {
            content: { path: chosen.path, sizeBytes: chosen.sizeBytes },
            sizeBytes: chosen.sizeBytes,
            files: deps.files,
            sniff: deps.sniff,
            maxBytes: photoLimit,
          },
        });
        deps.interviewFeed.changed(id);
        setFlash(reply, { kind: 'success', text: INTERVIEW_TEXT.photoAdded });
        return seeOther(reply, adminInterviewPath(id));
      } catch (error) {
        if (!isDomainError(error) || !MEDIA_FORM_ERRORS.has(error.code)) throw error;
        const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
        return show(request, reply, issues, error.status, values);
      }
    },
  );
}
