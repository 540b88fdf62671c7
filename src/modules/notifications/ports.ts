import type { Channel, Choices, Frequency } from './domain/choices.ts';

export type SubscriberState = 'pending' | 'active' | 'unsubscribed';

/** Someone who asked to be told, on one channel. */
export type Subscriber = {
  id: string;
  channel: Channel;
  /** The e-mail address, mobile number or webhook URL. */
  address: string;
  /** A webhook's receiving platform. */
  label: string | null;
  /** A webhook's signing secret. */
  secret: string | null;
  state: SubscriberState;
  frequency: Frequency;
  /** Raised to make the links sent before stop working. */
  tokenVersion: number;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
};

export type MessageKind = 'publication' | 'targeted' | 'digest';

/** What a targeted push was sent to. */
export type Segment = { concern: Choices; channels: Channel[] };

export type NotificationMessage = {
  id: string;
  kind: MessageKind;
  /** publication:<edition>, targeted:<id>, digest:<subscriber>:<period>: each message is made once. */
  key: string;
  orgId: string | null;
  documentId: string | null;
  editionId: string | null;
  title: string;
  subject: string;
  /** Plain text, without the per-recipient footer. */
  body: string;
  smsText: string;
  /** The public page it is about, as a path. */
  link: string | null;
  segment: Segment | null;
  createdBy: string | null;
  createdAt: string;
  /** How many deliveries it was fanned out to. */
  recipients: number;
};

export const DELIVERY_STATES = [
  'queued',
  'held',
  'sending',
  'sent',
  'failed',
  'bounced',
  'unsubscribed',
  'digested',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A delivery taken for sending, with what is needed to send it. */
export type ClaimedDelivery = {
  /** <message id>.<subscriber id>: the idempotency key the receiver sees. */
  id: string;
  channel: Channel;
  /** Tries so far, this one included. */
  attempts: number;
  message: NotificationMessage;
  /** Undefined when the subscriber was erased meanwhile. */
  subscriber: Subscriber | undefined;
};

/** A held delivery, as a digest lists it. */
export type HeldItem = { deliveryId: string; title: string; orgName: string; createdAt: string; link: string | null };

/** The counts of a message's deliveries by state. */
export type DeliveryReport = Record<DeliveryState, number>;

/** A message with its deliveries' counts, for the back office's list. */
export type MessageSummary = NotificationMessage & { report: DeliveryReport };

/** Subscriptions, messages and their deliveries: the outbox of the notifications module. */
export interface NotificationStore {
  subscriber(id: string): Promise<Subscriber | undefined>;
  subscriberByAddress(channel: Channel, address: string): Promise<Subscriber | undefined>;
  /** Inserts or replaces a subscriber's row. */
  saveSubscriber(subscriber: Subscriber): Promise<void>;
  choicesOf(subscriberId: string): Promise<Choices>;
  replaceChoices(subscriberId: string, choices: Choices): Promise<void>;
  /**
   * Deletes the subscriber and its choices; its deliveries keep their counts without it (those
   * not yet sent end as `unsubscribed`).
   */
  eraseSubscriber(subscriberId: string, now: Date): Promise<void>;
  /** Deletes subscriptions never confirmed since `before`: an address nobody confirmed is not kept. */
  erasePendingBefore(before: Date): Promise<number>;
  webhooks(): Promise<Subscriber[]>;
  /** Active subscribers per channel. */
  countActive(): Promise<Record<Channel, number>>;

  /** Adds the message unless one with its key exists; returns the stored one either way. */
  addMessage(message: NotificationMessage): Promise<{ message: NotificationMessage; created: boolean }>;
  message(id: string): Promise<NotificationMessage | undefined>;
  /**
   * Creates a delivery for every active subscriber the concern matches (the rule of `matches`) on
   * the channels given: queued, or held for a digest when `respectFrequency` and the subscriber
   * wants one. Deliveries already there are left alone. Returns how many the message now has.
   */
  fanOut(
    message: NotificationMessage,
    concern: Choices,
    options: {
      channels: readonly Channel[];
      respectFrequency: boolean;
      now: Date;
      /** Only subscribers confirmed by then: a publication from before one subscribed is not news to them. */
      confirmedBy?: Date;
    },
  ): Promise<number>;
  /** One queued delivery of a message to one subscriber (a digest); nothing when it exists. */
  addDelivery(messageId: string, subscriber: { id: string; channel: Channel }, now: Date): Promise<void>;
  countMatching(concern: Choices, channels: readonly Channel[]): Promise<number>;
  sampleMatching(concern: Choices, channels: readonly Channel[], limit: number): Promise<Subscriber[]>;

  /**
   * Takes up to `limit` deliveries due at `now` (queued, or sending with their lease run out: the
   * process sending them died) and leases them until `leaseUntil`. Several processes may claim at
   * once; each delivery goes to one.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]>;
  finishDelivery(
    id: string,
    outcome: { state: DeliveryState; at: Date; nextAttemptAt?: Date; error?: string | null },
  ): Promise<void>;
  /** True when a delivery is due now or later (queued), for the sender to know whether to come back. */
  hasQueued(): Promise<boolean>;
  report(messageId: string): Promise<DeliveryReport>;
  /** Messages, newest first, of the units among `orgIds` (all when null). */
  messages(filter: {
    orgIds: readonly string[] | null;
    kinds: readonly MessageKind[];
    offset: number;
    limit: number;
  }): Promise<{ items: MessageSummary[]; total: number }>;

  /** Subscribers with deliveries held since before `before`, wanting digests of `frequency`. */
  subscribersWithHeld(frequency: Exclude<Frequency, 'immediate'>, before: Date, limit: number): Promise<string[]>;
  heldFor(subscriberId: string, before: Date): Promise<HeldItem[]>;
  markDigested(deliveryIds: readonly string[], digestId: string): Promise<void>;

  saveSmsCode(code: { phone: string; codeHash: string; expiresAt: Date; sentAt: Date }): Promise<void>;
  smsCode(phone: string): Promise<{ codeHash: string; expiresAt: Date; tries: number; sentAt: Date } | undefined>;
  countSmsTry(phone: string): Promise<void>;
  deleteSmsCode(phone: string): Promise<void>;
}

/** Sends a text message through the SMS gateway. */
export interface SmsGateway {
  /**
   * @param key the delivery's idempotency key: the gateway sends a message with a key it has seen once.
   * @throws SendFailure
   */
  send(message: { to: string; text: string; key: string }): Promise<void>;
  readonly destination: string;
}

/** Posts a signed JSON payload to another platform's webhook. */
export interface WebhookSender {
  /** @throws SendFailure */
  post(target: { url: string; secret: string }, payload: unknown, key: string): Promise<void>;
}
