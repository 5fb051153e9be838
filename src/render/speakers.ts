// `speakers` as a table: name, number of talks, organisations, years.
import { Chalk } from 'chalk';
import type { Person } from '../query/people.js';
import type { RenderOptions } from '../types.js';
import { renderColumns } from './columns.js';

const NAMES = {
  en: { name: 'Speaker', talks: 'Talks', orgs: 'Organisations', years: 'Years' },
  ko: { name: '발표자', talks: '발표', orgs: '소속', years: '연도' },
};

export function renderSpeakerTable(people: readonly Person[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const names = NAMES[options.lang ?? 'en'];
  return renderColumns(
    [
      { name: names.name, cells: people.map((p) => p.name), maxShare: 0.3, style: (s) => chalk.green(s) },
      { name: names.talks, cells: people.map((p) => String(p.talks.length)), align: 'right' },
      { name: names.orgs, cells: people.map((p) => p.orgs.join(', ')), flexible: true },
      { name: names.years, cells: people.map((p) => yearSpan(p.years)), maxShare: 0.25, style: (s) => chalk.cyan(s) },
    ],
    options.width,
    chalk,
  );
}

/** "2016", "2016–2018" for consecutive years, else "2016, 2019". */
function yearSpan(years: readonly string[]): string {
  if (years.length <= 1) return years.join('');
  const numbers = years.map(Number);
  const consecutive = numbers.every((y, k) => k === 0 || y === numbers[k - 1]! + 1);
  return consecutive ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
}
