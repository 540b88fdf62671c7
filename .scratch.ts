import { createWorkerSanitiser } from './src/adapters/sanitiser/worker-sanitiser.ts';
const s = createWorkerSanitiser({ timeBudgetMs: 300 });
const t0 = performance.now();
console.log(await s.sanitise('<p onclick="x">hi<script>x</script></p>'), performance.now()-t0);
try { await s.sanitise('<b>'.repeat(1_300_000)); } catch (e) { console.log('too complex:', (e as Error).message, performance.now()-t0); }
const big = ('<li>a'.repeat(99000));
try { console.log((await s.sanitise('<ul>'+big)).length); } catch (e) { console.log('budget:', (e as Error).message, performance.now()-t0); }
console.log(await s.sanitise('<p>after</p>'), performance.now()-t0);
const many = await Promise.all(Array.from({length: 50}, (_, i) => s.sanitise(`<p>${i}</p>`)));
console.log(many.length, performance.now()-t0);
