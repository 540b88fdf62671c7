import { describe, expect, it } from 'vitest';
import { informationProcessingFee } from './fees.ts';

/** 国办函〔2020〕109号 Art. 6: per item and per volume, progressive. */
describe('informationProcessingFee', () => {
  it.each([
    { method: 'item' as const, quantity: 10, already: 0, yuan: 0, why: 'ten items a month are free' },
    { method: 'item' as const, quantity: 11, already: 0, yuan: 100, why: 'the 11th item costs ¥100' },
    { method: 'item' as const, quantity: 30, already: 0, yuan: 2_000, why: 'items 11–30 at ¥100' },
    { method: 'item' as const, quantity: 31, already: 0, yuan: 2_200, why: 'the 31st item costs ¥200' },
    {
      method: 'item' as const,
      quantity: 45,
      already: 0,
      yuan: 2_000 + 2_000 + 5 * 300,
      why: '31–40 at ¥200, 41–45 at ¥300',
    },
    {
      method: 'item' as const,
      quantity: 5,
      already: 8,
      yuan: 300,
      why: 'this month’s earlier items count: items 9–13',
    },
    { method: 'page' as const, quantity: 30, already: 0, yuan: 0, why: 'thirty pages are free' },
    { method: 'page' as const, quantity: 100, already: 0, yuan: 700, why: 'pages 31–100 at ¥10' },
    { method: 'page' as const, quantity: 200, already: 0, yuan: 700 + 2_000, why: 'pages 101–200 at ¥20' },
    { method: 'page' as const, quantity: 250, already: 0, yuan: 700 + 2_000 + 50 * 40, why: 'above 200 at ¥40' },
  ])('$why: $quantity → ¥$yuan', ({ method, quantity, already, yuan }) => {
    const fee = informationProcessingFee(method, quantity, already);
    expect(fee.amountYuan).toBe(yuan);
    expect(fee.tiers.reduce((sum, t) => sum + t.count, 0)).toBe(quantity);
  });

  it.each([0, -1, 2.5, 100_001])('refuses a quantity of %s', (quantity) => {
    expect(() => informationProcessingFee('page', quantity)).toThrow();
  });
});
