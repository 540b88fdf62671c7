import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { escapeHtml } from '../../../platform/html-text.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import {
  submitGeneratedEdition,
  type Edition,
  type FileSniffer,
  type FileStorage,
  type GovDocument,
} from '../../documents/index.ts';
import { interpretationEntry } from '../audit-actions.ts';
import { CONCERN_LIMITS } from '../domain/concern.ts';
import { paragraphs } from '../domain/graphic-html.ts';
import { liveLinked } from './linked-documents.ts';
import type { ConcernResponseRecord, ConcernStore } from '../ports.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import { MAX_POLICIES, MAX_TITLE, type InterpretationStores } from './submit-graphic-interpretation.ts';

const T = INTERPRETATION_TEXT.concern;

export type ConcernResponseStores = InterpretationStores & { concerns: ConcernStore };

export type ConcernResponseInput = {
  title: string;
  /** Plain text; a blank line starts a new paragraph. */
  text: string;
  /** Published documents and interpretations that answer the concern, in order. */
  linkedDocumentIds: string[];
};

/**
 * Sends a response to a public concern for review (回应关切). A response is government information
 * of genre 回应关切 in the concern's unit: the documents' workflow carries it, so a quick response
 * still needs a second person to publish it (plan §三.5: answer misunderstandings quickly, through
 * the same review). It links the concern and the published documents and interpretations that
 * answer it, kept with the edition in the same transaction.
 * @throws DomainError `validation_failed` (`title`, `text`, `linkedDocumentIds`), `not_found`,
 *   `forbidden`, `invalid_transition` (an edition is in review).
 */
export async function submitConcernResponse(options: {
  uow: UnitOfWork<ConcernResponseStores>;
  stores: ConcernResponseStores;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  maxUploadBytes: number;
  actor: Actor;
  concernId: string;
  /** The response's document, for its next edition; null for a new response. */
  documentId: string | null;
  input: ConcernResponseInput;
}): Promise<{ document: GovDocument; edition: Edition }> {
  const now = options.clock.now();
  const concern = await options.stores.concerns.get(options.concernId);
  if (!concern) throw new DomainError('not_found', { message: T.notFound });
  const issues: FieldIssue[] = [];
  const title = options.input.title.trim();
  const text = options.input.text.trim();
  if (title === '') issues.push({ field: 'title', message: T.responseTitleRequired });
  else if ([...title].length > MAX_TITLE) issues.push({ field: 'title', message: T.tooLong('标题', MAX_TITLE) });
  if (text === '') issues.push({ field: 'text', message: T.responseTextRequired });
  else if ([...text].length > CONCERN_LIMITS.responseText) {
    issues.push({ field: 'text', message: T.tooLong('回应内容', CONCERN_LIMITS.responseText) });
  }
  const { editions: linked, issues: linkIssues } = await liveLinked(
    options.stores.documents,
    options.input.linkedDocumentIds,
    { field: 'linkedDocumentIds', max: MAX_POLICIES, tooMany: T.tooManyLinks, notPublished: T.linkedNotPublished },
  );
  issues.push(...linkIssues);
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });

  const org = await options.stores.orgs.getById(concern.orgId);
  if (!org) throw new DomainError('not_found');
  return submitGeneratedEdition({
    // The workflow's own dependencies (uow, clock, sanitiser, files, sniff, actor) pass through.
    ...options,
    maxBytes: options.maxUploadBytes,
    permission: 'document.draft',
    orgId: org.id,
    documentId: options.documentId,
    input: {
      title,
      issuer: org.name,
      writtenOn: chinaDate(now),
      topic: linked[0]?.content.topic ?? '综合政务',
      genre: '回应关切',
      bodyHtml: paragraphs(text)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('\n'),
      changeNote: null,
    },
    attachments: [],
    alongside: async (stores, result) => {
      const before = await stores.concerns.responseForEdition(result.edition.id);
      const record: ConcernResponseRecord = {
        editionId: result.edition.id,
        documentId: result.document.id,
        concernId: concern.id,
        linkedDocumentIds: linked.map((e) => e.documentId),
        savedAt: now.toISOString(),
      };
      await stores.concerns.saveResponse(record);
      await stores.audit.append(
        interpretationEntry(auditActor(options.actor), now, {
          action: 'concern.response_submitted',
          entityType: 'concern',
          entityId: concern.id,
          orgId: org.id,
          before,
          after: record,
        }),
      );
    },
  });
}
