import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, requireGlobalPermission, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import { requestEntry } from '../audit-actions.ts';
import { STANDARD_REPLY_TEXTS } from '../domain/letter.ts';
import type { RequestStore } from '../ports.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * The district office words one standard text of the reply letters its way (plan §三.2: standard
 * reply texts and wording); an empty text returns to the default. Letters already sent keep their
 * words.
 * @throws DomainError `forbidden`, `not_found` (no such group), `validation_failed`.
 */
export async function editReplyText(options: {
  uow: UnitOfWork<{ requests: RequestStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  group: string;
  text: string;
}): Promise<void> {
  requireGlobalPermission(options.actor, 'request.texts');
  if (!(options.group in STANDARD_REPLY_TEXTS)) throw new DomainError('not_found');
  const text = options.text.trim();
  if (text !== '' && (text.length < 10 || text.length > 1000)) {
    throw new DomainError('validation_failed', { fields: [{ field: 'text', message: REQUEST_TEXT.replyTextLength }] });
  }
  const now = options.clock.now();
  await options.uow.run(async ({ requests, audit }) => {
    const before = (await requests.replyTexts())[options.group] ?? null;
    await requests.setReplyText(options.group, text === '' ? null : text, now);
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: 'request.reply_text_changed',
        entityType: 'reply_text',
        entityId: options.group,
        before,
        after: text === '' ? null : text,
      }),
    );
  });
}
