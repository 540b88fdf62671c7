import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import {
  submitGeneratedEdition,
  type DocumentStores,
  type Edition,
  type FileSniffer,
  type FileStorage,
  type GovDocument,
} from '../../documents/index.ts';
import { serviceEntry } from '../audit-actions.ts';
import { checkGuide, type ServiceGuideInput } from '../domain/guide.ts';
import { guideBodyHtml } from '../domain/guide-html.ts';
import type { ServiceGuideRecord, ServiceStore } from '../ports.ts';

/** The stores submitting a guide or a bundle works with: the documents module's and its own. */
export type ServiceStores = DocumentStores & { services: ServiceStore };

/** Where the guide sits among the unit's information, besides its elements. */
export type GuideFiling = {
  /** 主题分类 of the document; 综合政务 when not said. */
  topic?: string | undefined;
  /** The standard-catalog entry the guide is filed under (the documents' catalog entry key). */
  catalogEntryKey?: string | null | undefined;
  /** 信息形成或变更日期, required with a catalog entry. */
  formedOn?: string | null | undefined;
  /** 更新说明, when an earlier edition was published. */
  changeNote?: string | null | undefined;
};

/**
 * Sends a service guide (办事指南) for review. A guide is government information of genre 办事指南 in
 * its unit's column, so the documents' workflow carries it: the unit's reviewers publish it and the
 * person who submitted it may not (two persons). Every required element must be present first (see
 * `checkGuide`). The body is the elements as HTML, so the publishing path indexes the guide for search;
 * the elements are kept with the edition, in the same transaction. The first submission creates the
 * document; later ones are its next editions, or correct its draft or returned edition.
 * @throws DomainError `validation_failed` (field by field, named as the guide form names them),
 *   `invalid_transition` (an edition is in review), `not_found`, `forbidden`, `sensitive_data_found`.
 */
export async function submitServiceGuide(options: {
  uow: UnitOfWork<ServiceStores>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  maxUploadBytes: number;
  actor: Actor;
  orgId: string;
  /** The guide's document, for its next edition; null for a new guide. */
  documentId: string | null;
  input: ServiceGuideInput;
  filing?: GuideFiling;
}): Promise<{ document: GovDocument; edition: Edition }> {
  const now = options.clock.now();
  const checked = checkGuide(options.input);
  if (!checked.ok) throw new DomainError('validation_failed', { fields: checked.issues });
  const { guide } = checked;
  const filing = options.filing ?? {};
  try {
    return await submitGeneratedEdition({
      ...options,
      maxBytes: options.maxUploadBytes,
      permission: 'document.draft',
      documentId: options.documentId,
      input: {
        title: guide.name,
        issuer: '',
        writtenOn: chinaDate(now),
        topic: filing.topic || '综合政务',
        genre: '办事指南',
        keywords: [guide.itemType, ...guide.events],
        bodyHtml: guideBodyHtml(guide),
        changeNote: filing.changeNote ?? null,
        catalogEntryKey: filing.catalogEntryKey || null,
        formedOn: filing.formedOn || null,
      },
      attachments: [],
      alongside: async (stores, result) => {
        const before = await stores.services.guideForEdition(result.edition.id);
        const record: ServiceGuideRecord = {
          editionId: result.edition.id,
          documentId: result.document.id,
          guide,
          savedAt: now.toISOString(),
        };
        await stores.services.saveGuide(record);
        await stores.audit.append(
          serviceEntry(auditActor(options.actor), now, {
            action: 'service_guide.submitted',
            entityType: 'service_guide',
            entityId: result.document.id,
            orgId: result.document.orgId,
            before,
            after: record,
          }),
        );
      },
    });
  } catch (error) {
    throw renamedTitle(error);
  }
}

/** The documents' `title` is the guide's or bundle's `name` on its form. */
export function renamedTitle(error: unknown): unknown {
  if (!isDomainError(error, 'validation_failed')) return error;
  return new DomainError('validation_failed', {
    fields: error.fields.map((f) => (f.field === 'title' ? { ...f, field: 'name' } : f)),
  });
}
