import { asGraphicBlocks } from '../domain/content.ts';
import type { DocumentPageAdditions } from '../../documents/index.ts';
import { interpretationAdminPanel, type AdminPanelDeps } from './admin-panel.tsx';
import { responseContext } from './concern-views.ts';
import { RespondedConcern } from '../views/concerns.tsx';
import { GraphicBody } from '../views/graphic-body.tsx';
import { InterpretationBox, InterpretedDocuments } from '../views/related.tsx';

/**
 * What interpretations add to documents' public pages: on an interpretation, its charts in place of
 * the text body and the documents it interprets (those still published); on a policy document, the
 * 政策解读 box. Release, interpretation and response are linked both ways (plan §三.2).
 */
export function interpretationPageAdditions(deps: AdminPanelDeps): DocumentPageAdditions {
  const { stores } = deps;
  return {
    forAdminPage: (page) => interpretationAdminPanel(deps, page),
    async forPage({ documentId, editionId }) {
      const [own, published, responded] = await Promise.all([
        stores.interpretations.forEdition(editionId),
        stores.interpretations.publishedFor(documentId),
        responseContext(stores, editionId),
      ]);
      const interpreted = [];
      for (const id of own?.policyDocumentIds ?? []) {
        const live = (await stores.documents.editionsOf(id)).find((e) => e.state === 'published');
        if (live) interpreted.push({ documentId: id, title: live.content.title, docNumber: live.content.docNumber });
      }
      const after = [
        interpreted.length > 0 ? <InterpretedDocuments items={interpreted} /> : null,
        published.length > 0 ? <InterpretationBox items={published} /> : null,
        responded ? (
          <RespondedConcern
            concernId={responded.concern.id}
            title={responded.concern.title}
            linked={responded.linked}
          />
        ) : null,
      ].filter((section) => section !== null);
      return {
        ...(own && own.kind === 'graphic' ? { body: <GraphicBody blocks={asGraphicBlocks(own.blocks)} /> } : {}),
        ...(after.length > 0 ? { after: <>{after}</> } : {}),
      };
    },
  };
}
