/**
 * The notifications module's door (订阅推送): subscriptions by e-mail and SMS, messages about
 * publications and targeted pushes, digests, webhooks, and their delivery through an outbox.
 * Nothing else in the module is imported from outside it.
 */
export { CHANNELS, CHOICE_KINDS, FREQUENCIES, matches, noChoices } from './domain/choices.ts';
export type { Channel, ChoiceKind, ChoiceVocabulary, Choices, Frequency } from './domain/choices.ts';
export { SendFailure } from './domain/delivery.ts';
export { SMS_MAX_CHARACTERS } from './domain/compose.ts';
export { DELIVERY_STATES } from './ports.ts';
export type {
  ClaimedDelivery,
  DeliveryReport,
  DeliveryState,
  HeldItem,
  MessageKind,
  MessageSummary,
  NotificationMessage,
  NotificationStore,
  Segment,
  SmsGateway,
  Subscriber,
  SubscriberState,
  WebhookSender,
} from './ports.ts';
export { NOTIFICATION_AUDIT_ACTIONS } from './audit-actions.ts';
export { NOTIFY_DELIVER_JOB, deliverDue } from './commands/deliver-due.ts';
export type { DeliveryChannels, DeliveryOutcome } from './commands/deliver-due.ts';
export { NOTIFY_DIGEST_JOB, sendDigests } from './commands/send-digests.ts';
export { fanOutPublication } from './commands/fan-out-publication.ts';
export type { Publication } from './commands/fan-out-publication.ts';
export type { NotificationStores, SiteIdentity } from './commands/stores.ts';
export { subscribe, sendSmsCode } from './commands/subscribe.ts';
export {
  confirmSubscription,
  unsubscribe,
  updatePreferences,
  eraseSubscriber,
} from './commands/manage-subscription.ts';
export { sendPush, previewPush, checkPush } from './commands/send-push.ts';
export { registerWebhook } from './commands/register-webhook.ts';
export { subscriberToken, unsubscribePath, subscriberPath } from './domain/links.ts';
export { registerNotificationPublicRoutes } from './http/public-routes.tsx';
export { registerNotificationLinkRoutes } from './http/link-routes.tsx';
export type { NotificationWebDeps } from './http/deps.ts';
export { registerNotificationAdminRoutes } from './http/admin-routes.tsx';
export { notificationApiRoutes } from './http/api-routes.ts';
export { normaliseEmail, normaliseMobile, maskAddress } from './domain/address.ts';
export type { AddressResult } from './domain/address.ts';
