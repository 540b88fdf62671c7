import { assetUrl } from '../../../platform/web/assets.ts';
import type { GraphicBlock } from '../domain/graphic.ts';
import { dataHeadings, formatFigure, paragraphs } from '../domain/graphic-html.ts';

/**
 * A graphic interpretation on its public page: headings, text, key figures, and each chart as a
 * figure — the SVG drawn on the server (seen without JavaScript), its caption (title and what it
 * shows) and its data as a table, so the numbers are there for a screen reader and a phone alike.
 */
export function GraphicBody(props: { blocks: readonly GraphicBlock[] }) {
  const drawn = props.blocks.some((block) => block.kind === 'chart' && block.svg);
  return (
    <div class="document-body graphic-body">
      {/* With JavaScript on, the charts show the value under a pointer or a tap (public/charts.js). */}
      {drawn ? <script src={assetUrl('charts.js')} defer /> : null}
      {props.blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return <h2>{block.text}</h2>;
          case 'text':
            return paragraphs(block.text).map((p) => <p>{p}</p>);
          case 'figure':
            return (
              <p class="key-figure">
                <strong>
                  {formatFigure(block.value)}
                  <span class="key-figure-unit">{block.unit}</span>
                </strong>
                <span>{block.caption}</span>
              </p>
            );
          case 'chart': {
            const id = `chart-${index}`;
            return (
              <figure class="chart" aria-labelledby={`${id}-caption`}>
                {block.svg ? <div class="chart-drawing" dangerouslySetInnerHTML={{ __html: block.svg }} /> : null}
                <figcaption id={`${id}-caption`}>
                  <strong>{block.title}</strong>
                  <span>{block.description}</span>
                </figcaption>
                <div class="table-scroll">
                  <table class="chart-data">
                    <caption>{block.svg ? `${block.title}（数据表）` : block.title}</caption>
                    <thead>
                      <tr>
                        {dataHeadings(block).map((heading) => (
                          <th scope="col">{heading}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {block.data.rows.map((row) => (
                        <tr>
                          <th scope="row">{row.label}</th>
                          {row.values.map((value) => (
                            <td>{formatFigure(value)}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </figure>
            );
          }
          default:
            return null;
        }
      })}
    </div>
  );
}
