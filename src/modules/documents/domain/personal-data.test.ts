import { describe, expect, it } from 'vitest';
import { findPersonalData, htmlToPlainText, isValidIdCardNumber, passesLuhn } from './personal-data.ts';

/*
 * Identity numbers worked by hand (GB 11643-1999): weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * check character '10X98765432'[sum mod 11].
 *
 * 11010519491231002?: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2
 *   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'.
 * 33010619900307123?: 3·7+3·9+0·10+1·5+0·8+6·4+1·2+9·1+9·6+0·3+0·7+3·9+0·10+7·5+1·8+2·4+3·2
 *   = 21+27+0+5+0+24+2+9+54+0+0+27+0+35+8+8+6 = 226; 226 mod 11 = 6 → '6'.
 * 33010619900230123? (born 30 February): 21+27+0+5+0+24+2+9+54+0+0+2·9+3·10+0·5+1·8+2·4+3·2
 *   = 212; 212 mod 11 = 3 → '9', so 330106199002301239 has a right check digit but no real birth date.
 */
const ID_ENDING_IN_X = '11010519491231002X';
const ID_VALID = '330106199003071236';
/** ID_VALID with its check digit changed; its Luhn sum is 61, so it is not a bank card either. */
const ID_BAD_CHECKSUM = '330106199003071235';
/** Right check digit, impossible birth date; Luhn sum 63, so not a bank card either. */
const ID_FEBRUARY_30 = '330106199002301239';

/*
 * Bank cards worked by hand (Luhn: from the right, double every second digit, subtract 9 from
 * results over 9, the total must end in 0).
 * 622202100112345?: doubled 5,3,1,0,1,0,2,6 → 1+6+2+0+2+0+4+3 = 18; the rest 4+2+1+0+2+2+2 = 13;
 *   18+13 = 31, so the check digit is 9.
 * 622848001234567890?: doubled 0,8,6,4,2,0,8,8,2 → 0+7+3+8+4+0+7+7+4 = 40; the rest
 *   9+7+5+3+1+0+4+2+6 = 37; 40+37 = 77, so the check digit is 3.
 */
const CARD_16 = '6222021001123459';
const CARD_16_NOT_LUHN = '6222021001123458';
const CARD_19 = '6228480012345678903';

describe('isValidIdCardNumber', () => {
  it.each([
    { value: ID_VALID, expected: true, why: 'a right check digit' },
    { value: ID_ENDING_IN_X, expected: true, why: 'check character X' },
    { value: '11010519491231002x', expected: true, why: 'check character x in lower case' },
    { value: ID_BAD_CHECKSUM, expected: false, why: 'a wrong check digit' },
    { value: '110105194912310020', expected: false, why: 'a digit where X belongs' },
    { value: ID_FEBRUARY_30, expected: false, why: 'a birth date of 30 February' },
    { value: '33010619901307123X', expected: false, why: 'a birth month 13' },
    { value: '33010619900307123', expected: false, why: '17 characters' },
    { value: '3301061990030712366', expected: false, why: '19 characters' },
    { value: '3301061990030712X6', expected: false, why: 'an X that is not last' },
  ])('is $expected for $why ($value)', ({ value, expected }) => {
    expect(isValidIdCardNumber(value)).toBe(expected);
  });
});

describe('passesLuhn', () => {
  it.each([
    { digits: CARD_16, expected: true },
    { digits: CARD_19, expected: true },
    // The ISO/IEC 7812 textbook example: 7992739871 + check digit 3.
    { digits: '79927398713', expected: true },
    { digits: '79927398710', expected: false },
    { digits: CARD_16_NOT_LUHN, expected: false },
  ])('is $expected for $digits', ({ digits, expected }) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});

describe('findPersonalData', () => {
  it.each([
    { text: `身份证号：${ID_VALID}。`, kind: 'id_card', masked: '330***********1236' },
    { text: `身份证号${ID_ENDING_IN_X}，`, kind: 'id_card', masked: '110***********002X' },
    { text: '联系电话13800138000', kind: 'mobile', masked: '138****8000' },
    { text: '联系电话 138 0013 8000', kind: 'mobile', masked: '138****8000' },
    { text: '联系电话：138-0013-8000', kind: 'mobile', masked: '138****8000' },
    { text: '手机19912345678', kind: 'mobile', masked: '199****5678' },
    { text: `卡号${CARD_16}`, kind: 'bank_card', masked: '622*********3459' },
    { text: '卡号 6222 0210 0112 3459', kind: 'bank_card', masked: '622*********3459' },
    { text: '卡号 6222-0210-0112-3459', kind: 'bank_card', masked: '622*********3459' },
    { text: `卡号${CARD_19}`, kind: 'bank_card', masked: '622************8903' },
    { text: '卡号 6228 4800 1234 5678 903', kind: 'bank_card', masked: '622************8903' },
    { text: '手机１３８００１３８０００（全角数字）', kind: 'mobile', masked: '138****8000' },
    { text: '电话+8613800138000', kind: 'mobile', masked: '138****8000' },
    { text: '电话 8613800138000', kind: 'mobile', masked: '138****8000' },
    { text: '电话138\u00a00013\u00a08000（不换行空格）', kind: 'mobile', masked: '138****8000' },
  ])('finds $kind in "$text", masked as $masked', ({ text, kind, masked }) => {
    expect(findPersonalData(text, 'body')).toEqual([{ kind, masked, where: 'body' }]);
  });

  it.each([
    { what: 'an identity number with a wrong check digit', text: `证件号${ID_BAD_CHECKSUM}` },
    { what: 'an identity number born on 30 February', text: `证件号${ID_FEBRUARY_30}` },
    { what: 'a 16-digit number failing Luhn', text: `编号${CARD_16_NOT_LUHN}` },
    { what: 'a grouped 16-digit number failing Luhn', text: '编号 6222 0210 0112 3458' },
    { what: 'a date', text: '自2026-03-01起施行，2026年3月1日' },
    { what: 'a compact date and time', text: '202603011200' },
    { what: 'a 文号', text: '示政办发〔2026〕12号' },
    { what: 'a 索引号', text: '990101-001/2026-00012' },
    { what: 'a landline with area code', text: '咨询电话0571-87654321' },
    { what: 'a landline with area code, unbroken', text: '咨询电话057187654321' },
    { what: 'a landline with area code, spaced', text: '咨询电话 0571 8765 4321' },
    { what: 'a long amount', text: '合计1234567890.12元' },
    { what: 'eleven decimals of a number', text: '比值3.13800138000' },
    { what: 'a number that looks like a mobile but starts 12', text: '12800138000' },
    { what: 'a mobile-like run of 12 digits', text: '138001380001' },
    { what: 'a mobile inside a longer alphanumeric code', text: 'SN13800138000A' },
    { what: 'a run of 20 digits', text: '62220210011234590000' },
  ])('does not flag $what', ({ text }) => {
    expect(findPersonalData(text, 'body')).toEqual([]);
  });

  it('reports each number once, however often and however it is written', () => {
    const text = '电话13800138000，或138 0013 8000，或138-0013-8000。';
    expect(findPersonalData(text, 'title')).toEqual([{ kind: 'mobile', masked: '138****8000', where: 'title' }]);
  });

  it('reports every kind found in one text, each with where it was found', () => {
    const text = `张三，身份证${ID_VALID}，手机13800138000，卡号${CARD_16}。`;
    expect(findPersonalData(text, 'title')).toEqual([
      { kind: 'id_card', masked: '330***********1236', where: 'title' },
      { kind: 'mobile', masked: '138****8000', where: 'title' },
      { kind: 'bank_card', masked: '622*********3459', where: 'title' },
    ]);
  });

  it('hides the middle digits: the masked value never contains the full number', () => {
    const [finding] = findPersonalData(`身份证${ID_VALID}`, 'body');
    expect(finding?.masked).toHaveLength(ID_VALID.length);
    expect(finding?.masked).not.toContain(ID_VALID.slice(3, 14));
    expect(finding?.masked.slice(3, 14)).toBe('*'.repeat(11));
  });
});

describe('htmlToPlainText', () => {
  it.each([
    { html: '<p>张三</p><p>李四</p>', expected: ' 张三  李四 ' },
    { html: '<p>a&nbsp;b</p>', expected: ' a b ' },
    { html: '&lt;script&gt; &quot;x&quot; &#39;y&#39; a&amp;b', expected: '<script> "x" \'y\' a&b' },
    // &amp;lt; is the text "&lt;", not "<": decoded once only.
    { html: '&amp;lt;', expected: '&lt;' },
    { html: '<a href="tel:13800138000">电话</a>', expected: ' 电话 ' },
  ])('turns $html into plain text', ({ html, expected }) => {
    expect(htmlToPlainText(html)).toBe(expected);
  });

  it('keeps digits in separate cells apart, so they are not read as one number', () => {
    const text = htmlToPlainText('<table><tr><td>1380013</td><td>8000</td></tr></table>');
    expect(findPersonalData(text, 'body')).toEqual([]);
  });

  it('lets the check find a number inside inline markup', () => {
    const text = htmlToPlainText('<p>电话：<strong>13800138000</strong></p>');
    expect(findPersonalData(text, 'body')).toEqual([{ kind: 'mobile', masked: '138****8000', where: 'body' }]);
  });
});
