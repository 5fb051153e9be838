// The floor under `postview show` for the bench: load marked and lex a post,
// nothing else. bench.mjs bundles this file with esbuild and runs it through
// floor-run.cjs, which loads a bundle exactly as bin/postview.cjs does (V8
// code cache, regular expressions compiled straight to machine code), so the
// two differ only in what postview adds. Usage: node floor-run.cjs BUNDLE FILE
import { readFileSync } from 'node:fs';
import { Lexer } from 'marked';

const tokens = new Lexer({ gfm: true }).lex(readFileSync(process.argv[2], 'utf8'));
if (tokens.length === 0) process.exitCode = 3;
