import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { isInSubtree } from '../../../platform/subtree.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkDecision, type DecisionInput, type MajorDecision } from '../domain/decision.ts';
import { DECISION_TEXT } from '../domain/decision-strings.ts';
import type { ConsultationStore, DecisionStore } from '../ports.ts';

export type DecisionStores = {
  decisions: DecisionStore;
  consultations: ConsultationStore;
  orgs: OrgStore;
  audit: AuditLog;
};

/**
 * Lists a decision item in the year's directory, or changes one (its status as it moves on, the
 * methods used, the consultation and the result). Interaction officers of the unit's subtree may
 * (互动交流经办人); moving an item to another unit needs the permission in both.
 * @throws DomainError `validation_failed`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function saveDecision(options: {
  uow: UnitOfWork<DecisionStores>;
  clock: Clock;
  actor: Actor;
  decisionId: string | null;
  input: DecisionInput;
}): Promise<MajorDecision> {
  const now = options.clock.now().toISOString();
  const fields = checkDecision(options.input);
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(fields.orgId);
    if (!org)
      throw new DomainError('validation_failed', { fields: [{ field: 'orgId', message: DECISION_TEXT.orgRequired }] });
    requirePermission(options.actor, 'interaction.handle', org.path);
    if (fields.consultationId !== null) {
      const consultation = await stores.consultations.get(fields.consultationId);
      const consulting = consultation ? await stores.orgs.getById(consultation.orgId) : undefined;
      if (!consulting || !isInSubtree(consulting.path, org.path)) {
        throw new DomainError('validation_failed', {
          fields: [{ field: 'consultationId', message: DECISION_TEXT.consultationUnknown }],
        });
      }
    }
    let before: MajorDecision | undefined;
    if (options.decisionId !== null) {
      before = await stores.decisions.get(options.decisionId);
      const beforeOrg = before ? await stores.orgs.getById(before.orgId) : undefined;
      if (!before || !beforeOrg) throw new DomainError('not_found');
      requirePermission(options.actor, 'interaction.handle', beforeOrg.path);
    }
    const decision: MajorDecision = {
      ...fields,
      id: before?.id ?? newId(),
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await stores.decisions.save(decision);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), options.clock.now(), {
        action: before ? 'decision.edited' : 'decision.listed',
        entityType: 'major_decision',
        entityId: decision.id,
        orgId: decision.orgId,
        ...(before ? { before: { status: before.status, methods: before.methods, orgId: before.orgId } } : {}),
        after: { year: decision.year, status: decision.status, methods: decision.methods, orgId: decision.orgId },
      }),
    );
    return decision;
  });
}
