import { paragraphs } from '../domain/graphic-html.ts';

/** Where a video interpretation's files are served, by the name each was uploaded with. */
export type VideoSources = { video?: { href: string; type: string }; captions?: string; poster?: string };

/**
 * A video interpretation (视频/动漫) on its public page: the player with its captions on by default
 * and its cover, then the description, which is also what a reader without video gets. Nothing
 * plays until asked (`preload="none"`): a visitor on a phone pays for the video only if they want it.
 */
export function VideoBody(props: { description: string; sources: VideoSources }) {
  const { video, captions, poster } = props.sources;
  return (
    <div class="document-body video-body">
      {video ? (
        <figure class="video">
          <video controls preload="none" poster={poster} aria-describedby="video-description">
            <source src={video.href} type={video.type} />
            {captions ? <track kind="captions" src={captions} srclang="zh-Hans" label="中文字幕" default /> : null}
          </video>
        </figure>
      ) : null}
      <div id="video-description">
        {paragraphs(props.description).map((p) => (
          <p>{p}</p>
        ))}
      </div>
    </div>
  );
}
