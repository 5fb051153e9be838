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
