// Floor for `npm run bench`: read a file and run marked's bare lexer on it,
// nothing else. Usage: node lexer.mjs FILE
import { readFileSync } from 'node:fs';
import { marked } from 'marked';

const tokens = marked.lexer(readFileSync(process.argv[2], 'utf8'));
if (tokens.length === 0) process.exitCode = 1;
