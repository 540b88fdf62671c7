import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDate } from '../../../platform/clock.ts';
import { isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { keepPageUntil } from '../../../platform/http/page-cache.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { listOrgs } from '../../orgs/index.ts';
import { rateAnswer } from '../commands/rate-answer.ts';
import { submitMessage } from '../commands/submit-message.ts';
import { findOwnMessage } from '../commands/track-message.ts';
import { opensAtOf } from '../domain/consultation.ts';
import { messageDeadline } from '../domain/message-clock.ts';
import { MESSAGE_LIMITS, type Message } from '../domain/message.ts';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import { MESSAGE_PAGE_SIZE, messageStatistics, publicMessage, publicMessages } from '../queries/message-views.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import {
  MessageList,
  MessagePage,
  MessageReceipt,
  StatsPage,
  TrackForm,
  TrackResult,
  WriteForm,
  type WriteValues,
} from '../views/message-pages.tsx';
import { MESSAGES_PATH, RATE_PATH, STATS_PATH, TRACK_PATH, WRITE_PATH } from '../views/message-paths.ts';
import { COLUMN_PATH } from '../views/paths.ts';
import type { MessageWebDeps } from './message-deps.ts';
import { MessageIdParams, PageQuery } from './schemas.ts';

const HOME: Crumb = { label: '首页', href: '/' };
const COLUMN: Crumb = { label: CONSULTATION_TEXT.columnTitle, href: COLUMN_PATH };
const MESSAGES: Crumb = { label: MESSAGE_TEXT.columnTitle, href: MESSAGES_PATH };

/** The next midnight in China, when statistics over "the past 12 months" move on by a day. */
function nextChinaMidnight(now: Date): number {
  return Date.parse(opensAtOf(chinaDate(new Date(now.getTime() + 86_400_000))));
}

/**
 * 政民互动 pages everybody sees alike (kept in the shared page cache): the published messages with
 * their answers, one message, and the per-unit statistics.
 */
export function registerMessagePublicRoutes(app: FastifyInstance, deps: MessageWebDeps): void {
  app.get(MESSAGES_PATH, async (request, reply) => {
    const { page } = parseInput(PageQuery, request.query);
    const { items, total } = await publicMessages(deps.stores, page);
    return sendPublicPage(deps, request, reply, {
      title: MESSAGE_TEXT.columnTitle,
      active: 'hdjl',
      crumbs: [HOME, COLUMN, { label: MESSAGE_TEXT.columnTitle }],
      body: (
        <MessageList
          items={items}
          page={page}
          pageSize={MESSAGE_PAGE_SIZE}
          total={total}
          limitWorkingDays={deps.config.messageReplyDays}
        />
      ),
    });
  });
  app.get(STATS_PATH, async (request, reply) => {
    const now = deps.clock.now();
    const stats = await messageStatistics(deps.stores, {
      now,
      calendar: await deps.calendarCache.get(),
      limitWorkingDays: deps.config.messageReplyDays,
    });
    keepPageUntil(reply, nextChinaMidnight(now));
    return sendPublicPage(deps, request, reply, {
      title: '留言办理情况统计',
      active: 'hdjl',
      crumbs: [HOME, COLUMN, MESSAGES, { label: '办理情况统计' }],
      body: <StatsPage {...stats} limitWorkingDays={deps.config.messageReplyDays} />,
    });
  });
  app.get(`${MESSAGES_PATH}:id`, async (request, reply) => {
    const { id } = parseInput(MessageIdParams, request.params);
    const message = await publicMessage(deps.stores, id);
    return sendPublicPage(deps, request, reply, {
      title: message.title,
      active: 'hdjl',
      crumbs: [HOME, COLUMN, MESSAGES, { label: message.title }],
      body: <MessagePage message={message} />,
    });
  });
}

/** What the message forms answer on themselves, beside what was typed. */
const FORM_ERRORS = new Set(['validation_failed', 'rate_limited', 'not_found', 'invalid_transition', 'conflict']);

/**
 * The resident's own message pages (CSRF-protected, never cached): writing, the receipt with the
 * tracking code and query password, looking a message up, and rating its answer. A refused message
 * comes back with what was typed and the reason, so nothing is lost.
 */
export function registerMessageFormRoutes(app: FastifyInstance, deps: MessageWebDeps): void {
  const orgChoices = async () => (await listOrgs(deps.stores)).map((org) => ({ value: org.id, label: org.name }));
  const crumbs = (last: string): Crumb[] => [HOME, COLUMN, MESSAGES, { label: last }];
  const showWrite = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: WriteValues,
    issues: FieldIssue[],
    status = 200,
    message?: string,
  ) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: '我要留言',
        active: 'hdjl',
        crumbs: crumbs('我要留言'),
        body: (
          <WriteForm
            values={values}
            issues={issues}
            message={message}
            orgChoices={await orgChoices()}
            csrfToken={deps.formToken(request, reply)}
          />
        ),
      },
      status,
    );
  const dueOn = async (message: Message) =>
    message.state === 'declined'
      ? null
      : messageDeadline(
          message,
          await deps.calendarCache.get(),
          chinaDate(deps.clock.now()),
          deps.config.messageReplyDays,
        ).dueOn;
  const showOwn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    message: Message,
    pin: string,
    issues: FieldIssue[] = [],
    notice?: string,
    status = 200,
  ) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: message.title,
        active: 'hdjl',
        crumbs: crumbs('查询留言'),
        body: (
          <TrackResult
            message={message}
            orgNames={new Map((await listOrgs(deps.stores)).map((org) => [org.id, org.name]))}
            dueOn={await dueOn(message)}
            pin={pin}
            issues={issues}
            notice={notice}
            csrfToken={deps.formToken(request, reply)}
          />
        ),
      },
      status,
    );
  const showTrack = (request: FastifyRequest, reply: FastifyReply, code: string, status = 200, message?: string) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: '查询留言',
        active: 'hdjl',
        crumbs: crumbs('查询留言'),
        body: <TrackForm code={code} issues={[]} message={message} csrfToken={deps.formToken(request, reply)} />,
      },
      status,
    );

  app.get(WRITE_PATH, async (request, reply) =>
    showWrite(
      request,
      reply,
      { orgId: '', kind: 'consult', title: '', body: '', name: '', contact: '', publicConsent: true },
      [],
    ),
  );
  app.post(WRITE_PATH, { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const fields = formFields(request);
    // Kept as typed (within bounds) so a refused message comes back whole.
    const values: WriteValues = {
      orgId: field(fields, 'orgId').slice(0, 40),
      kind: field(fields, 'kind').slice(0, 20),
      title: field(fields, 'title').slice(0, MESSAGE_LIMITS.title * 4),
      body: field(fields, 'body').slice(0, MESSAGE_LIMITS.body * 4),
      name: field(fields, 'name').slice(0, MESSAGE_LIMITS.name * 4),
      contact: field(fields, 'contact').slice(0, MESSAGE_LIMITS.contact * 4),
      publicConsent: field(fields, 'publicConsent') !== '',
    };
    try {
      const { message, pin } = await submitMessage({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        cipher: deps.cipher,
        secret: deps.secret,
        input: values,
      });
      const org = await deps.stores.orgs.getById(message.orgId);
      return sendPublicPage(deps, request, reply, {
        title: '留言已提交',
        active: 'hdjl',
        crumbs: crumbs('留言已提交'),
        body: (
          <MessageReceipt message={message} pin={pin} orgName={org?.name ?? ''} dueOn={(await dueOn(message)) ?? ''} />
        ),
      });
    } catch (error) {
      if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
      return showWrite(
        request,
        reply,
        values,
        error.fields,
        error.status,
        error.fields.length === 0 ? error.message : undefined,
      );
    }
  });

  app.get(TRACK_PATH, async (request, reply) => showTrack(request, reply, ''));
  app.post(TRACK_PATH, { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const fields = formFields(request);
    const code = field(fields, 'code').slice(0, 40);
    const pin = field(fields, 'pin').slice(0, 12);
    try {
      const message = await findOwnMessage(deps.stores, deps.secret, code, pin);
      return showOwn(request, reply, message, pin);
    } catch (error) {
      if (!isDomainError(error, 'not_found')) throw error;
      return showTrack(request, reply, code, 404, MESSAGE_TEXT.notFound);
    }
  });
  app.post(RATE_PATH, { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const fields = formFields(request);
    const code = field(fields, 'code').slice(0, 40);
    const pin = field(fields, 'pin').slice(0, 12);
    try {
      const rated = await rateAnswer({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        secret: deps.secret,
        code,
        pin,
        rating: field(fields, 'rating'),
        comment: field(fields, 'ratingComment').slice(0, MESSAGE_LIMITS.reason * 4),
      });
      return showOwn(request, reply, rated, pin, [], MESSAGE_TEXT.rated);
    } catch (error) {
      if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
      if (error.code === 'not_found') return showTrack(request, reply, code, 404, MESSAGE_TEXT.notFound);
      const message = await findOwnMessage(deps.stores, deps.secret, code, pin);
      const issues = error.fields.length > 0 ? error.fields : [{ field: 'rating', message: error.message }];
      return showOwn(request, reply, message, pin, issues, undefined, error.status);
    }
  });
}
