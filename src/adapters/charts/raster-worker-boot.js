// Worker threads do not inherit the TypeScript loader of the main thread; register it, then run
// the worker's TypeScript source.
import { register } from 'tsx/esm/api';

register();
await import('./raster-worker.ts');
