import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDate, chinaDateTime, type Clock } from '../../../platform/clock.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, fieldList, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage, sendPublicPage, type PageShell } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { can, canAnywhere, type Actor } from '../../access/index.ts';
import { changeMeeting } from '../commands/advance-meeting.ts';
import type { MeetingStores } from '../commands/meeting-stores.ts';
import { recordAttendance } from '../commands/record-attendance.ts';
import { findOwnRegistration, registerForMeeting } from '../commands/register-for-meeting.ts';
import { saveMeeting } from '../commands/save-meeting.ts';
import { selectParticipants } from '../commands/select-participants.ts';
import { DECISION_TEXT } from '../domain/decision-strings.ts';
import {
  allowedMeetingActions,
  isRegistrationOpen,
  MEETING_LIMITS,
  type Meeting,
  type MeetingInput,
  type RegistrationInput,
} from '../domain/hearing.ts';
import { HEARING_TEXT } from '../domain/hearing-strings.ts';
import { publicMeeting, staffMeeting, staffMeetingsOf } from '../queries/meeting-views.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { DECISIONS_PATH } from '../views/decision-pages.tsx';
import {
  AdminMeetingList,
  AdminMeetingPage,
  LookupForm,
  LookupResult,
  MeetingForm,
  MeetingPage,
  RegistrationReceipt,
} from '../views/meeting-pages.tsx';
import { ADMIN_MEETINGS_PATH, adminMeetingPath, MEETING_LOOKUP_PATH, MEETINGS_PATH } from '../views/meeting-paths.ts';
import { COLUMN_PATH } from '../views/paths.ts';
import type { ContactCipher } from '../ports.ts';
import { formActions } from './form-action.ts';
import { MessageIdParams } from './schemas.ts';

/** What the meeting pages need, built by the composition root. */
export type MeetingWebDeps = {
  stores: MeetingStores;
  uow: UnitOfWork<MeetingStores>;
  clock: Clock;
  shell: PageShell;
  /** Keys the hashes of addresses, contacts and the query passwords. */
  secret: string;
  /** Seals residents' contacts. */
  cipher: ContactCipher;
  /** The anonymous CSRF token of a public form. */
  formToken: (request: FastifyRequest, reply: FastifyReply) => string;
};

/** A meeting's or decision's id in a path: an id as the product makes them. */
const IdParams = MessageIdParams;

const HOME: Crumb = { label: '首页', href: '/' };
const COLUMN: Crumb = { label: CONSULTATION_TEXT.columnTitle, href: COLUMN_PATH };
const DIRECTORY: Crumb = { label: DECISION_TEXT.title, href: DECISIONS_PATH };

/** Form errors a resident's form shows on itself, beside what was typed. */
const FORM_ERRORS = new Set(['validation_failed', 'rate_limited', 'invalid_transition', 'conflict']);

function registrationValues(fields: Record<string, string | string[]>): RegistrationInput {
  const L = MEETING_LIMITS;
  return {
    name: field(fields, 'name').slice(0, L.name * 4),
    contact: field(fields, 'contact').slice(0, L.contact * 4),
    stakeholder: field(fields, 'stakeholder').slice(0, 20),
    view: field(fields, 'view').slice(0, 20),
    statement: field(fields, 'statement').slice(0, L.statement * 4),
  };
}

/**
 * The public pages of a meeting (never cached: the page carries the registration form with its CSRF
 * token): the notice, registering while open with a receipt, looking up one's own registration, the
 * participants chosen (names masked) and the minutes. A refused registration comes back with what
 * was typed and the reason, so nothing is lost.
 */
export function registerMeetingPublicRoutes(app: FastifyInstance, deps: MeetingWebDeps): void {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: string,
    form?: { values: RegistrationInput; issues: FieldIssue[]; message?: string | undefined },
    status = 200,
  ) => {
    const view = await publicMeeting(deps.stores, meetingId);
    return sendPublicPage(
      deps,
      request,
      reply,
      {
        title: view.meeting.title,
        active: 'hdjl',
        crumbs: [HOME, COLUMN, DIRECTORY, { label: view.meeting.title }],
        body: (
          <MeetingPage
            view={view}
            registrationOpen={isRegistrationOpen(view.meeting, deps.clock.now())}
            form={form}
            csrfToken={deps.formToken(request, reply)}
          />
        ),
      },
      status,
    );
  };
  const showLookup = (request: FastifyRequest, reply: FastifyReply, code: string, status = 200, message?: string) =>
    sendPublicPage(
      deps,
      request,
      reply,
      {
        title: '查询报名和遴选结果',
        active: 'hdjl',
        crumbs: [HOME, COLUMN, DIRECTORY, { label: '查询遴选结果' }],
        body: <LookupForm code={code} message={message} csrfToken={deps.formToken(request, reply)} />,
      },
      status,
    );

  app.get(MEETING_LOOKUP_PATH, async (request, reply) => showLookup(request, reply, ''));
  app.post(
    MEETING_LOOKUP_PATH,
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const fields = formFields(request);
      const code = field(fields, 'code').slice(0, 40);
      try {
        const registration = await findOwnRegistration(
          deps.stores,
          deps.secret,
          code,
          field(fields, 'pin').slice(0, 12),
        );
        const meeting = await deps.stores.meetings.get(registration.meetingId);
        if (!meeting) throw new DomainError('not_found', { message: HEARING_TEXT.notFound });
        return sendPublicPage(deps, request, reply, {
          title: '报名查询结果',
          active: 'hdjl',
          crumbs: [HOME, COLUMN, DIRECTORY, { label: '查询遴选结果' }],
          body: <LookupResult meeting={meeting} registration={registration} />,
        });
      } catch (error) {
        if (!isDomainError(error, 'not_found')) throw error;
        return showLookup(request, reply, code, 404, HEARING_TEXT.notFound);
      }
    },
  );
  app.get(`${MEETINGS_PATH}:id`, async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    return show(request, reply, id);
  });
  app.post(
    `${MEETINGS_PATH}:id`,
    { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const { id } = parseInput(IdParams, request.params);
      const values = registrationValues(formFields(request));
      try {
        const { registration, pin } = await registerForMeeting({
          uow: deps.uow,
          clock: deps.clock,
          actor: request.actor,
          cipher: deps.cipher,
          secret: deps.secret,
          meetingId: id,
          input: values,
        });
        const meeting = (await deps.stores.meetings.get(id))!;
        return sendPublicPage(deps, request, reply, {
          title: '报名成功',
          active: 'hdjl',
          crumbs: [HOME, COLUMN, DIRECTORY, { label: '报名成功' }],
          body: <RegistrationReceipt meeting={meeting} registration={registration} pin={pin} />,
        });
      } catch (error) {
        if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
        const message = error.fields.length === 0 ? error.message : undefined;
        return show(request, reply, id, { values, issues: error.fields, message }, error.status);
      }
    },
  );
}

function meetingValues(fields: Record<string, string | string[]>): MeetingInput {
  return {
    kind: field(fields, 'kind').slice(0, 20),
    title: field(fields, 'title').slice(0, 2000),
    matter: field(fields, 'matter').slice(0, 20_000),
    place: field(fields, 'place').slice(0, 2000),
    startsAt: field(fields, 'startsAt').slice(0, 40),
    registrationOpensOn: field(fields, 'registrationOpensOn').slice(0, 40),
    registrationClosesOn: field(fields, 'registrationClosesOn').slice(0, 40),
    seats: field(fields, 'seats').slice(0, 10),
    selectionMethod: field(fields, 'selectionMethod').slice(0, 20),
    selectionRule: field(fields, 'selectionRule').slice(0, 20_000),
    materials: field(fields, 'materials').slice(0, 20_000),
    materialsLink: field(fields, 'materialsLink').slice(0, 2000),
  };
}

function inputOf(m: Meeting): MeetingInput {
  return {
    kind: m.kind,
    title: m.title,
    matter: m.matter,
    place: m.place,
    startsAt: chinaDateTime(m.startsAt).replace(' ', 'T'),
    registrationOpensOn: m.registrationOpensOn,
    registrationClosesOn: m.registrationClosesOn,
    seats: String(m.seats),
    selectionMethod: m.selectionMethod,
    selectionRule: m.selectionRule,
    materials: m.materials,
    materialsLink: m.materialsLink,
  };
}

/**
 * The back office of a decision item's meetings: the list and the form under the item, and one
 * meeting's page with its steps (announce, close registration, draw or choose, attendance, minutes,
 * cancel), each a form that comes back to the page with the error beside what was posted.
 */
export function registerMeetingAdminRoutes(app: FastifyInstance, deps: MeetingWebDeps): void {
  const ACTIVE = 'participation-decisions';
  const allowed = (actor: Actor) => {
    if (!canAnywhere(actor, 'interaction.handle')) throw new DomainError('forbidden');
  };
  const canHandle = (actor: Actor, path: string) => can(actor, 'interaction.handle', path);
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    decisionId: string,
    meetingId: string | null,
    values: MeetingInput,
    issues: FieldIssue[],
    status = 200,
  ) => {
    const { decision } = await staffMeetingsOf(deps.stores, { actor: request.actor, decisionId, can: canHandle });
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: HEARING_TEXT.title,
        active: ACTIVE,
        body: (
          <MeetingForm
            decision={decision}
            meetingId={meetingId}
            values={values}
            issues={issues}
            csrfToken={request.csrfToken}
          />
        ),
      },
      status,
    );
  };
  const submit = async (request: FastifyRequest, reply: FastifyReply, decisionId: string, meetingId: string | null) => {
    const values = meetingValues(formFields(request));
    try {
      const saved = await saveMeeting({
        uow: deps.uow,
        clock: deps.clock,
        actor: request.actor,
        decisionId,
        meetingId,
        input: values,
      });
      setFlash(reply, { kind: 'success', text: HEARING_TEXT.saved });
      return seeOther(reply, adminMeetingPath(saved.id));
    } catch (error) {
      if (!isDomainError(error) || !['validation_failed', 'invalid_transition'].includes(error.code)) throw error;
      const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
      return showForm(request, reply, decisionId, meetingId, values, issues, error.status);
    }
  };

  app.get(`/admin/participation/decisions/:id/meetings`, async (request, reply) => {
    allowed(request.actor);
    const { id } = parseInput(IdParams, request.params);
    const { decision, meetings } = await staffMeetingsOf(deps.stores, {
      actor: request.actor,
      decisionId: id,
      can: canHandle,
    });
    return sendAdminPage(deps, request, reply, {
      title: HEARING_TEXT.title,
      active: ACTIVE,
      body: <AdminMeetingList decision={decision} meetings={meetings} />,
    });
  });
  app.get(`/admin/participation/decisions/:id/meetings/new`, async (request, reply) => {
    allowed(request.actor);
    const { id } = parseInput(IdParams, request.params);
    const today = chinaDate(deps.clock.now());
    return showForm(
      request,
      reply,
      id,
      null,
      {
        kind: 'hearing',
        title: '',
        matter: '',
        place: '',
        startsAt: '',
        registrationOpensOn: today,
        registrationClosesOn: '',
        seats: '15',
        selectionMethod: 'random',
        selectionRule: '',
        materials: '',
        materialsLink: '',
      },
      [],
    );
  });
  app.post(`/admin/participation/decisions/:id/meetings`, async (request, reply) => {
    allowed(request.actor);
    const { id } = parseInput(IdParams, request.params);
    return submit(request, reply, id, null);
  });

  const showMeeting = async (
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: string,
    form: { issues: FieldIssue[]; values: Record<string, string> } = { issues: [], values: {} },
    status = 200,
  ) => {
    const view = await staffMeeting(deps.stores, { actor: request.actor, meetingId, cipher: deps.cipher });
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: view.meeting.title,
        active: ACTIVE,
        body: (
          <AdminMeetingPage
            {...view}
            actions={allowedMeetingActions(view.meeting, chinaDate(deps.clock.now()))}
            issues={form.issues}
            values={form.values}
            csrfToken={request.csrfToken}
          />
        ),
      },
      status,
    );
  };
  const idOf = (request: FastifyRequest) => parseInput(IdParams, request.params).id;
  app.get(`${ADMIN_MEETINGS_PATH}/:id`, async (request, reply) => {
    allowed(request.actor);
    return showMeeting(request, reply, idOf(request));
  });
  app.get(`${ADMIN_MEETINGS_PATH}/:id/edit`, async (request, reply) => {
    allowed(request.actor);
    const view = await staffMeeting(deps.stores, {
      actor: request.actor,
      meetingId: idOf(request),
      cipher: deps.cipher,
    });
    return showForm(request, reply, view.meeting.decisionId, view.meeting.id, inputOf(view.meeting), []);
  });
  app.post(`${ADMIN_MEETINGS_PATH}/:id`, async (request, reply) => {
    allowed(request.actor);
    const view = await staffMeeting(deps.stores, {
      actor: request.actor,
      meetingId: idOf(request),
      cipher: deps.cipher,
    });
    return submit(request, reply, view.meeting.decisionId, view.meeting.id);
  });

  const act = formActions({
    idOf,
    pathOf: adminMeetingPath,
    show: (request, reply, form, status) => showMeeting(request, reply, idOf(request), form, status),
  });
  const base = { uow: deps.uow, clock: deps.clock };
  const step = (action: 'announce' | 'close') => async (request: FastifyRequest, id: string) =>
    changeMeeting({ ...base, actor: request.actor, meetingId: id, action: { type: action } });
  const guarded =
    (handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      allowed(request.actor);
      return handler(request, reply);
    };
  app.post(`${ADMIN_MEETINGS_PATH}/:id/announce`, guarded(act(HEARING_TEXT.announced, step('announce'))));
  app.post(`${ADMIN_MEETINGS_PATH}/:id/close`, guarded(act(HEARING_TEXT.closed, step('close'))));
  app.post(
    `${ADMIN_MEETINGS_PATH}/:id/draw`,
    guarded(
      act(HEARING_TEXT.selected, (request, id) =>
        selectParticipants({ ...base, actor: request.actor, meetingId: id, choice: { how: 'draw' } }),
      ),
    ),
  );
  app.post(
    `${ADMIN_MEETINGS_PATH}/:id/select`,
    guarded(
      act(HEARING_TEXT.selected, (request, id, fields) =>
        selectParticipants({
          ...base,
          actor: request.actor,
          meetingId: id,
          choice: {
            how: 'manual',
            chosen: fieldList(fields, 'chosen')
              .slice(0, MEETING_LIMITS.maxSeats + 1)
              .map((v) => v.slice(0, 40)),
            reason: field(fields, 'selectionReason').slice(0, MEETING_LIMITS.reason * 4),
          },
        }),
      ),
    ),
  );
  app.post(
    `${ADMIN_MEETINGS_PATH}/:id/attendance`,
    guarded(
      act(HEARING_TEXT.attended, (request, id, fields) => {
        const marks = new Map<string, string>();
        for (const name of Object.keys(fields).slice(0, MEETING_LIMITS.maxSeats * 2)) {
          if (name.startsWith('attendance.'))
            marks.set(name.slice('attendance.'.length), field(fields, name).slice(0, 20));
        }
        return recordAttendance({ ...base, actor: request.actor, meetingId: id, attendance: marks });
      }),
    ),
  );
  app.post(
    `${ADMIN_MEETINGS_PATH}/:id/minutes`,
    guarded(
      act(HEARING_TEXT.minutesPublished, (request, id, fields) =>
        changeMeeting({
          ...base,
          actor: request.actor,
          meetingId: id,
          action: {
            type: 'minutes',
            minutes: field(fields, 'minutes').slice(0, MEETING_LIMITS.minutes * 2),
            viewsSummary: field(fields, 'viewsSummary').slice(0, MEETING_LIMITS.text * 2),
          },
        }),
      ),
    ),
  );
  app.post(
    `${ADMIN_MEETINGS_PATH}/:id/cancel`,
    guarded(
      act(HEARING_TEXT.cancelled, (request, id, fields) =>
        changeMeeting({
          ...base,
          actor: request.actor,
          meetingId: id,
          action: { type: 'cancel', reason: field(fields, 'cancelReason').slice(0, MEETING_LIMITS.reason * 4) },
        }),
      ),
    ),
  );
}
