// Preloaded into the CLI (NODE_OPTIONS=--require) by test/e2e/cli.test.ts:
// counts the regular expressions built with marked's list-bullet pattern
// (its block rules are built from it when marked's module is set up) and
// writes the count to $POSTVIEW_MARKED_PROBE at exit. postview's own
// expressions write the bullet as [-*+], so they are not counted.
'use strict';
const { writeFileSync } = require('node:fs');

const Native = RegExp;
const BULLET = '(?:[*+-]|\\d{1,9}[.)])';
let built = 0;
globalThis.RegExp = new Proxy(Native, {
  construct(target, args, newTarget) {
    const source = args[0] instanceof Native ? args[0].source : String(args[0]);
    if (source.includes(BULLET)) built++;
    return Reflect.construct(target, args, newTarget);
  },
});
process.on('exit', () => writeFileSync(process.env.POSTVIEW_MARKED_PROBE, String(built)));
