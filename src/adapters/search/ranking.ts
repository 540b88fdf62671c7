import { sql, type RawBuilder } from 'kysely';

/**
 * Relevance, computed in the application over a bounded set of candidates, the same on SQLite and
 * PostgreSQL. It is BM25 (k1 = 1.2, b = 0.75) per field, the fields weighted like a reader scans a
 * list: title and 文号 10, 索引号 5, body 1. A term's idf is the same for every candidate of a
 * one-phrase query, so it does not change the order and is left out; synonyms count alike.
 *
 * Which entries match is decided by the index, exactly; ranking only orders them. The term
 * frequency is counted by the database on the stored field text, lower-cased: a phrase's longest run
 * of Chinese characters (or its longest word) as a substring, which is where its bigrams occur in a
 * row. Only the counts and lengths leave the database, not the texts.
 */
const K1 = 1.2;
const B = 0.75;
const WEIGHTS = { title: 10, docNumber: 10, indexNumber: 5, body: 1 } as const;
type Field = keyof typeof WEIGHTS;
export const RANKED_FIELDS = Object.keys(WEIGHTS) as Field[];

/** What ranking reads of a candidate: per field the hits and the length in characters. */
export type Candidate = {
  /** The index's row key, newest highest. */
  id: number;
  publishedOn: string;
  hits: Record<Field, number>;
  lengths: Record<Field, number>;
};

/**
 * The text each phrase is counted by: its tokens joined back into runs (overlapping bigrams
 * 社会 会保 保障 → 社会保障), the longest run.
 */
export function needlesOf(phrases: readonly (readonly string[])[]): string[] {
  return phrases.map((phrase) => {
    const runs: string[] = [];
    for (const token of phrase) {
      const last = runs.at(-1);
      const chars = [...token];
      if (last !== undefined && chars.length === 2 && [...last].at(-1) === chars[0] && isHan(chars[0]!)) {
        runs[runs.length - 1] = last + chars[1]!;
      } else runs.push(token);
    }
    return runs.reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
  });
}

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string) => HAN.test(ch);

/** The candidates' ids, best first (ties: newer 发布日期 first, then the newer row). */
export function rankCandidates(candidates: readonly Candidate[]): number[] {
  if (candidates.length === 0) return [];
  const average = (field: Field) =>
    Math.max(1, candidates.reduce((sum, c) => sum + c.lengths[field], 0) / candidates.length);
  const averages = Object.fromEntries(RANKED_FIELDS.map((f) => [f, average(f)])) as Record<Field, number>;
  const scored = candidates.map((candidate) => {
    let score = 0;
    for (const field of RANKED_FIELDS) {
      const tf = Number(candidate.hits[field]);
      if (tf === 0) continue;
      const norm = K1 * (1 - B + (B * Number(candidate.lengths[field])) / averages[field]);
      score += (WEIGHTS[field] * tf * (K1 + 1)) / (tf + norm);
    }
    return { id: candidate.id, score, publishedOn: candidate.publishedOn };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score || (a.publishedOn < b.publishedOn ? 1 : a.publishedOn > b.publishedOn ? -1 : 0) || b.id - a.id,
  );
  return scored.map((s) => s.id);
}

/** The column of search_entries (aliased `e`) each ranked field is read from. */
const COLUMN = { title: 'title', docNumber: 'doc_number', indexNumber: 'index_number', body: 'body_text' } as const;

/** A candidate's row as `statsColumns` selects it. */
export type CandidateRow = { id: number | string; published_on: string } & Record<string, number | string>;

/**
 * The select list giving, for each field, the phrases' hits (occurrences of each needle, counted as
 * the characters `replace` removes) and the length in characters: the same SQL on both databases.
 */
export function statsColumns(phrases: readonly (readonly string[])[]): RawBuilder<unknown> {
  const needles = needlesOf(phrases).filter((n) => n !== '');
  // A needle with no letter that has case (Chinese, digits) occurs in the text exactly where it
  // occurs in the lower-cased text, so the copy lower() makes of every body — most of the cost of
  // ranking a common word — is only made for needles with such letters.
  const folded = needles.some((n) => n.toUpperCase() !== n);
  return sql.join(
    RANKED_FIELDS.flatMap((field) => {
      const column = sql`coalesce(e.${sql.raw(COLUMN[field])}, '')`;
      const text = folded ? sql`lower(${column})` : column;
      const hits =
        needles.length === 0
          ? sql`0`
          : sql.join(
              needles.map(
                (n) => sql`(length(${text}) - length(replace(${text}, ${n}, ''))) / ${sql.lit([...n].length)}`,
              ),
              sql` + `,
            );
      return [sql`${hits} as ${sql.ref(`hits_${field}`)}`, sql`length(${text}) as ${sql.ref(`length_${field}`)}`];
    }),
  );
}

export function candidateOf(row: CandidateRow): Candidate {
  const pick = (prefix: string) =>
    Object.fromEntries(RANKED_FIELDS.map((f) => [f, Number(row[`${prefix}_${f}`])])) as Record<Field, number>;
  return { id: Number(row.id), publishedOn: row.published_on, hits: pick('hits'), lengths: pick('length') };
}
