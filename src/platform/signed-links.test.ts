import { describe, expect, it } from 'vitest';
import { signLink, verifyLink } from './signed-links.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = new Date('2026-10-09T02:00:00Z');

describe('signed links', () => {
  const token = signLink(SECRET, 'letter:r1', new Date('2026-10-09T03:00:00Z'));

  it.each([
    { label: 'the subject it was signed for, in time', subject: 'letter:r1', token, at: NOW, valid: true },
    { label: 'another subject', subject: 'letter:r2', token, at: NOW, valid: false },
    { label: 'after its expiry', subject: 'letter:r1', token, at: new Date('2026-10-09T03:00:01Z'), valid: false },
    {
      label: 'a later expiry written in',
      subject: 'letter:r1',
      token: token.replace(/^\d+/, '9999999999'),
      at: NOW,
      valid: false,
    },
    {
      label: 'another secret',
      subject: 'letter:r1',
      token: signLink(`${SECRET}x`, 'letter:r1', new Date('2026-10-09T03:00:00Z')),
      at: NOW,
      valid: false,
    },
    { label: 'garbage', subject: 'letter:r1', token: 'x.y', at: NOW, valid: false },
  ])('$label: $valid', ({ subject, token: given, at, valid }) => {
    expect(verifyLink(SECRET, subject, given, at)).toBe(valid);
  });
});
