import { rmSync } from 'node:fs';

export default function globalTeardown() {
  const dir = process.env.TMPDIR;
  if (dir && /postview-tests-[^/]+$/.test(dir)) rmSync(dir, { recursive: true, force: true });
  if (process.env.POSTVIEW_TEST_SYSTEM_TMPDIR !== undefined) process.env.TMPDIR = process.env.POSTVIEW_TEST_SYSTEM_TMPDIR;
}
