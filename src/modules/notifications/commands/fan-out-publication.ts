import type { AnnouncedPublication } from '../../documents/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Choices } from '../domain/choices.ts';
import { publicationMessage } from '../domain/compose.ts';
import type { NotificationMessage } from '../ports.ts';
import { NOTIFY_DELIVER_JOB } from './deliver-due.ts';
import type { NotificationStores, SiteIdentity } from './stores.ts';

/** A publication as the documents module announces it. */
export type Publication = Pick<
  AnnouncedPublication,
  | 'documentId'
  | 'editionId'
  | 'title'
  | 'docNumber'
  | 'topic'
  | 'fieldCode'
  | 'audiences'
  | 'policyTags'
  | 'orgId'
  | 'orgAncestorIds'
  | 'orgName'
  | 'publishedOn'
  | 'publishedAt'
  | 'href'
  | 'shortHref'
  | 'summary'
  | 'isUpdate'
  | 'changeNote'
>;

/** What a publication concerns, kind by kind. */
export function concernOf(publication: Publication): Choices {
  return {
    org: [...publication.orgAncestorIds],
    field: publication.fieldCode ? [publication.fieldCode] : [],
    topic: [publication.topic],
    audience: [...publication.audiences],
    policy: [...publication.policyTags],
  };
}

/**
 * Turns a publication into a message and a delivery for every subscriber it concerns who had
 * subscribed when it was published: by e-mail and SMS to those who want it at once, held for the
 * digest of those who want one, and to the webhooks.
 * Run again (the job retried after a crash), it adds nothing twice: the message is made once per
 * edition and each delivery once per subscriber. The deliveries are sent by the delivery job, sent
 * in the same transaction.
 */
export async function fanOutPublication(options: {
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  site: SiteIdentity;
  publication: Publication;
}): Promise<{ message: NotificationMessage; recipients: number }> {
  const p = options.publication;
  const now = options.clock.now();
  const url = `${options.site.publicUrl}${p.href}`;
  const text = publicationMessage({
    site: options.site.name,
    title: p.title,
    orgName: p.orgName,
    docNumber: p.docNumber,
    publishedOn: p.publishedOn,
    summary: p.summary,
    url,
    shortUrl: `${options.site.publicUrl}${p.shortHref}`,
    isUpdate: p.isUpdate,
    changeNote: p.changeNote,
  });
  return options.uow.run(async (stores) => {
    const { message } = await stores.notifications.addMessage({
      id: newId(),
      kind: 'publication',
      key: `publication:${p.editionId}`,
      orgId: p.orgId,
      documentId: p.documentId,
      editionId: p.editionId,
      title: p.title,
      subject: text.subject,
      body: text.body,
      smsText: text.sms,
      link: p.href,
      segment: null,
      createdBy: null,
      createdAt: now.toISOString(),
      recipients: 0,
    });
    const recipients = await stores.notifications.fanOut(message, concernOf(p), {
      channels: ['email', 'sms', 'webhook'],
      respectFrequency: true,
      now,
      confirmedBy: new Date(p.publishedAt),
    });
    if (recipients > 0) await stores.jobs.send(NOTIFY_DELIVER_JOB, {});
    return { message, recipients };
  });
}
