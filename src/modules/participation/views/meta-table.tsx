import type { Child } from 'hono/jsx';
import { MetaRow } from '../../../platform/web/components.tsx';
import { periodText } from './format.ts';

/**
 * The table that opens every page of a consultation: the unit that consults and the days comments
 * are taken, then the page's own rows (`MetaRow`s).
 */
export function ConsultationMeta(props: {
  orgName: string;
  consultation: { opensAt: string; closesAt: string };
  children?: Child;
}) {
  return (
    <table class="meta-table">
      <tbody>
        <MetaRow label="发起单位">{props.orgName}</MetaRow>
        <MetaRow label="征求意见时间">{periodText(props.consultation)}</MetaRow>
        {props.children}
      </tbody>
    </table>
  );
}
