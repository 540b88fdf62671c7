import { auditActor, type Actor } from '../../access/index.ts';
import type { FileSniffer, FileStorage } from '../../documents/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import {
  checkMedia,
  checkPhoto,
  checkPhotoText,
  nextInterviewState,
  type InterviewMedia,
  type MediaFile,
} from '../domain/interview.ts';
import { interviewPhotoPath } from '../views/interview-paths.ts';
import { loadInterviewForChange, type InterviewStores } from './interview-stores.ts';

/** File content as the storage port takes it (an upload's temporary file). */
type FileContent = Parameters<FileStorage['put']>[0];

/** An uploaded photo: its content (a temporary file), and where and under what limit it is stored. */
export type PhotoUpload = {
  content: FileContent;
  sizeBytes: number;
  files: FileStorage;
  sniff: FileSniffer;
  maxBytes: number;
};

/**
 * Adds a photo or image to an ended interview: an uploaded photo (JPEG, PNG, WebP or GIF by its
 * bytes, stored and served by the public image route) or a link, with its alt text (required) and
 * caption.
 * @throws DomainError `validation_failed`, `upload_too_large`, `upload_type_not_allowed`,
 *   `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function addInterviewMedia(options: {
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  actor: Actor;
  interviewId: string;
  input: { url: string; alt: string; caption: string };
  photo?: PhotoUpload;
}): Promise<InterviewMedia> {
  const now = options.clock.now();
  const photo = options.photo;
  return options.uow.run(async (stores) => {
    const interview = await loadInterviewForChange(stores, options.actor, options.interviewId);
    nextInterviewState(interview.state, 'add_media');
    const id = newId();
    let media: InterviewMedia;
    if (photo) {
      const contentType = checkPhoto(
        photo.sizeBytes > photo.maxBytes ? undefined : await photo.sniff(photo.content),
        photo.sizeBytes,
        photo.maxBytes,
      );
      const text = checkPhotoText(options.input);
      const file: MediaFile = { sha256: await photo.files.put(photo.content), contentType, sizeBytes: photo.sizeBytes };
      media = {
        id,
        interviewId: interview.id,
        url: interviewPhotoPath(interview.id, id),
        ...text,
        createdAt: now.toISOString(),
        file,
      };
    } else {
      const checked = checkMedia(options.input);
      media = { id, interviewId: interview.id, ...checked, createdAt: now.toISOString(), file: null };
    }
    await stores.interviews.insertMedia(media);
    await stores.interviews.bumpRevision(interview.id);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'interview.media_added',
        entityType: 'interview',
        entityId: interview.id,
        orgId: interview.orgId,
        after: {
          mediaId: media.id,
          url: media.url,
          alt: media.alt,
          ...(media.file ? { contentType: media.file.contentType, sizeBytes: media.file.sizeBytes } : {}),
        },
      }),
    );
    return media;
  });
}
