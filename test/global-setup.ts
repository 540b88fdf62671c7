import { CHROMIUM_PATH, HAS_CHROMIUM, HAS_LIBREOFFICE, HAS_POSTGRES, LIBREOFFICE_PATH } from './environment.ts';

/** Prints which suites will run and which are skipped, and why. */
export default function setup(): void {
  const lines = [
    HAS_POSTGRES
      ? 'PostgreSQL suites: running against GONGKAI_TEST_DATABASE_URL.'
      : 'PostgreSQL suites: SKIPPED (set GONGKAI_TEST_DATABASE_URL=postgres://… to run the store and route suites on PostgreSQL too; .ci/run does).',
    HAS_CHROMIUM
      ? `Browser suites: running in ${CHROMIUM_PATH}.`
      : `Browser suites: SKIPPED (no Chromium at ${CHROMIUM_PATH}; install Debian's chromium, as .ci/run does).`,
    HAS_LIBREOFFICE
      ? `Letter conversion suites: running with ${LIBREOFFICE_PATH}.`
      : `Letter conversion suites: SKIPPED (no LibreOffice at ${LIBREOFFICE_PATH}; install Debian's libreoffice-writer-nogui and libreoffice-draw-nogui, as .ci/run does).`,
  ];
  process.stdout.write(`\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`);
}
