// The hostile shapes of test/hostile-shapes.ts at full size (2 MB lines,
// 20,000 sessions, 3,000 nested lists...), through the built CLI: each run
// must finish within QUICK_MS. Seconds each by design: `npm run test:slow`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type Run } from '../e2e/run-cli.js';
import { expectShapeHandled, hostileShapes } from '../hostile-shapes.js';

const TMP = mkdtempSync(join(tmpdir(), 'postview-slow-shapes-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Wall time allowed for any one run. */
const QUICK_MS = 15_000;

async function timed(args: string[]): Promise<Run> {
  const started = Date.now();
  const run = runCli(args);
  const took = Date.now() - started;
  if (took > QUICK_MS) throw new Error(`postview ${args.join(' ').slice(0, 80)} took ${took} ms`);
  return run;
}

const shapes = hostileShapes(1);

it.each(Object.keys(shapes))('%s, full size: renders or exits 2 with a message, for every command', async (name) => {
  await expectShapeHandled(name, shapes[name]!(), TMP, timed);
});
