import { describe, expect, it } from 'vitest';
import { isValidIdNumber, mask, validateApplication, type ApplicationInput } from './application.ts';
import { normaliseTrackingCode, trackingCodeFrom } from './request.ts';
import { PERSON } from './request.fixture.ts';

const ORGANISATION: ApplicationInput = {
  ...PERSON,
  applicantKind: 'legal',
  organisationKind: 'legal_service',
  name: '示范律师事务所（演示）',
  idType: 'credit_code',
  idNumber: '91350100M000100Y43',
  contactPerson: '李示范',
};

/** 条例 Art. 29: name, proof of identity and contact; the information; its form and delivery. */
describe('validateApplication (条例 Art. 29)', () => {
  it.each([
    { label: 'a complete application by a person', input: PERSON, fields: [] },
    { label: 'a complete application by an organisation', input: ORGANISATION, fields: [] },
    { label: 'a landline with area code and extension', input: { ...PERSON, phone: '0591-87654321-123' }, fields: [] },
    { label: 'no applicant kind', input: { ...PERSON, applicantKind: null }, fields: ['applicantKind'] },
    {
      label: 'an organisation without its kind',
      input: { ...ORGANISATION, organisationKind: null },
      fields: ['organisationKind'],
    },
    {
      label: 'an organisation without a contact person',
      input: { ...ORGANISATION, contactPerson: '' },
      fields: ['contactPerson'],
    },
    {
      label: 'a person giving a credit code',
      input: { ...PERSON, idType: 'credit_code' as const },
      fields: ['idType'],
    },
    {
      label: 'an organisation giving a passport',
      input: { ...ORGANISATION, idType: 'passport' as const },
      fields: ['idType'],
    },
    { label: 'a wrong ID check digit', input: { ...PERSON, idNumber: '330106199003071235' }, fields: ['idNumber'] },
    {
      label: 'a wrong credit-code check character',
      input: { ...ORGANISATION, idNumber: '91350100M000100Y44' },
      fields: ['idNumber'],
    },
    { label: 'no ID number', input: { ...PERSON, idNumber: '' }, fields: ['idNumber'] },
    { label: 'no phone', input: { ...PERSON, phone: '' }, fields: ['phone'] },
    { label: 'a phone of letters', input: { ...PERSON, phone: 'call me' }, fields: ['phone'] },
    {
      label: 'e-mail delivery without an address',
      input: { ...PERSON, delivery: 'email' as const },
      fields: ['email'],
    },
    { label: 'a malformed e-mail', input: { ...PERSON, email: 'zhang@' }, fields: ['email'] },
    {
      label: 'post without an address',
      input: { ...PERSON, form: 'paper' as const, delivery: 'post' as const },
      fields: ['address'],
    },
    {
      label: 'paper delivered by e-mail',
      input: { ...PERSON, form: 'paper' as const, email: 'a@b.cn', delivery: 'email' as const },
      fields: ['delivery'],
    },
    { label: 'a five-digit postcode', input: { ...PERSON, postcode: '35010' }, fields: ['postcode'] },
    {
      label: 'a description of four characters',
      input: { ...PERSON, description: '招生计划' },
      fields: ['description'],
    },
    {
      label: 'a description over 2,000 characters',
      input: { ...PERSON, description: '字'.repeat(2001) },
      fields: ['description'],
    },
    {
      label: 'nothing chosen',
      input: { ...PERSON, applicantKind: null, idType: null, form: null, delivery: null },
      fields: ['applicantKind', 'idType', 'form', 'delivery'],
    },
  ])('$label → $fields', ({ input, fields }) => {
    expect(validateApplication(input).map((issue) => issue.field)).toEqual(fields);
  });
});

describe('identity numbers and masking', () => {
  it.each([
    { type: 'resident_id' as const, number: '11010519491231002X', valid: true },
    { type: 'resident_id' as const, number: '110105194912310021', valid: false },
    { type: 'credit_code' as const, number: '91350100m000100y43', valid: true },
    { type: 'passport' as const, number: 'E12345678', valid: true },
    { type: 'passport' as const, number: 'E1234-5678', valid: false },
  ])('$type $number is valid: $valid', ({ type, number, valid }) => {
    expect(isValidIdNumber(type, number)).toBe(valid);
  });

  it.each([
    { value: '330106199003071236', masked: '330106********1236' },
    { value: '13800138000', masked: '138****8000' },
    { value: 'zhang.demo@example.cn', masked: 'z***@example.cn' },
    { value: '1234', masked: '****' },
  ])('masks $value as $masked', ({ value, masked }) => {
    expect(mask(value)).toBe(masked);
  });
});

describe('tracking codes', () => {
  it('are YS and ten characters without look-alikes, in two groups', () => {
    expect(trackingCodeFrom(Uint8Array.from([0, 1, 2, 3, 4, 30, 31, 32, 255, 254]))).toBe('YS-23456-Z2398');
    expect(() => trackingCodeFrom(new Uint8Array(9))).toThrow(RangeError);
  });

  it.each([
    { typed: 'ys-23456-z23zy', code: 'YS-23456-Z23ZY' },
    { typed: ' YS 23456 Z23ZY ', code: 'YS-23456-Z23ZY' },
    { typed: '23456z23zy', code: 'YS-23456-Z23ZY' },
    { typed: 'nonsense', code: 'NONSENSE' },
  ])('reads "$typed" as $code', ({ typed, code }) => {
    expect(normaliseTrackingCode(typed)).toBe(code);
  });
});
