/**
 * Row types of every table, as Kysely sees them. The same types hold on SQLite and PostgreSQL:
 * instants are ISO-8601 UTC text, calendar dates are YYYY-MM-DD text, booleans are 0/1 integers and
 * lists are JSON text, so no dialect converts a value behind our back.
 */
export type Database = {
  orgs: OrgRow;
  users: UserRow;
  role_grants: RoleGrantRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  login_throttle: LoginThrottleRow;
  audit_log: AuditRow;
  audit_head: AuditHeadRow;
  settings: SettingRow;
  documents: DocumentRow;
  editions: EditionRow;
  attachments: AttachmentRow;
  index_counters: IndexCounterRow;
  calendar_days: CalendarDayRow;
  calendar_years: CalendarYearRow;
  catalog_versions: CatalogVersionRow;
  catalog_entries: CatalogEntryRow;
  catalog_negative_items: CatalogNegativeItemRow;
  catalog_local_fields: CatalogLocalFieldRow;
  foi_requests: FoiRequestRow;
  foi_events: FoiEventRow;
  foi_appeals: FoiAppealRow;
  foi_reminders: FoiReminderRow;
  jobs: JobRow;
  annual_reports: AnnualReportRow;
  foi_files: FoiFileRow;
  upstream_nonces: UpstreamNonceRow;
  foi_upstream_outbox: UpstreamOutboxRow;
  site_content_version: SiteContentVersionRow;
  edition_counts: EditionCountRow;
  interpretation_editions: InterpretationEditionRow;
  interpretation_links: InterpretationLinkRow;
  concerns: ConcernRow;
  concern_responses: ConcernResponseRow;
  subscribers: SubscriberRow;
  subscriber_choices: SubscriberChoiceRow;
  notification_messages: NotificationMessageRow;
  notification_deliveries: NotificationDeliveryRow;
  sms_codes: SmsCodeRow;
  service_guide_editions: ServiceGuideEditionRow;
  service_guide_events: ServiceGuideEventRow;
  service_bundle_editions: ServiceBundleEditionRow;
  consultations: ConsultationRow;
  consultation_versions: ConsultationVersionRow;
  consultation_comments: ConsultationCommentRow;
  surveys: SurveyRow;
  survey_answers: SurveyAnswerRow;
  messages: MessageRow;
  message_alerts: MessageAlertRow;
  major_decisions: MajorDecisionRow;
  decision_meetings: DecisionMeetingRow;
  meeting_registrations: MeetingRegistrationRow;
  interviews: InterviewRow;
  interview_questions: InterviewQuestionRow;
  interview_entries: InterviewEntryRow;
  interview_media: InterviewMediaRow;
  contact_verifications: ContactVerificationRow;
};

/** What a service guide's edition holds besides the document's content (migration 0020). */
export type ServiceGuideEditionRow = {
  edition_id: string;
  document_id: string;
  item_type: string;
  for_person: number;
  for_corp: number;
  elements: string;
  saved_at: string;
};

/** A life or business event a guide's edition belongs to. */
export type ServiceGuideEventRow = { edition_id: string; event: string };

/** What a 一件事 bundle's edition holds besides the document's content (migration 0020). */
export type ServiceBundleEditionRow = {
  edition_id: string;
  document_id: string;
  event: string;
  for_person: number;
  for_corp: number;
  elements: string;
  saved_at: string;
};

/** Someone who asked to be told, on one channel (migration 0021). */
export type SubscriberRow = {
  id: string;
  channel: string;
  address: string;
  label: string | null;
  secret: string | null;
  state: string;
  frequency: string;
  token_version: number;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
};

/** One of a subscriber's choices: a unit, pilot field, topic, audience or policy tag. */
export type SubscriberChoiceRow = { subscriber_id: string; kind: string; value: string };

/** A message to subscribers: a publication, a targeted push or a digest. */
export type NotificationMessageRow = {
  id: string;
  kind: string;
  key: string;
  org_id: string | null;
  document_id: string | null;
  edition_id: string | null;
  title: string;
  subject: string;
  body: string;
  sms_text: string;
  link: string | null;
  segment: string | null;
  created_by: string | null;
  created_at: string;
  recipients: number;
};

/** A message for one subscriber, and where its sending stands. */
export type NotificationDeliveryRow = {
  id: string;
  message_id: string;
  subscriber_id: string | null;
  channel: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  digest_id: string | null;
  created_at: string;
  sent_at: string | null;
};

/** A verification code sent by SMS, kept hashed until used or expired. */
export type SmsCodeRow = { phone: string; code_hash: string; expires_at: string; tries: number; sent_at: string };

/** A public concern (migration 0019). */
export type ConcernRow = {
  id: string;
  org_id: string;
  title: string;
  summary: string;
  source: string;
  reported_at: string;
  created_at: string;
  created_by: string;
};

/** What a response's edition holds besides the document's content: its concern and links. */
export type ConcernResponseRow = {
  edition_id: string;
  document_id: string;
  concern_id: string;
  /** JSON array of document ids. */
  linked_document_ids: string;
  saved_at: string;
};

/** What an interpretation's edition holds besides the document's content (migration 0018). */
export type InterpretationEditionRow = {
  edition_id: string;
  document_id: string;
  kind: string;
  blocks: string;
  saved_at: string;
};

/** A policy document an interpretation's edition interprets, in order. */
export type InterpretationLinkRow = {
  edition_id: string;
  policy_document_id: string;
  position: number;
};

/** One row: bumped by triggers on every table the public site shows (migration 0012). */
export type SiteContentVersionRow = {
  id: number;
  version: string | number;
  changed_at_ms: string | number;
};

/** How many editions a unit has in a state, kept by triggers (migration 0016); '' for no unit. */
export type EditionCountRow = {
  org_id: string;
  state: string;
  n: string | number;
};

export type OrgRow = {
  id: string;
  parent_id: string | null;
  /** Materialised path of ids, "/root/child/", so a subtree is one LIKE prefix. */
  path: string;
  depth: number;
  type: string;
  code: string;
  name: string;
  short_name: string;
  credit_code: string | null;
  levels: string;
  sort_order: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
};

export type UserRow = {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  org_id: string;
  is_active: number;
  failed_logins: number;
  locked_until: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  /** Work address for reminders; optional. */
  email: string | null;
  created_at: string;
  updated_at: string;
};

export type RoleGrantRow = {
  id: string;
  user_id: string;
  role: string;
  org_id: string;
  created_at: string;
};

export type SessionRow = {
  id: string;
  user_id: string;
  csrf_token: string;
  totp_pending: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type ApiTokenRow = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string;
};

export type LoginThrottleRow = {
  client_key: string;
  failures: number;
  window_started_at: string;
};

export type AuditRow = {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
};

export type AuditHeadRow = {
  id: number;
  seq: number;
  hash: string;
};

export type SettingRow = {
  key: string;
  value: string;
  updated_at: string;
};

export type DocumentRow = {
  id: string;
  org_id: string;
  index_number: string | null;
  created_at: string;
  created_by: string;
  first_published_at: string | null;
};

export type EditionRow = {
  id: string;
  document_id: string;
  /** Copy of the document's unit, for unit-narrowed lists (documents never change unit). */
  org_id: string | null;
  number: number;
  state: string;
  title: string;
  doc_number: string | null;
  issuer: string;
  written_on: string | null;
  published_on: string | null;
  topic: string;
  genre: string;
  is_normative: number;
  validity: string;
  validity_on: string | null;
  field_code: string | null;
  keywords: string;
  /** Comma-separated audiences and policy tags (migration 0021). */
  audiences: string;
  policy_tags: string;
  body_html: string;
  change_note: string | null;
  is_major: number;
  version_major: number | null;
  version_minor: number | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  published_at: string | null;
  scheduled_at: string | null;
  force_published: number;
  force_publish_reason: string | null;
  retro_approved_by: string | null;
  retro_approved_at: string | null;
  rejection_reason: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  superseded_at: string | null;
  sensitive_override_reason: string | null;
  sensitive_override_by: string | null;
  catalog_entry_key: string | null;
  formed_on: string | null;
};

export type AttachmentRow = {
  id: string;
  edition_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  sort_order: number;
  created_at: string;
  created_by: string;
};

export type IndexCounterRow = {
  org_id: string;
  year: number;
  last_value: number;
};

export type CalendarDayRow = {
  date: string;
  year: number;
  is_off_day: number;
  name: string;
};

export type CalendarYearRow = {
  year: number;
  source: string;
  updated_at: string;
};

export type CatalogVersionRow = {
  id: string;
  org_id: string;
  number: number;
  state: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  published_at: string | null;
  superseded_at: string | null;
};

/** List and object elements are JSON text. */
export type CatalogEntryRow = {
  id: string;
  version_id: string;
  entry_key: string;
  position: number;
  field_code: string;
  item_l1: string;
  item_l2: string;
  content_elements: string;
  legal_basis: string;
  time_limit: string;
  publisher: string;
  channels: string;
  other_channels: string;
  audience: string;
  mode: string;
  levels: string;
  five_open: string;
  retention: string | null;
  review_comment: string | null;
};

export type CatalogNegativeItemRow = {
  id: string;
  version_id: string;
  item_key: string;
  position: number;
  item: string;
  legal_basis: string;
  note: string | null;
};

export type CatalogLocalFieldRow = {
  code: string;
  name: string;
  created_at: string;
};

export type FoiRequestRow = {
  id: string;
  tracking_code: string;
  org_id: string;
  channel: string;
  state: string;
  applicant_kind: string;
  organisation_kind: string | null;
  applicant_name: string;
  id_type: string;
  id_number_sealed: string;
  id_number_masked: string;
  contact_person: string;
  phone_sealed: string;
  phone_tail: string;
  email_sealed: string | null;
  address_sealed: string | null;
  postcode: string;
  description: string;
  document_number: string;
  purpose: string;
  info_form: string;
  delivery: string;
  submitted_at: string;
  received_on: string | null;
  corrected_on: string | null;
  /** JSON of the one extension (条例 Art. 33 ¶2), or null. */
  extension: string | null;
  /** JSON list of the clock's pauses (条例 Art. 33 ¶3). */
  pauses: string;
  /** JSON of the correction notice (条例 Art. 30), or null. */
  correction: string | null;
  /** JSON of the reply (outcome, date, reasons, withheld parts), or null. */
  reply: string | null;
  /** The reply's outcome (a row of table 三), copied out of `reply` for the annual report's counts. */
  outcome: string | null;
  closed_on: string | null;
  /** JSON of the fee notice (条例 Art. 42), or null. */
  fee: string | null;
  /** JSON of the reply's service (送达: means, day, proof), or null (migration 0009). */
  service: string | null;
  /** The reply deadline as last computed (for the inbox's due-soon and overdue filters). */
  due_on: string | null;
  assignee_id: string | null;
  updated_at: string;
  /** The provincial platform's reference of a request it forwarded (unique), else null. */
  upstream_id: string | null;
};

export type FoiEventRow = {
  request_id: string;
  seq: number;
  kind: string;
  at: string;
  on_date: string | null;
  by_name: string;
  note: string;
};

export type FoiAppealRow = {
  id: string;
  request_id: string;
  kind: string;
  filed_on: string;
  body: string;
  result: string | null;
  decided_on: string | null;
};

export type FoiReminderRow = {
  request_id: string;
  kind: string;
  due_on: string;
  sent_at: string;
  recipients: string;
};

export type JobRow = {
  id: string;
  name: string;
  key: string;
  payload: string;
  state: string;
  run_after: string;
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
};

export type AnnualReportRow = {
  id: string;
  org_id: string;
  year: number;
  licensing: number;
  penalties: number;
  enforcement: number;
  fees_wan: string;
  overview: string;
  problems: string;
  other: string;
  document_id: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
};

export type FoiFileRow = {
  id: string;
  request_id: string;
  /** application | released | delivery_proof */
  purpose: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: string;
  created_by: string;
};

/** A nonce of a signed call, kept until its timestamp leaves the accepted window. */
export type UpstreamNonceRow = { nonce: string; expires_at: string };

/** One status to send to the provincial platform, in order per request (`seq`: the event's). */
export type UpstreamOutboxRow = {
  id: string;
  request_id: string;
  org_id: string;
  seq: number;
  /** The JSON sent, fixed when the change happened. */
  body: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  /** While one instance is sending it, until when the others leave it alone. */
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
};

/** A consultation on a draft (意见征集, migration 0022). */
export type ConsultationRow = {
  id: string;
  org_id: string;
  title: string;
  summary: string;
  major: number;
  short_reason: string;
  state: string;
  opens_at: string;
  closes_at: string;
  version: number;
  final_link: string | null;
  report_summary: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  published_at: string | null;
  completed_at: string | null;
};

export type ConsultationVersionRow = {
  consultation_id: string;
  number: number;
  paragraphs: string;
  note: string;
  created_at: string;
  created_by: string;
};

export type ConsultationCommentRow = {
  id: string;
  consultation_id: string;
  version: number;
  paragraph: number | null;
  body: string;
  name: string;
  sender_key: string;
  state: string;
  hidden_reason: string;
  disposition: string | null;
  disposition_reason: string;
  disposition_group: string;
  created_at: string;
  moderated_at: string | null;
  disposed_at: string | null;
  /** Keyed hash of the verified sender's contact (migration 0028); null when unverified. */
  person_key: string | null;
};

/** An online survey (网络调查, migration 0023); questions and limit policy as JSON text. */
export type SurveyRow = {
  id: string;
  org_id: string;
  title: string;
  description: string;
  state: string;
  opens_at: string;
  closes_at: string;
  limit_policy: string;
  questions: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  published_at: string | null;
};

/** One answer sheet of a survey, with the keys its limits count by (migration 0023). */
export type SurveyAnswerRow = {
  id: string;
  survey_id: string;
  answers: string;
  device_key: string | null;
  person_key: string | null;
  address_key: string;
  created_at: string;
};

/** A resident's message to a unit (政民互动 留言, migration 0024). */
export type MessageRow = {
  id: string;
  tracking_code: string;
  org_id: string;
  kind: string;
  title: string;
  body: string;
  name: string;
  contact_sealed: string;
  public_consent: number;
  state: string;
  received_on: string;
  accepted_on: string | null;
  transferred_on: string | null;
  transfers: string;
  answer: string;
  answered_on: string | null;
  answered_by: string;
  decline_reason: string;
  published: number;
  rating: string | null;
  rating_comment: string;
  sender_key: string;
  created_at: string;
  updated_at: string;
};

export type MessageAlertRow = { message_id: string; key: string; sent_at: string; recipients: string };

/** An item of the yearly directory of major administrative decisions (migration 0025). */
export type MajorDecisionRow = {
  id: string;
  org_id: string;
  year: number;
  title: string;
  summary: string;
  basis: string;
  methods: string;
  status: string;
  planned_time: string;
  consultation_id: string | null;
  decided_on: string | null;
  result_link: string;
  withdrawn_reason: string;
  created_at: string;
  updated_at: string;
};

/** An online interview (在线访谈, migration 0026). */
export type InterviewRow = {
  id: string;
  org_id: string;
  title: string;
  summary: string;
  starts_at: string;
  ends_at: string;
  guests: string;
  state: string;
  cancel_reason: string;
  revision: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
};

/** A resident's question to an online interview (migration 0026). */
export type InterviewQuestionRow = {
  id: string;
  interview_id: string;
  name: string;
  body: string;
  sender_key: string;
  state: string;
  hidden_reason: string;
  answered: number;
  shown_revision: number | null;
  created_at: string;
  moderated_at: string | null;
};

/** One entry of an online interview's transcript (migration 0026). */
export type InterviewEntryRow = {
  id: string;
  interview_id: string;
  speaker_kind: string;
  speaker: string;
  body: string;
  question_id: string | null;
  revision: number;
  said_at: string;
};

/** A photo or other medium of an online interview, as a link with its alt text (migration 0026). */
export type InterviewMediaRow = {
  id: string;
  interview_id: string;
  url: string;
  alt: string;
  caption: string;
  created_at: string;
  /** An uploaded photo (migration 0030): its key in the file storage, sniffed type and size; null for a link. */
  file_sha256: string | null;
  content_type: string | null;
  size_bytes: number | null;
};

/** One code sent to verify a resident's e-mail address or mobile number (migration 0028); no contact kept. */
export type ContactVerificationRow = {
  id: string;
  channel: string;
  person_key: string;
  address_key: string;
  masked_contact: string;
  code_hash: string;
  tries: number;
  created_at: string;
  expires_at: string;
  verified_at: string | null;
};

/** A hearing or meeting of a major decision (听证会、座谈会, migration 0027). */
export type DecisionMeetingRow = {
  id: string;
  decision_id: string;
  org_id: string;
  kind: string;
  title: string;
  matter: string;
  place: string;
  starts_at: string;
  registration_opens_on: string;
  registration_closes_on: string;
  seats: number;
  selection_method: string;
  selection_rule: string;
  materials: string;
  materials_link: string;
  state: string;
  announced_at: string | null;
  selected_at: string | null;
  selected_how: string | null;
  draw_seed: string;
  selection_reason: string;
  held_at: string | null;
  minutes: string;
  views_summary: string;
  minutes_published_at: string | null;
  cancel_reason: string;
  created_at: string;
  updated_at: string;
};

/** A resident's registration for a meeting (migration 0027). */
export type MeetingRegistrationRow = {
  id: string;
  meeting_id: string;
  receipt_code: string;
  name: string;
  contact_sealed: string;
  contact_key: string;
  stakeholder: string;
  view: string;
  statement: string;
  status: string;
  selection_rank: number | null;
  attendance: string | null;
  sender_key: string;
  created_at: string;
};
