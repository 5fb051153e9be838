// Every key of `browse`, as text for `browse --help` (and the README).
import type { Lang } from '../i18n.js';
import { browseWords, type KeyHelp } from './words.js';

export function browseKeysHelp(lang: Lang): string {
  const w = browseWords(lang);
  const groups: [string, KeyHelp[]][] = lang === 'ko'
    ? [['글 목록', w.keys.list], ['글 보기', w.keys.page], ['절 목록 (t)', w.keys.tree], ['세션 (s)', w.keys.sessions], ['입력 줄 (/ @)', w.keys.prompt], ['어디서나', w.keys.all]]
    : [['Posts list', w.keys.list], ['Post view', w.keys.page], ['Section tree (t)', w.keys.tree], ['Sessions (s)', w.keys.sessions], ['Typing after / or @', w.keys.prompt], ['Everywhere', w.keys.all]];
  const width = Math.max(...groups.flatMap(([, keys]) => keys.map((k) => k.keys.length))) + 2;
  return groups.map(([title, keys]) => `${title}:\n${keys.map((k) => `  ${k.keys.padEnd(width)}${k.what}`).join('\n')}`).join('\n\n');
}
