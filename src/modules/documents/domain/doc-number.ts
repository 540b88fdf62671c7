/**
 * 文号 (document numbers): "机关代字〔年份〕序号号" as GB/T 9704-2012 §7.2.4 prescribes, e.g.
 * 示政办发〔2026〕12号, where the year sits in hexagonal brackets 〔〕; and the "令" form of
 * regulations, e.g. 国务院令第711号. People type the year in [], (), （）, 【】 or [ ]; all are
 * normalised to 〔〕, and a leading zero in the serial number is dropped (GB/T 9704 §7.2.4: "不加'第'字,
 * 不编虚位").
 */
const YEAR_BRACKETS = /[[(（【［〔]\s*(\d{4})\s*[\])）】］〕]/;
const STANDARD_FORM = /^([\p{Script=Han}A-Za-z]{1,20})〔(\d{4})〕(\d{1,5})号$/u;
const DECREE_FORM = /^([\p{Script=Han}A-Za-z]{1,30}令)第(\d{1,5})号$/u;

export type DocNumberResult = { ok: true; value: string } | { ok: false; reason: string };

/** Normalises a 文号 and checks its shape; the year must lie between 1949 and `maxYear`. */
export function normalizeDocNumber(input: string, maxYear: number): DocNumberResult {
  // NFKC folds full-width digits and brackets (２０２６, （）) into their plain forms first.
  const compact = input.normalize('NFKC').replace(/\s+/g, '').replace(/號/g, '号');
  if (compact === '') return { ok: false, reason: 'empty' };
  const bracketed = compact.replace(YEAR_BRACKETS, '〔$1〕');
  const decree = DECREE_FORM.exec(bracketed);
  if (decree) {
    const serial = Number(decree[2]);
    return serial < 1 ? { ok: false, reason: 'serial' } : { ok: true, value: `${decree[1]}第${serial}号` };
  }
  const standard = STANDARD_FORM.exec(bracketed);
  if (!standard) return { ok: false, reason: 'shape' };
  const year = Number(standard[2]);
  if (year < 1949 || year > maxYear) return { ok: false, reason: 'year' };
  const serial = Number(standard[3]);
  if (serial < 1) return { ok: false, reason: 'serial' };
  return { ok: true, value: `${standard[1]}〔${year}〕${serial}号` };
}
