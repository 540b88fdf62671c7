import { existsSync } from 'node:fs';

/**
 * What the test machine offers beyond Node: a PostgreSQL server for the second run of the store
 * and route suites, Debian's Chromium for the browser suites, and LibreOffice (headless) to read
 * the letters the product writes. Suites that need a missing part
 * are skipped, and the run says so plainly at the start.
 */
export const POSTGRES_URL = process.env.GONGKAI_TEST_DATABASE_URL;
export const CHROMIUM_PATH = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_POSTGRES = Boolean(POSTGRES_URL);
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const LIBREOFFICE_PATH = process.env.GONGKAI_LIBREOFFICE ?? '/usr/bin/soffice';
export const HAS_LIBREOFFICE = existsSync(LIBREOFFICE_PATH);
