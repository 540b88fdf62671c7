import type { ESLint } from 'eslint';

/** The module-boundaries rule (see eslint-boundaries.js). */
declare const plugin: ESLint.Plugin;
export default plugin;
