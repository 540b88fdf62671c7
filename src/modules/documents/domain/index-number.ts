/**
 * 索引号: the unique number every item of government information carries in the column
 * (国办发〔2008〕36号 and the catalog practice that followed): the publishing unit's code, the year
 * of publication and a serial number within that unit and year, e.g. "990101-001/2026-00012".
 */
export function formatIndexNumber(orgCode: string, year: number, serial: number): string {
  return `${orgCode}/${year}-${String(serial).padStart(5, '0')}`;
}

const INDEX_NUMBER = /^([A-Za-z0-9-]{2,32})\/(\d{4})-(\d{5,})$/;

/** Splits an index number into its parts, or undefined when it is not one. */
export function parseIndexNumber(value: string): { orgCode: string; year: number; serial: number } | undefined {
  const match = INDEX_NUMBER.exec(value);
  if (!match) return undefined;
  return { orgCode: match[1]!, year: Number(match[2]), serial: Number(match[3]) };
}
