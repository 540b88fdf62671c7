import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { normaliseEmail, phoneTail } from '../domain/application.ts';
import type { ReplyDeadline } from '../domain/clock.ts';
import { normaliseTrackingCode, type FoiRequest, type RequestEvent } from '../domain/request.ts';
import type { FieldCipher, RequestFileStore, RequestStore } from '../ports.ts';
import type { RequestFile } from '../domain/files.ts';
import { deadlineOf } from '../domain/handling.ts';
import { REQUEST_TEXT } from '../strings.ts';

/** What the applicant sees of their request: no officer's name, no other applicant's data. */
export type TrackedRequest = {
  request: FoiRequest;
  agencyName: string;
  events: RequestEvent[];
  /** The reply deadline while the request is open and registered. */
  deadline: ReplyDeadline | null;
  /** The files the applicant sent and the information released to them; never the proof of service. */
  files: RequestFile[];
};

/**
 * Finds a request for its applicant: the tracking code plus a second factor, the last four digits
 * of the phone given or the e-mail address given. A wrong code and a wrong factor read the same.
 * @throws DomainError `not_found`.
 */
export async function trackRequest(options: {
  stores: { requests: RequestStore; requestFiles: RequestFileStore; orgs: OrgStore };
  cipher: FieldCipher;
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  code: string;
  factor: string;
}): Promise<TrackedRequest> {
  const request = await options.stores.requests.getByTrackingCode(normaliseTrackingCode(options.code));
  if (!request || !factorMatches(request, options.factor, options.cipher)) {
    throw new DomainError('not_found', { message: REQUEST_TEXT.trackNotFound });
  }
  const [agency, events, files] = await Promise.all([
    options.stores.orgs.getById(request.orgId),
    options.stores.requests.events(request.id),
    options.stores.requestFiles.filesOf(request.id),
  ]);
  const deadline = deadlineOf(request, await options.calendar(), chinaDate(options.clock.now()));
  return {
    request,
    agencyName: agency?.name ?? '',
    events,
    deadline,
    files: files.filter((file) => file.purpose !== 'delivery_proof'),
  };
}

function factorMatches(request: FoiRequest, factor: string, cipher: FieldCipher): boolean {
  const given = factor.trim();
  if (given.includes('@')) {
    return (
      request.applicant.emailSealed !== null && cipher.open(request.applicant.emailSealed) === normaliseEmail(given)
    );
  }
  return /^\d{4}$/.test(given) && phoneTail(given) === request.applicant.phoneTail;
}
