import type { Child } from 'hono/jsx';
import { chinaDate } from '../../../platform/clock.ts';
import type { CatalogEntry } from '../domain/entry.ts';

/** "2026-03-02", the publication date in China time. */
export function publishedOn(instant: string | null): string {
  return instant ? chinaDate(new Date(instant)) : '—';
}

/** Text whose lines are kept as line breaks (multi-line catalog cells). */
export function Lines(props: { text: string }) {
  const lines = props.text.split('\n');
  return <>{lines.map((line, i) => (i === 0 ? line : [<br />, line]))}</>;
}

/** A wide table: it scrolls sideways inside its own box on a phone and never widens the page. */
export function ScrollBox(props: { labelId: string; children?: Child }) {
  // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.labelId} tabindex={0}>
      {props.children}
    </div>
  );
}

/** An entry's name: its 一级事项, and its 二级事项 after a colon when it has one. */
export function entryLabel(entry: CatalogEntry): string {
  return entry.itemL2 ? `${entry.itemL1}：${entry.itemL2}` : entry.itemL1;
}
