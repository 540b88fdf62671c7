import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { chinaDate } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId, sha256Hex } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { assertAcceptsAnswers, duplicateAnswerCheck, requireAnswers, type PostedAnswers } from '../domain/survey.ts';
import { SURVEY_TEXT } from '../domain/survey-strings.ts';
import type { SurveyAnswerSheet } from '../ports.ts';
import type { SurveyStores } from './survey-stores.ts';

/** A keyed hash, so that the limits count by device and address without keeping either (the person key comes hashed). */
function keyOf(secret: string, purpose: string, value: string): string {
  return sha256Hex(`survey-${purpose}\u0000${secret}\u0000${value}`).slice(0, 32);
}

/**
 * A resident's answer sheet to a survey while it is open. The survey's limit policy decides whether
 * one more is taken: once per device cookie and at most so many a day per network address, or once
 * per verified person. The answers are kept as the domain normalised them (text as typed, escaped
 * when shown); the device, the person and the address only as keyed hashes.
 * @throws DomainError `not_found` (a draft or unknown id), `invalid_transition` (not open),
 *   `conflict` (this device or person has answered), `rate_limited` (this address's answers for
 *   today are used up), `forbidden` (a survey for verified people, answered unverified),
 *   `validation_failed` (one issue per question at fault, field `answers.<id>`).
 */
export async function submitSurveyAnswers(options: {
  uow: UnitOfWork<SurveyStores>;
  clock: Clock;
  actor: Actor;
  /** Keys the hashes of devices, people and addresses. */
  secret: string;
  surveyId: string;
  /** The value of the browser's long-lived device cookie; null when it sent none. */
  deviceId: string | null;
  /**
   * The verified person's key (a keyed hash of their e-mail address or mobile number, from the
   * signed proof cookie); null when none was verified.
   */
  personKey: string | null;
  posted: PostedAnswers;
}): Promise<SurveyAnswerSheet> {
  const now = options.clock.now();
  const ip = options.actor.kind === 'system' ? 'system' : (options.actor.ip ?? 'unknown');
  const deviceKey = options.deviceId === null ? null : keyOf(options.secret, 'device', options.deviceId);
  const addressKey = keyOf(options.secret, 'address', ip);
  return options.uow.run(async (stores) => {
    const survey = await stores.surveys.get(options.surveyId);
    if (!survey || survey.state === 'draft') throw new DomainError('not_found');
    // Each policy keeps the key it counts by: a sheet for verified people is the person's (two
    // people may answer on one phone), a per-device sheet the device's (verifying changes nothing).
    const keys =
      survey.limit.kind === 'one_per_person'
        ? { deviceKey: null, personKey: options.personKey, addressKey }
        : { deviceKey, personKey: null, addressKey };
    assertAcceptsAnswers(survey, now);
    // The limits first: someone who may not answer again is told so, not asked to correct answers.
    const prior = await stores.surveys.priorAnswers(survey.id, {
      ...keys,
      dayStart: new Date(`${chinaDate(now)}T00:00:00+08:00`).toISOString(),
    });
    const admission = duplicateAnswerCheck(survey.limit, {
      byPerson: keys.personKey === null ? null : prior.byPerson,
      byDevice: prior.byDevice,
      fromAddressToday: prior.fromAddressToday,
    });
    if (!admission.accepted) throw new DomainError(admission.code, { message: admission.message });
    const sheet: SurveyAnswerSheet = {
      id: newId(),
      surveyId: survey.id,
      answers: requireAnswers(survey, options.posted),
      ...keys,
      createdAt: now.toISOString(),
    };
    if (!(await stores.surveys.insertAnswer(sheet))) {
      // Another sheet from this device or person was stored between the check and now.
      throw new DomainError('conflict', {
        message: keys.personKey === null ? SURVEY_TEXT.deviceAnswered : SURVEY_TEXT.alreadyAnswered,
      });
    }
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'survey.answered',
        entityType: 'survey_answer',
        entityId: sheet.id,
        after: { surveyId: survey.id },
      }),
    );
    return sheet;
  });
}
