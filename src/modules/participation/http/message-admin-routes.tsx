import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.ts';
import { field } from '../../../platform/http/forms.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { canAnywhere } from '../../access/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { acceptMessage } from '../commands/accept-message.ts';
import { answerMessage } from '../commands/answer-message.ts';
import { declineMessage } from '../commands/decline-message.ts';
import { loadMessageForHandling } from '../commands/load-message.ts';
import { transferMessage } from '../commands/transfer-message.ts';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import { MESSAGE_PAGE_SIZE, staffMessages, staffMessageView } from '../queries/message-views.ts';
import type { AdminFormState } from '../views/admin-consultation.tsx';
import { AdminMessage, AdminMessageList } from '../views/admin-messages.tsx';
import { ADMIN_MESSAGES_PATH, adminMessagePath } from '../views/message-paths.ts';
import { formActions } from './form-action.ts';
import type { MessageWebDeps } from './message-deps.ts';
import { MessageIdParams, MessageListQuery } from './schemas.ts';

const ACTIVE = 'participation-messages';

/**
 * The back office's 政民互动 pages: the list of the reader's units' messages with their due dates,
 * and a message's page whose forms accept, transfer, answer or decline it.
 */
export function registerMessageAdminRoutes(app: FastifyInstance, deps: MessageWebDeps): void {
  const limit = () => deps.config.messageReplyDays;

  app.get(ADMIN_MESSAGES_PATH, async (request, reply) => {
    if (!canAnywhere(request.actor, 'interaction.handle')) throw new DomainError('forbidden');
    const { page, state } = parseInput(MessageListQuery, request.query);
    const { items, total } = await staffMessages(deps.stores, {
      actor: request.actor,
      now: deps.clock.now(),
      calendar: await deps.calendarCache.get(),
      limitWorkingDays: limit(),
      states: state ? [state] : null,
      page,
    });
    return sendAdminPage(deps, request, reply, {
      title: '政民互动留言',
      active: ACTIVE,
      body: <AdminMessageList items={items} state={state} page={page} pageSize={MESSAGE_PAGE_SIZE} total={total} />,
    });
  });

  const showMessage = async (request: FastifyRequest, reply: FastifyReply, form?: AdminFormState, status = 200) => {
    const { id } = parseInput(MessageIdParams, request.params);
    const { message, org } = await loadMessageForHandling(deps.stores, request.actor, id);
    const view = await staffMessageView(deps.stores, {
      message,
      org,
      cipher: deps.cipher,
      now: deps.clock.now(),
      calendar: await deps.calendarCache.get(),
      limitWorkingDays: limit(),
    });
    const transferChoices = (await listOrgs(deps.stores)).map((o) => ({ value: o.id, label: o.name }));
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: message.title,
        active: ACTIVE,
        body: <AdminMessage view={view} transferChoices={transferChoices} csrfToken={request.csrfToken} form={form} />,
      },
      status,
    );
  };
  app.get(`${ADMIN_MESSAGES_PATH}/:id`, async (request, reply) => showMessage(request, reply));

  /** Runs one form's use case; on a form error, the page again with the error and what was posted. */
  const act = formActions({
    idOf: (request) => parseInput(MessageIdParams, request.params).id,
    pathOf: adminMessagePath,
    show: (request, reply, form, status) => showMessage(request, reply, form, status),
  });
  const baseOf = (request: FastifyRequest, id: string) => ({
    uow: deps.uow,
    clock: deps.clock,
    actor: request.actor,
    messageId: id,
  });

  app.post(
    `${ADMIN_MESSAGES_PATH}/:id/accept`,
    act(MESSAGE_TEXT.accepted, (request, id) => acceptMessage(baseOf(request, id))),
  );
  app.post(
    `${ADMIN_MESSAGES_PATH}/:id/transfer`,
    act(
      MESSAGE_TEXT.transferred,
      (request, id, fields) =>
        transferMessage({
          ...baseOf(request, id),
          toOrgId: field(fields, 'toOrgId').slice(0, 40),
          reason: field(fields, 'reason').slice(0, 8000),
        }),
      // The message may have left the reader's subtree: back to the list.
      () => ADMIN_MESSAGES_PATH,
    ),
  );
  app.post(
    `${ADMIN_MESSAGES_PATH}/:id/answer`,
    act(MESSAGE_TEXT.answered, (request, id, fields) =>
      answerMessage({
        ...baseOf(request, id),
        answer: field(fields, 'answer').slice(0, 40_000),
        publish: field(fields, 'publish') !== '',
      }),
    ),
  );
  app.post(
    `${ADMIN_MESSAGES_PATH}/:id/decline`,
    act(MESSAGE_TEXT.declined, (request, id, fields) =>
      declineMessage({ ...baseOf(request, id), reason: field(fields, 'reason').slice(0, 8000) }),
    ),
  );
}
