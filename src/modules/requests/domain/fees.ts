import { DomainError } from '../../../platform/errors.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * The information-processing fee (信息处理费) an agency may charge when the number or frequency of
 * an applicant's requests is clearly beyond reason (条例 Art. 42), at the rates of
 * 国办函〔2020〕109号《政府信息公开信息处理费管理办法》: per item or per volume, progressive, one
 * method per application, never both.
 */
export type FeeMethod = 'item' | 'page';

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  item: '按件计收',
  page: '按量计收',
};

/** One tier of the charge: how many items or pages at what price (yuan each). */
export type FeeTier = { from: number; to: number; count: number; priceYuan: number };

export type Fee = { method: FeeMethod; quantity: number; amountYuan: number; tiers: FeeTier[] };

/**
 * Per item (办法 Art. 6 (一)): an applicant's first 10 items in a calendar month are free; items 11
 * to 30 cost ¥100 each; from item 31, each further 10 items cost ¥100 more per item (31–40 ¥200,
 * 41–50 ¥300, …). `quantity` counts the items of this month including earlier ones, so a month's
 * applications together reach the tiers.
 *
 * Per volume (办法 Art. 6 (二)): up to 30 pages free; pages 31–100 ¥10 each; 101–200 ¥20 each;
 * above 200 ¥40 each (electronic data counts pages as printed).
 * @throws DomainError `validation_failed` for a quantity that is not a whole number from 1 to 100,000.
 */
export function informationProcessingFee(method: FeeMethod, quantity: number, alreadyCounted = 0): Fee {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) {
    throw new DomainError('validation_failed', { fields: [{ field: 'quantity', message: REQUEST_TEXT.feeQuantity }] });
  }
  const tiers: FeeTier[] = [];
  const first = alreadyCounted + 1;
  const last = alreadyCounted + quantity;
  const charge = (from: number, to: number, priceYuan: number) => {
    const lo = Math.max(from, first);
    const hi = Math.min(to, last);
    if (hi >= lo) tiers.push({ from: lo, to: hi, count: hi - lo + 1, priceYuan });
  };
  if (method === 'item') {
    charge(1, 10, 0);
    charge(11, 30, 100);
    for (let from = 31, price = 200; from <= last; from += 10, price += 100) charge(from, from + 9, price);
  } else {
    charge(1, 30, 0);
    charge(31, 100, 10);
    charge(101, 200, 20);
    charge(201, Number.MAX_SAFE_INTEGER, 40);
  }
  return {
    method,
    quantity,
    amountYuan: tiers.reduce((sum, t) => sum + t.count * t.priceYuan, 0),
    tiers,
  };
}
