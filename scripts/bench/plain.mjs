// Comparison baseline for `npm run bench`: the plain gray-matter + marked +
// marked-terminal pipeline that postview replaces. Usage: node plain.mjs FILE
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { marked } from 'marked';
import { markedTerminal } from 'marked-terminal';

const { content } = matter(readFileSync(process.argv[2], 'utf8'));
marked.use(markedTerminal());
process.stdout.write(marked.parse(content));
