import { asGraphicBlocks } from '../domain/content.ts';
import { attachmentPath, type DocumentPageAdditions } from '../../documents/index.ts';
import { VideoBody } from '../views/video-body.tsx';
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
      const video = own?.kind === 'video' ? own.blocks.find((block) => block.kind === 'video') : undefined;
      if (video) {
        const files = new Map((await stores.documents.attachmentsOf(editionId)).map((a) => [a.fileName, a]));
        const videoFile = files.get(video.video);
        const captions = files.get(video.captions);
        const poster = files.get(video.poster);
        return {
          body: (
            <VideoBody
              description={video.description}
              sources={{
                ...(videoFile ? { video: { href: attachmentPath(videoFile), type: videoFile.mediaType } } : {}),
                ...(captions ? { captions: attachmentPath(captions) } : {}),
                ...(poster ? { poster: attachmentPath(poster) } : {}),
              }}
            />
          ),
          ...(after.length > 0 ? { after: <>{after}</> } : {}),
        };
      }
      return {
        ...(own && own.kind === 'graphic' ? { body: <GraphicBody blocks={asGraphicBlocks(own.blocks)} /> } : {}),
        ...(after.length > 0 ? { after: <>{after}</> } : {}),
      };
    },
  };
}
