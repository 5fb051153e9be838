// Shell completion: `postview completion <shell>` prints the script for
// bash, zsh or fish, generated from the commander program (spec.ts).
import type { Command } from 'commander';
import { renderBash } from './bash.js';
import { renderFish } from './fish.js';
import { describeProgram, type Shell } from './spec.js';
import { renderZsh } from './zsh.js';

export { describeProgram, isShell, SHELLS, type Shell } from './spec.js';

/** The completion script for `shell`, to be sourced or installed. */
export function renderCompletion(shell: Shell, program: Command): string {
  const spec = describeProgram(program);
  switch (shell) {
    case 'bash':
      return renderBash(spec);
    case 'zsh':
      return renderZsh(spec);
    case 'fish':
      return renderFish(spec);
  }
}
