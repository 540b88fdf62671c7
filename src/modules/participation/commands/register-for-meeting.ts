import { randomBytes, timingSafeEqual } from 'node:crypto';
import { auditActor, type Actor } from '../../access/index.ts';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId, sha256Hex } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { opensAtOf } from '../domain/consultation.ts';
import {
  checkRegistration,
  checkRegistrationRate,
  isRegistrationOpen,
  normaliseReceiptCode,
  receiptCodeFrom,
  type MeetingRegistration,
  type RegistrationInput,
} from '../domain/hearing.ts';
import { HEARING_TEXT } from '../domain/hearing-strings.ts';
import { messagePinFrom } from '../domain/message.ts';
import type { ContactCipher } from '../ports.ts';
import type { MeetingStores } from './meeting-stores.ts';
import { senderKeyOf } from './sender-key.ts';

/** The query password (查询码) of a registration: a keyed hash of its id, so nothing secret is stored. */
export function registrationPin(secret: string, registrationId: string): string {
  return messagePinFrom(sha256Hex(`meeting-pin\u0000${secret}\u0000${registrationId}`));
}

/** A keyed hash of a normalised contact: one registration per person per meeting without a readable index. */
export function contactKeyOf(secret: string, contact: string): string {
  return sha256Hex(`meeting-contact\u0000${secret}\u0000${contact}`).slice(0, 40);
}

/**
 * A resident registers for an announced meeting while registration is open. The contact is sealed
 * with the field cipher; one registration per contact per meeting; the limits per network address
 * count by its keyed hash. Returns the registration with its query password, shown once on the
 * receipt and never stored.
 * @throws DomainError `not_found`, `validation_failed`, `invalid_transition`, `conflict`, `rate_limited`.
 */
export async function registerForMeeting(options: {
  uow: UnitOfWork<MeetingStores>;
  clock: Clock;
  actor: Actor;
  cipher: ContactCipher;
  secret: string;
  meetingId: string;
  input: RegistrationInput;
}): Promise<{ registration: MeetingRegistration; pin: string }> {
  const now = options.clock.now();
  const at = now.toISOString();
  const senderKey = senderKeyOf(options.secret, options.actor);
  return options.uow.run(async (stores) => {
    const meeting = await stores.meetings.get(options.meetingId);
    if (!meeting || meeting.state === 'draft') throw new DomainError('not_found');
    if (!isRegistrationOpen(meeting, now))
      throw new DomainError('invalid_transition', { message: HEARING_TEXT.registrationClosed });
    const cleaned = checkRegistration(options.input);
    checkRegistrationRate(await stores.meetings.recentFromSender(senderKey, meeting.id, opensAtOf(chinaDate(now))));
    const registration: MeetingRegistration = {
      id: newId(),
      meetingId: meeting.id,
      receiptCode: receiptCodeFrom(randomBytes(10)),
      name: cleaned.name,
      contactSealed: options.cipher.seal(cleaned.contact),
      contactKey: contactKeyOf(options.secret, cleaned.contact),
      stakeholder: cleaned.stakeholder,
      view: cleaned.view,
      statement: cleaned.statement,
      status: 'registered',
      selectionRank: null,
      attendance: null,
      senderKey,
      createdAt: at,
    };
    if (!(await stores.meetings.insertRegistration(registration)))
      throw new DomainError('conflict', { message: HEARING_TEXT.alreadyRegistered });
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'meeting.registered',
        entityType: 'decision_meeting',
        entityId: meeting.id,
        orgId: meeting.orgId,
        after: {
          receiptCode: registration.receiptCode,
          stakeholder: registration.stakeholder,
          view: registration.view,
        },
      }),
    );
    return { registration, pin: registrationPin(options.secret, registration.id) };
  });
}

/**
 * The resident's own registration by receipt code and query password; the code alone opens nothing,
 * and a wrong code and a wrong password get the same answer.
 * @throws DomainError `not_found`.
 */
export async function findOwnRegistration(
  stores: Pick<MeetingStores, 'meetings'>,
  secret: string,
  code: string,
  pin: string,
): Promise<MeetingRegistration> {
  const registration = await stores.meetings.byReceiptCode(normaliseReceiptCode(code.slice(0, 40)));
  const typed = Buffer.from(pin.trim().toUpperCase().slice(0, 12));
  const expected = Buffer.from(registration ? registrationPin(secret, registration.id) : '------');
  const same = typed.length === expected.length && timingSafeEqual(typed, expected);
  if (!registration || !same) throw new DomainError('not_found', { message: HEARING_TEXT.notFound });
  return registration;
}
