/**
 * What the public-page benchmarks share: the wording of real regulations, a benchmark district
 * (基准区: 1 + 20 departments + 10 towns × 6 villages) created through the real use case, and
 * published documents spread over it by a seeded generator.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { AppContext } from '../src/app/context.ts';
import { articlesOf, loadRegulationSample, type Regulation } from '../src/demo/content.ts';
import { systemActor } from '../src/modules/access/domain/actor.ts';
import { TOPICS } from '../src/modules/documents/domain/metadata.ts';
import { newDraftEdition, type Edition, type GovDocument } from '../src/modules/documents/domain/workflow.ts';
import { createOrg } from '../src/modules/orgs/commands/create-org.ts';
import type { Org, OrgType } from '../src/modules/orgs/domain/org.ts';
import type { OrgStore } from '../src/modules/orgs/ports.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';

/** Real government wording: the full corpus when the shared folder is there, else the bundled sample. */
export function corpus(): Regulation[] {
  const full = new URL('../../shared/data/corpus/regulations.jsonl.gz', import.meta.url);
  if (!existsSync(full)) return loadRegulationSample();
  return gunzipSync(readFileSync(full))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Regulation);
}

/** Up to 20,000 articles of real regulations, long enough to read as a paragraph. */
export function corpusArticles(): string[] {
  return corpus()
    .flatMap((r) => articlesOf(r))
    .filter((a) => a.length > 60)
    .slice(0, 20_000);
}

/** The benchmark district's units, the district first. */
export async function benchDistrict(app: AppContext): Promise<Org[]> {
  const clock = new FixedClock('2026-11-20T02:00:00Z');
  const actor = systemActor('bench');
  const make = (parentId: string | null, type: OrgType, code: string, name: string) =>
    createOrg({ uow: app.uow, clock, actor, parentId, input: { type, code, name } });
  const district = await make(null, 'district', 'bd', '基准区人民政府');
  const orgs: Org[] = [district];
  for (let i = 0; i < 20; i++) orgs.push(await make(district.id, 'department', `bd-d${i}`, `基准区第${i}局`));
  for (let t = 0; t < 10; t++) {
    const town = await make(district.id, 'town', `bd-t${t}`, `基准区第${t}镇`);
    orgs.push(town);
    for (let v = 0; v < 6; v++) orgs.push(await make(town.id, 'village', `bd-t${t}-v${v}`, `第${t}镇第${v}村`));
  }
  return orgs;
}

/**
 * The `i`-th published document of a seeded run: a unit, a day between 2020 and 2026, a title and
 * body from real articles (`paragraphs` of them), 文号 on four in ten.
 */
export function benchDocument(
  i: number,
  options: { orgs: Org[]; texts: string[]; random: () => number; indexDigits: number; paragraphs: 1 | 2 },
): { org: Org; document: GovDocument; edition: Edition } {
  const { orgs, texts, random } = options;
  const org = orgs[Math.floor(random() * orgs.length)]!;
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 2500) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const text = texts[Math.floor(random() * texts.length)]!;
  const id = newId();
  const document: GovDocument = {
    id,
    orgId: org.id,
    indexNumber: `${org.code}/${date.slice(0, 4)}-${String(i).padStart(options.indexDigits, '0')}`,
    createdAt: day.toISOString(),
    createdBy: 'bench',
    firstPublishedAt: day.toISOString(),
  };
  const docNumber = random() < 0.4 ? `基准发〔${date.slice(0, 4)}〕${i}号` : null;
  const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
  const fieldCode = String(1 + Math.floor(random() * 26)).padStart(2, '0');
  const body =
    options.paragraphs === 2 ? `<p>${text}</p><p>${texts[Math.floor(random() * texts.length)]!}</p>` : `<p>${text}</p>`;
  const draft = newDraftEdition({
    id: newId(),
    documentId: id,
    number: 1,
    actorId: 'bench',
    now: day,
    content: {
      title: text.slice(0, 28).replace(/\s+/g, ''),
      docNumber,
      issuer: org.name,
      writtenOn: date,
      publishedOn: date,
      topic,
      genre: '通知',
      isNormative: false,
      validity: '有效',
      validityOn: null,
      fieldCode,
      keywords: [],
      audiences: [],
      policyTags: [],
      bodyHtml: body,
      changeNote: null,
      isMajor: true,
      catalogEntryKey: null,
      formedOn: null,
    },
  });
  const edition: Edition = {
    ...draft,
    state: 'published',
    publishedAt: day.toISOString(),
    versionMajor: 1,
    versionMinor: 0,
  };
  return { org, document, edition };
}

/** One district unit written straight into the store, for the benchmarks that index rows in bulk. */
export async function benchRootOrg(
  orgs: Pick<OrgStore, 'insert'>,
): Promise<{ id: string; path: string; name: string }> {
  const id = newId();
  const unit = { id, path: `/${id}/`, name: '基准区人民政府' };
  await orgs.insert({
    ...unit,
    parentId: null,
    depth: 0,
    type: 'district',
    code: 'bench',
    shortName: '基准区',
    creditCode: null,
    levels: [],
    sortOrder: 0,
    isDemo: false,
  });
  return unit;
}
