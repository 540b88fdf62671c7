import type { Child } from 'hono/jsx';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { uncoveredWarning, type WorkingCalendar } from '../../../platform/working-days.ts';
import type { DocumentStore } from '../../documents/index.ts';
import { interpretationTimeliness } from '../domain/timeliness.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { ConcernStore, InterpretationStore } from '../ports.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import { TimelinessPanel, type TimelinessRow } from '../views/timeliness-panel.tsx';
import { MediaExportLinks } from '../views/new-media-links.tsx';

const T = INTERPRETATION_TEXT.timeliness;

/** What the back-office panel reads. */
export type AdminPanelDeps = {
  stores: { interpretations: InterpretationStore; documents: DocumentStore; concerns: ConcernStore; orgs: OrgStore };
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
};

/**
 * The 3-working-day rule on a document's back-office page (plan §三.5, rule 4 of the indicators):
 * an interpretation shows each policy it interprets with the day it was due and whether it came in
 * time; a normative document, or one that has interpretations, shows them the same way, or that none
 * is published yet and by when the graphic one is due. Dates are the live editions' publication dates,
 * as the dashboard's coverage counts them. Null for any other document.
 */
export async function interpretationAdminPanel(
  deps: AdminPanelDeps,
  page: { documentId: string; editionId: string },
): Promise<Child | null> {
  const { stores } = deps;
  const liveOf = async (documentId: string) =>
    (await stores.documents.editionsOf(documentId)).find((e) => e.state === 'published');
  const [own, interpretations, live] = await Promise.all([
    stores.interpretations.forEdition(page.editionId),
    stores.interpretations.publishedFor(page.documentId),
    liveOf(page.documentId),
  ]);
  const today = chinaDate(deps.clock.now());
  const calendar = await deps.calendar();
  const years = new Set<number>();
  const row = (
    documentId: string,
    title: string,
    policyOn: string,
    publishedOn: string | null,
    kind?: TimelinessRow['kind'],
  ): TimelinessRow => {
    const timeliness = interpretationTimeliness(calendar, policyOn, publishedOn, today);
    timeliness.uncoveredYears.forEach((year) => years.add(year));
    return { documentId, title, kind, publishedOn, timeliness };
  };

  if (own) {
    const ownOn = live?.content.publishedOn ?? null;
    const rows: TimelinessRow[] = [];
    for (const policyId of own.policyDocumentIds) {
      const policy = await liveOf(policyId);
      if (policy?.content.publishedOn)
        rows.push(row(policyId, policy.content.title, policy.content.publishedOn, ownOn));
    }
    return (
      <TimelinessPanel
        heading={T.ofInterpretation}
        rows={rows}
        warning={uncoveredWarning([...years].sort())}
        actions={
          <>
            <p>
              <a class="button" href={`/admin/interpretations/${encodeURIComponent(page.documentId)}/edit`}>
                {T.edit}
              </a>
            </p>
            <MediaExportLinks documentId={page.documentId} />
          </>
        }
      />
    );
  }

  const policyOn = live?.content.publishedOn;
  if (!live || !policyOn || (!live.content.isNormative && interpretations.length === 0)) return null;
  const rows = interpretations.map((item) => row(item.documentId, item.title, policyOn, item.publishedOn, item.kind));
  const pending = row(page.documentId, live.content.title, policyOn, null).timeliness;
  return (
    <TimelinessPanel
      heading={T.ofPolicy}
      rows={rows}
      empty={
        <p class={`notice${pending.state === 'overdue' ? ' notice-warning' : ''}`} role="note">
          {T.none(pending.dueOn)}
          {pending.state === 'overdue' ? ` ${T.overdue(pending.dueOn, pending.workingDaysLate)}` : ''}
        </p>
      }
      warning={uncoveredWarning([...years].sort())}
      actions={
        <p>
          <a class="button" href={`/admin/interpretations/new?policy=${encodeURIComponent(page.documentId)}`}>
            {T.newGraphic}
          </a>
        </p>
      }
    />
  );
}
