import { z } from 'zod';
import { fieldList } from '../../../platform/http/forms.ts';
import { CHOICE_KINDS, noChoices, type Choices } from '../domain/choices.ts';
import type { SiteIdentity } from '../commands/stores.ts';
import type { NotificationWebDeps } from './deps.ts';

/** The checkboxes of each kind as posted (the domain check decides what is allowed). */
export function postedChoices(fields: Record<string, string | string[]>): Choices {
  const choices = noChoices();
  for (const kind of CHOICE_KINDS) choices[kind] = fieldList(fields, kind).map((value) => value.slice(0, 40));
  return choices;
}

/** The link parameters of a subscriber's own pages. */
export const LinkParams = z.object({
  id: z.string().regex(/^[0-9a-z]{16}$/),
  token: z.string().regex(/^\d{1,12}\.[A-Za-z0-9_-]{43}$/),
});

export async function siteOf(deps: NotificationWebDeps): Promise<SiteIdentity> {
  return { name: (await deps.siteSettings.get()).siteName, publicUrl: deps.config.publicUrl, secret: deps.secret };
}
