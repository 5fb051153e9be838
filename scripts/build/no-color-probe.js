// Stands in for chalk's supports-color in the bundle. postview always makes
// its own `new Chalk({ level })` from what src/env.ts decided once, so chalk's
// own probing of the terminal at import (tty, os, environment) is never used.
export default { stdout: false, stderr: false };
