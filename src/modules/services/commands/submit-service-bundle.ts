import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
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
import { serviceEntry } from '../audit-actions.ts';
import { checkBundle, type ServiceBundleInput } from '../domain/bundle.ts';
import { bundleBodyHtml } from '../domain/guide-html.ts';
import { mergeMaterials, type BundledService } from '../domain/merge-materials.ts';
import type { ServiceBundleRecord } from '../ports.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { renamedTitle, type ServiceStores } from './submit-service-guide.ts';

/**
 * Sends a 一件事 bundle for review: a document of genre 一件事 whose edition the unit's reviewers
 * publish (two persons), its record kept with the edition in the same transaction. Its services must
 * be published guides (of any unit: one event often spans several). The body lists the services,
 * the merged materials as they stand now, the flow and the promised time limit, so search finds it;
 * the public page merges the materials again from the guides' live editions.
 * @throws DomainError `validation_failed` (`name`, `summary`, `audiences`, `event`, `guides`,
 *   `guides.<n>`, `steps`, `promisedDays`), `invalid_transition`, `not_found`, `forbidden`.
 */
export async function submitServiceBundle(options: {
  uow: UnitOfWork<ServiceStores>;
  stores: ServiceStores;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  maxUploadBytes: number;
  actor: Actor;
  orgId: string;
  documentId: string | null;
  input: ServiceBundleInput;
  changeNote?: string | null | undefined;
}): Promise<{ document: GovDocument; edition: Edition }> {
  const now = options.clock.now();
  const checked = checkBundle(options.input);
  const issues: FieldIssue[] = checked.ok ? [] : [...checked.issues];
  const services: BundledService[] = [];
  for (const [index, raw] of options.input.guideDocumentIds.entries()) {
    const id = raw.trim();
    if (id === '' || services.some((s) => s.documentId === id)) continue;
    const guide = /^[0-9a-z]{16}$/.test(id) ? await options.stores.services.publishedGuide(id) : undefined;
    if (!guide) issues.push({ field: `guides.${index}`, message: SERVICE_TEXT.bundle.guideNotPublished(id) });
    else services.push({ documentId: guide.documentId, name: guide.title, materials: guide.record.materials });
  }
  if (!checked.ok || issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  const { bundle } = checked;
  const merged = mergeMaterials(services);
  try {
    return await submitGeneratedEdition({
      ...options,
      maxBytes: options.maxUploadBytes,
      permission: 'document.draft',
      input: {
        title: bundle.name,
        issuer: '',
        writtenOn: chinaDate(now),
        topic: '综合政务',
        genre: '一件事',
        keywords: [bundle.event],
        bodyHtml: bundleBodyHtml(bundle, services, merged),
        changeNote: options.changeNote ?? null,
      },
      attachments: [],
      alongside: async (stores, result) => {
        const before = await stores.services.bundleForEdition(result.edition.id);
        const record: ServiceBundleRecord = {
          editionId: result.edition.id,
          documentId: result.document.id,
          bundle,
          savedAt: now.toISOString(),
        };
        await stores.services.saveBundle(record);
        await stores.audit.append(
          serviceEntry(auditActor(options.actor), now, {
            action: 'service_bundle.submitted',
            entityType: 'service_bundle',
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
