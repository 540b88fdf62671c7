import { randomBytes } from 'node:crypto';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import { chinaDate, isIsoDate, type Clock } from '../../../platform/clock.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { storedDueOn } from '../domain/handling.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { receiptMail } from '../views/receipt-mail.ts';
import type { AuditLog } from '../../audit/index.ts';
import { acceptsRequests, requestHandlingUnit, type Org, type OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import {
  isComplete,
  mask,
  normaliseEmail,
  phoneTail,
  validateApplication,
  type ApplicationInput,
} from '../domain/application.ts';
import { checkUpstreamId } from '../domain/upstream.ts';
import {
  CHANNEL_LABELS,
  INTAKE_CHANNELS,
  trackingCodeFrom,
  type Channel,
  type FoiRequest,
  type RequestEvent,
} from '../domain/request.ts';
import type { FieldCipher, RequestStore } from '../ports.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * Takes in an application (条例 Art. 29) and stores it, committed, before anything is shown to the
 * applicant: the identity number and contacts sealed, a tracking code, the first event. An online
 * application is `submitted` until the agency confirms receipt (Art. 31); an application addressed
 * to a village or community goes to its town (Art. 27). An application staff enter (`intake`) is
 * registered at once with its legal receipt date (Art. 31). An application the provincial platform
 * forwards (channel `provincial`) carries the platform's reference, one request per reference.
 * @throws DomainError `validation_failed` listing every problem, the agency's included;
 *   `unauthenticated`/`out_of_scope`/`forbidden` for an intake by anyone but the unit's officers;
 *   `conflict` when a request with the same upstream reference was stored meanwhile.
 */
export async function submitApplication(options: {
  uow: UnitOfWork<{ requests: RequestStore; orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  cipher: FieldCipher;
  actor: Actor;
  channel: Channel;
  /** The receiving agency's unit code. */
  agencyCode: string;
  input: ApplicationInput;
  /**
   * An application staff enter from the counter, the post, a fax or an e-mail (条例 Art. 31): its
   * legal receipt date, which registers it at once; only the receiving unit's officers may.
   */
  intake?: { receivedOn: string; calendar: WorkingCalendar } | undefined;
  /**
   * The e-mail receipt of an online application with an address: sent once the application is
   * stored, without holding the answer (a failure is reported to `onError`, the application stands).
   */
  receipt?: { mailer: Mailer; trackUrl: string; onError: (error: unknown) => void } | undefined;
  /** The provincial platform's reference of an application it forwards (channel `provincial` only). */
  upstreamId?: string | undefined;
}): Promise<{ request: FoiRequest; agency: Org }> {
  const { input, intake } = options;
  const issues = validateApplication(input);
  const now = options.clock.now();
  const today = chinaDate(now);
  if ((options.channel === 'provincial') !== (options.upstreamId !== undefined)) {
    throw new Error('an application of the provincial platform, and only one, carries its reference');
  }
  if (options.upstreamId !== undefined) {
    const problem = checkUpstreamId(options.upstreamId);
    if (problem) issues.push(problem);
  }
  if (intake) {
    if (!isIntakeChannel(options.channel)) issues.push({ field: 'channel', message: REQUEST_TEXT.intakeChannel });
    if (!isIsoDate(intake.receivedOn)) issues.push({ field: 'receivedOn', message: REQUEST_TEXT.dateInvalid });
    else if (intake.receivedOn > today) issues.push({ field: 'receivedOn', message: REQUEST_TEXT.receiptInFuture });
  }
  const stored = await options.uow.run(async ({ requests, orgs, audit }) => {
    const agency = await resolveAgency(orgs, options.agencyCode, issues);
    if (agency && intake) requirePermission(options.actor, 'request.handle', agency.path);
    if (issues.length > 0 || !agency || !isComplete(input))
      throw new DomainError('validation_failed', { fields: issues });
    const id = newId();
    const request: FoiRequest = {
      id,
      trackingCode: trackingCodeFrom(randomBytes(10)),
      orgId: agency.id,
      channel: options.channel,
      state: intake ? 'registered' : 'submitted',
      applicant: {
        kind: input.applicantKind,
        organisationKind: input.applicantKind === 'legal' ? input.organisationKind : null,
        name: input.name,
        idType: input.idType,
        idNumberSealed: options.cipher.seal(input.idNumber.toUpperCase()),
        idNumberMasked: mask(input.idNumber.toUpperCase()),
        contactPerson: input.contactPerson,
        phoneSealed: options.cipher.seal(input.phone),
        phoneTail: phoneTail(input.phone),
        emailSealed: input.email ? options.cipher.seal(normaliseEmail(input.email)) : null,
        addressSealed: input.address ? options.cipher.seal(input.address) : null,
        postcode: input.postcode,
      },
      description: input.description,
      documentNumber: input.documentNumber,
      purpose: input.purpose,
      form: input.form,
      delivery: input.delivery,
      submittedAt: now.toISOString(),
      receivedOn: intake?.receivedOn ?? null,
      correctedOn: null,
      extension: null,
      pauses: [],
      correction: null,
      reply: null,
      closedOn: null,
      fee: null,
      dueOn: null,
      assigneeId: null,
      updatedAt: now.toISOString(),
      upstreamId: options.upstreamId ?? null,
    };
    const first: RequestEvent = {
      requestId: id,
      seq: 1,
      kind: 'submitted',
      at: now.toISOString(),
      on: intake?.receivedOn ?? null,
      by: input.name,
      note: intake || options.upstreamId !== undefined ? CHANNEL_LABELS[options.channel] : '',
    };
    const stored = intake ? { ...request, dueOn: storedDueOn(request, intake.calendar, today) } : request;
    await requests.insert(stored, first);
    if (intake) {
      await requests.appendEvent({
        requestId: id,
        kind: 'received',
        at: now.toISOString(),
        on: intake.receivedOn,
        by: agency.name,
        note: '',
      });
    }
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: 'request.submitted',
        entityType: 'foi_request',
        entityId: id,
        orgId: agency.id,
        // No personal data in the audit log: the applicant's category only.
        after: {
          trackingCode: request.trackingCode,
          channel: request.channel,
          receivedOn: request.receivedOn,
          ...(request.upstreamId !== null ? { upstreamId: request.upstreamId } : {}),
          applicantKind: request.applicant.kind,
          organisationKind: request.applicant.organisationKind,
        },
      }),
    );
    return { request: stored, agency };
  });
  if (options.receipt && !intake && input.email) {
    const { mailer, trackUrl, onError } = options.receipt;
    mailer
      .send(
        receiptMail({
          to: normaliseEmail(input.email),
          applicantName: input.name,
          trackingCode: stored.request.trackingCode,
          agencyName: stored.agency.name,
          submittedAt: stored.request.submittedAt,
          trackUrl,
        }),
      )
      .catch(onError);
  }
  return stored;
}

/** The unit that receives an application addressed to `code`, or why there is none (added to `issues`). */
async function resolveAgency(orgs: OrgStore, code: string, issues: FieldIssue[]): Promise<Org | undefined> {
  if (code === '') {
    issues.push({ field: 'agency', message: REQUEST_TEXT.agencyRequired });
    return undefined;
  }
  const org = await orgs.getByCode(code);
  if (!org) {
    issues.push({ field: 'agency', message: REQUEST_TEXT.agencyUnknown });
    return undefined;
  }
  const parent = org.parentId ? ((await orgs.getById(org.parentId)) ?? null) : null;
  const unit = requestHandlingUnit(org, parent);
  if (!acceptsRequests(unit.type)) {
    issues.push({ field: 'agency', message: REQUEST_TEXT.agencyNotAccepting });
    return undefined;
  }
  return unit;
}

function isIntakeChannel(channel: Channel): boolean {
  return (INTAKE_CHANNELS as readonly Channel[]).includes(channel);
}
