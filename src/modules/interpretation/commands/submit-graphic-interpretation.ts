import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import {
  submitGeneratedEdition,
  type DocumentStores,
  type Edition,
  type FileSniffer,
  type FileStorage,
  type GeneratedFile,
  type GovDocument,
} from '../../documents/index.ts';
import { interpretationEntry } from '../audit-actions.ts';
import { checkInterpretation, type BlockKind, type ContentBlock, type ContentBlockInput } from '../domain/content.ts';
import { contentBodyHtml } from '../domain/content-html.ts';
import type { ChartRenderer, InterpretationEdition, InterpretationStore } from '../ports.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import { liveLinked } from './linked-documents.ts';

/** The stores submitting an interpretation works with: the documents module's and its own. */
export type InterpretationStores = DocumentStores & { interpretations: InterpretationStore };

export const MAX_TITLE = 100;
export const MAX_POLICIES = 10;

export type GraphicInterpretationInput = {
  /** 图解 unless said; 文字解读, 简明问答, 媒体解读 and 案例说明 are made of their own blocks. */
  kind?: BlockKind | undefined;
  title: string;
  /** The policy documents interpreted, in order (ids of published documents). */
  policyDocumentIds: string[];
  blocks: ContentBlockInput[];
  /** 更新说明, when an earlier edition was published. */
  changeNote?: string | undefined;
};

/**
 * Sends a graphic interpretation (图解) of published policy documents for review. It is government
 * information of genre 政策解读 in the unit's column, so the documents' workflow carries it: the
 * unit's reviewers publish it, and the person who submitted it may not (two persons). The first
 * submission creates the document; later ones are its next editions. The body is the blocks as text
 * (every chart's numbers as a table) for search and print; the charts are drawn to SVG once, here,
 * and kept with the edition with its links, in the same transaction.
 * @throws DomainError `validation_failed` (field by field: `title`, `policyDocumentIds`,
 *   `blocks.<n>.<field>`), `invalid_transition` (an edition is in review), `not_found`, `forbidden`.
 */
export async function submitGraphicInterpretation(options: {
  uow: UnitOfWork<InterpretationStores>;
  stores: InterpretationStores;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  maxUploadBytes: number;
  charts: ChartRenderer;
  actor: Actor;
  orgId: string;
  /** The interpretation's document, for its next edition; null for a new one. */
  documentId: string | null;
  input: GraphicInterpretationInput;
  /** A video interpretation's files (video, captions, cover), kept as the edition's attachments. */
  uploads?: readonly GeneratedFile[];
}): Promise<{ document: GovDocument; edition: Edition }> {
  const now = options.clock.now();
  const { input } = options;
  const issues: FieldIssue[] = [];
  const title = input.title.trim();
  if (title === '') issues.push({ field: 'title', message: INTERPRETATION_TEXT.titleRequired });
  else if ([...title].length > MAX_TITLE)
    issues.push({ field: 'title', message: INTERPRETATION_TEXT.titleTooLong(MAX_TITLE) });

  const { editions: policies, issues: policyIssues } = await liveLinked(
    options.stores.documents,
    input.policyDocumentIds,
    {
      field: 'policyDocumentIds',
      max: MAX_POLICIES,
      tooMany: INTERPRETATION_TEXT.tooManyPolicies,
      notPublished: INTERPRETATION_TEXT.policyNotPublished,
    },
  );
  if (input.policyDocumentIds.every((id) => id.trim() === '')) {
    issues.push({ field: 'policyDocumentIds', message: INTERPRETATION_TEXT.policyRequired });
  }
  issues.push(...policyIssues);

  const kind = input.kind ?? 'graphic';
  const checked = checkInterpretation(kind, input.blocks, chinaDate(now));
  if (!checked.ok) {
    for (const issue of checked.issues) {
      issues.push({
        field: issue.block === null ? 'blocks' : `blocks.${issue.block}.${issue.field}`,
        message: issue.message,
      });
    }
  }
  if (issues.length > 0 || !checked.ok) throw new DomainError('validation_failed', { fields: issues });

  const org = await options.stores.orgs.getById(options.orgId);
  if (!org) throw new DomainError('not_found');
  // Drawn once, before the transaction: the page and the new-media bundle show these.
  const blocks: ContentBlock[] = await Promise.all(
    checked.blocks.map(async (block) =>
      block.kind === 'chart' && block.chartType !== 'table'
        ? { ...block, svg: await options.charts.svg({ ...block, type: block.chartType }) }
        : block,
    ),
  );
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
      topic: policies[0]!.content.topic,
      genre: '政策解读',
      bodyHtml: contentBodyHtml(blocks),
      changeNote: input.changeNote ?? null,
    },
    attachments: options.uploads ?? [],
    alongside: async (stores, result) => {
      const before = await stores.interpretations.forEdition(result.edition.id);
      const record: InterpretationEdition = {
        editionId: result.edition.id,
        documentId: result.document.id,
        kind,
        blocks,
        policyDocumentIds: policies.map((p) => p.documentId),
        savedAt: now.toISOString(),
      };
      await stores.interpretations.save(record);
      await stores.audit.append(
        interpretationEntry(auditActor(options.actor), now, {
          action: 'interpretation.submitted',
          entityType: 'interpretation',
          entityId: result.document.id,
          orgId: org.id,
          before: before ? withoutDrawings(before) : undefined,
          after: withoutDrawings(record),
        }),
      );
    },
  });
}

/** The record as the audit log keeps it: the data, not the SVG drawn from it. */
function withoutDrawings(record: InterpretationEdition) {
  return { ...record, blocks: record.blocks.map((b) => (b.kind === 'chart' ? { ...b, svg: undefined } : b)) };
}
