// One temporary folder for the whole run: every worker inherits TMPDIR, so
// os.tmpdir() (and mktemp, in the shells tests start) points into it, and
// the teardown removes it with whatever the tests left there.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  process.env.POSTVIEW_TEST_SYSTEM_TMPDIR = tmpdir();
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'postview-tests-'));
}
