import { uncoveredWarning } from '../../../platform/working-days.ts';
import type { ReplyDeadline } from '../domain/clock.ts';

/** A due date with the working days left, or how many it is overdue (条例 Art. 33). */
export function DeadlineText(props: { deadline: ReplyDeadline | null }) {
  const d = props.deadline;
  if (!d) return <>—</>;
  const warning = uncoveredWarning(d.uncoveredYears);
  return (
    <span class={d.workingDaysLeft < 0 ? 'overdue' : undefined}>
      {d.dueOn}
      {d.workingDaysLeft < 0
        ? `（已逾期${-d.workingDaysLeft}个工作日）`
        : d.workingDaysLeft === 0
          ? '（今天到期）'
          : `（剩余${d.workingDaysLeft}个工作日）`}
      {d.isPaused ? '（计时暂停中）' : ''}
      {warning ? <span class="hint"> {warning}</span> : null}
    </span>
  );
}
