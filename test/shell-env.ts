// A clean environment for running completion scripts in bash, zsh and fish:
// `bin` first on PATH (where a stand-in or shim `postview` lives), and a
// private HOME so no user configuration is read.
import { join } from 'node:path';

export function shellEnv(bin: string, home: string): Record<string, string> {
  return {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    LANG: 'C.UTF-8',
  };
}

/**
 * A bash script that runs `source` (a command that loads postview's completion),
 * fills COMP_* as bash would for its arguments (the last is the word at the
 * cursor), calls the completion function and prints COMPREPLY, one a line.
 * Run it as `bash -c SCRIPT bash WORD...`.
 */
export function bashCompletionHarness(source: string): string {
  return `
${source} || exit 9
fn=$(complete -p postview | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')
[ -n "$fn" ] || exit 8
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$*"
COMP_POINT=\${#COMP_LINE}
COMPREPLY=()
"$fn" postview "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"
`;
}
