import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { notificationEntry } from '../audit-actions.ts';
import { maskAddress } from '../domain/address.ts';
import { checkChoices, CHANNELS, type Channel, type ChoiceVocabulary, type Choices } from '../domain/choices.ts';
import { smsText } from '../domain/compose.ts';
import type { NotificationMessage, NotificationStore } from '../ports.ts';
import { PUSH_TEXT } from '../strings.ts';
import { NOTIFY_DELIVER_JOB } from './deliver-due.ts';
import type { NotificationStores, SiteIdentity } from './stores.ts';

export const MAX_PUSH_TITLE = 60;
export const MAX_PUSH_BODY = 2000;
/** How many recipients the preview shows before sending. */
export const PUSH_SAMPLE = 10;

export type PushInput = {
  orgId: string;
  title: string;
  body: string;
  /** A page of this site (a path) the push points to, or ''. */
  link: string;
  channels: readonly string[];
  choices: Partial<Record<Exclude<keyof Choices, 'org'>, readonly string[]>>;
};

export type CheckedPush = {
  org: Org;
  title: string;
  body: string;
  link: string | null;
  channels: Channel[];
  concern: Choices;
};

/**
 * Checks a targeted push: a unit the sender may speak for (document review rights there), a title
 * and text, a link within the site, at least one channel (webhooks only by publication), and the
 * segment. The push concerns the unit and those above it, like the unit's own publications, and the
 * fields, topics, audiences and tags chosen: it reaches exactly the subscribers a publication with
 * those tags would.
 * @throws DomainError `validation_failed`, `not_found`, `forbidden`.
 */
export async function checkPush(
  orgs: OrgStore,
  actor: Actor,
  input: PushInput,
  vocabulary: ChoiceVocabulary,
): Promise<CheckedPush> {
  const org = await orgs.getById(input.orgId);
  if (!org)
    throw new DomainError('validation_failed', { fields: [{ field: 'orgId', message: PUSH_TEXT.orgRequired }] });
  requirePermission(actor, 'document.review', org.path);
  const issues: FieldIssue[] = [];
  const title = stripInvisibleControls(input.title).trim().replace(/\s+/g, ' ');
  if (!hasVisibleCharacters(title)) issues.push({ field: 'title', message: PUSH_TEXT.titleRequired });
  else if ([...title].length > MAX_PUSH_TITLE) issues.push({ field: 'title', message: PUSH_TEXT.titleTooLong });
  const body = stripInvisibleControls(input.body).trim();
  if (!hasVisibleCharacters(body)) issues.push({ field: 'body', message: PUSH_TEXT.bodyRequired });
  else if (body.length > MAX_PUSH_BODY) issues.push({ field: 'body', message: PUSH_TEXT.bodyTooLong });
  const link = input.link.trim();
  if (link !== '' && !/^\/[A-Za-z0-9/_\-.?=&%]*$/.test(link))
    issues.push({ field: 'link', message: PUSH_TEXT.linkShape });
  const channels = CHANNELS.filter((c) => c !== 'webhook' && input.channels.includes(c));
  if (channels.length === 0 || input.channels.some((c) => !channels.includes(c as Channel))) {
    issues.push({ field: 'channels', message: PUSH_TEXT.channelRequired });
  }
  const checked = checkChoices({ ...input.choices, org: [] }, vocabulary, { allowEverything: true });
  issues.push(...checked.issues);
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  const concern = { ...checked.choices, org: org.path.split('/').filter((id) => id !== '') };
  return { org, title, body, link: link === '' ? null : link, channels, concern };
}

/** Who a push would reach: the count and the first few, masked, before anything is sent. */
export async function previewPush(
  notifications: NotificationStore,
  push: CheckedPush,
): Promise<{ count: number; sample: { channel: Channel; address: string }[] }> {
  const [count, sample] = await Promise.all([
    notifications.countMatching(push.concern, push.channels),
    notifications.sampleMatching(push.concern, push.channels, PUSH_SAMPLE),
  ]);
  return { count, sample: sample.map((s) => ({ channel: s.channel, address: maskAddress(s.channel, s.address) })) };
}

/**
 * Sends a targeted push (the plan's §三.4: 减税降费 and livelihood policies pushed precisely): one
 * message, queued at once for every matching subscriber on the chosen channels, whatever digest they
 * prefer (staff decided it cannot wait), and recorded in the audit log with its recipient count.
 */
export async function sendPush(options: {
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  actor: Actor;
  site: SiteIdentity;
  push: CheckedPush;
}): Promise<{ message: NotificationMessage; recipients: number }> {
  const now = options.clock.now();
  const p = options.push;
  const url = p.link ? `${options.site.publicUrl}${p.link}` : undefined;
  return options.uow.run(async (stores) => {
    const id = newId();
    const { message } = await stores.notifications.addMessage({
      id,
      kind: 'targeted',
      key: `targeted:${id}`,
      orgId: p.org.id,
      documentId: null,
      editionId: null,
      title: p.title,
      subject: `【${options.site.name}】${p.title}`,
      body: url ? `${p.title}\n\n${p.body}\n\n${PUSH_TEXT.readMore(url)}` : `${p.title}\n\n${p.body}`,
      smsText: smsText({ site: options.site.name, text: p.title, url }),
      link: p.link,
      segment: { concern: p.concern, channels: p.channels },
      createdBy: options.actor.kind === 'staff' ? options.actor.userId : null,
      createdAt: now.toISOString(),
      recipients: 0,
    });
    const recipients = await stores.notifications.fanOut(message, p.concern, {
      channels: p.channels,
      respectFrequency: false,
      now,
    });
    if (recipients > 0) await stores.jobs.send(NOTIFY_DELIVER_JOB, {});
    await stores.audit.append(
      notificationEntry(auditActor(options.actor), now, {
        action: 'push.sent',
        entityType: 'notification_message',
        entityId: message.id,
        orgId: p.org.id,
        after: { title: p.title, channels: p.channels, concern: p.concern, recipients },
      }),
    );
    return { message: { ...message, recipients }, recipients };
  });
}
