/**
 * Characters that change how text is shown without being seen: bidirectional controls, which can
 * make "\u202Egnp.pdf" read as "fdp.png" (Unicode TR36 §2.2, CVE-2021-42574's "Trojan Source"), and
 * zero-width characters, which make a title that looks empty or a name that looks like another.
 */
const INVISIBLE_CONTROLS = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The text without bidirectional controls and zero-width characters. */
export function stripInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}

/** True when the text has at least one character a reader can see (not only spaces and controls). */
export function hasVisibleCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[^\s\u0000-\u001f\u007f-\u009f\u3000]/.test(stripInvisibleControls(text));
}

/** An e-mail address as people type it: something@host.tld, no spaces, at most 200 characters. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 200 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
