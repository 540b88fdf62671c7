import type { Child } from 'hono/jsx';
import { chinaDateTime } from '../../../platform/clock.ts';
import { MetaRow } from '../../../platform/web/components.tsx';
import type { LimitPolicy, SurveyPhase } from '../domain/survey.ts';
import { SURVEY_TEXT } from '../domain/survey-strings.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';

/** 2026-03-02 10:00 至 2026-03-31 18:00: when a survey takes answers, China time. */
export function surveyPeriod(survey: { opensAt: string; closesAt: string }): string {
  return `${chinaDateTime(survey.opensAt)} 至 ${chinaDateTime(survey.closesAt)}`;
}

/** How often one may answer, in words. */
export function limitText(limit: LimitPolicy): string {
  return limit.kind === 'per_device'
    ? SURVEY_TEXT.policies.per_device(limit.perAddressPerDay)
    : SURVEY_TEXT.policies.one_per_person;
}

/** A survey's phase as a tag. */
export function PhaseTag(props: { phase: SurveyPhase }) {
  return <span class={`tag phase-${props.phase}`}>{SURVEY_TEXT.phases[props.phase]}</span>;
}

/** The table that opens a survey's pages: unit, period, limit and phase, then the page's own rows. */
export function SurveyMeta(props: {
  orgName: string;
  survey: { opensAt: string; closesAt: string; limit: LimitPolicy };
  phase: SurveyPhase;
  children?: Child;
}) {
  const T = SURVEY_PAGE_TEXT;
  return (
    <table class="meta-table">
      <tbody>
        <MetaRow label={T.org}>{props.orgName}</MetaRow>
        <MetaRow label={T.period}>{surveyPeriod(props.survey)}</MetaRow>
        <MetaRow label={T.limit}>{limitText(props.survey.limit)}</MetaRow>
        <MetaRow label={T.state}>
          <PhaseTag phase={props.phase} />
        </MetaRow>
        {props.children}
      </tbody>
    </table>
  );
}
