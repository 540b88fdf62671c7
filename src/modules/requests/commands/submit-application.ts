import { randomBytes } from 'node:crypto';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import { chinaDate, isIsoDate, type Clock } from '../../../platform/clock.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { storedDueOn } from '../domain/handling.ts';
import type { JobSender } from '../../../platform/jobs.ts';
import { sendMailLater } from '../../../platform/mail.ts';
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
import type { FieldCipher, FileServices, IncomingFile, RequestFileStore, RequestStore } from '../ports.ts';
import { auditedFiles, inspectIncoming, keepFiles } from './request-files.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * Takes in an application (条例 Art. 29) and stores it, committed, before anything is shown to the
 * applicant: the identity number and contacts sealed, a tracking code, the first event. An online
 * application is `submitted` until the agency confirms receipt (Art. 31); an application addressed
 * to a village or community goes to its town (Art. 27). An application staff enter (`intake`) is
 * registered at once with its legal receipt date (Art. 31). Attachments (a copy of the identity
 * document, a letter of authorisation) are checked from their bytes before anything is stored, and
 * kept with the request in the same transaction. An application the provincial platform forwards
 * (channel `provincial`) carries the platform's reference, one request per reference.
 * @throws DomainError `validation_failed` listing every problem, the agency's included; with a file
 *   problem, `too_many_files`, `upload_too_large`, `upload_type_not_allowed` or `upload_type_mismatch`,
 *   still listing every problem;
 *   `unauthenticated`/`out_of_scope`/`forbidden` for an intake by anyone but the unit's officers.
 */
export async function submitApplication(options: {
  uow: UnitOfWork<{
    requests: RequestStore;
    requestFiles: RequestFileStore;
    orgs: OrgStore;
    audit: AuditLog;
    jobs: JobSender;
  }>;
  clock: Clock;
  cipher: FieldCipher;
  actor: Actor;
  channel: Channel;
  /** Files sent with the application, and where they are kept. */
  attachments?: { services: FileServices; files: IncomingFile[] } | undefined;
  /** The receiving agency's unit code. */
  agencyCode: string;
  input: ApplicationInput;
  /**
   * An application staff enter from the counter, the post, a fax or an e-mail (条例 Art. 31): its
   * legal receipt date, which registers it at once; only the receiving unit's officers may.
   */
  intake?: { receivedOn: string; calendar: WorkingCalendar } | undefined;
  /**
   * The e-mail receipt of an online application with an address: queued with the application, so it
   * goes out once the application is committed, without holding the answer, and a mail server that
   * is down gets it later.
   */
  receipt?: { trackUrl: string } | undefined;
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
  const incoming = options.attachments?.files ?? [];
  const inspection = await inspectIncoming(options.attachments?.services, 'application', incoming);
  const stored = await options.uow.run(async ({ requests, requestFiles, orgs, audit, jobs }) => {
    const agency = await resolveAgency(orgs, options.agencyCode, issues);
    if (agency && intake) requirePermission(options.actor, 'request.handle', agency.path);
    if (!inspection.ok) {
      // A file problem decides the answer's status; the application's own problems are listed too.
      throw new DomainError(inspection.code, { fields: [...issues, ...inspection.issues] });
    }
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
      service: null,
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
    const attached = options.attachments
      ? await keepFiles({
          services: options.attachments.services,
          store: requestFiles,
          requestId: id,
          purpose: 'application',
          incoming,
          accepted: inspection.files,
          at: now,
          by: options.actor.kind === 'staff' ? options.actor.userId : 'public',
        })
      : [];
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
          attachments: auditedFiles(attached),
        },
      }),
    );
    if (options.receipt && !intake && input.email) {
      await sendMailLater(
        jobs,
        receiptMail({
          to: normaliseEmail(input.email),
          applicantName: input.name,
          trackingCode: request.trackingCode,
          agencyName: agency.name,
          submittedAt: request.submittedAt,
          trackUrl: options.receipt.trackUrl,
        }),
      );
    }
    return { request: stored, agency };
  });
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
