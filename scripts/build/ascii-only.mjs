// Makes a bundle 7-bit ASCII. esbuild escapes non-ASCII characters in strings
// and identifiers, but leaves them in regular expression literals and in
// String.raw templates: one Korean word in a pattern made the whole bundle a
// two-byte string for V8, which then decoded its 360 kB from UTF-8 on every
// start (~6.5 million instructions, against ~1 for the ASCII file; measured
// with valgrind --tool=callgrind, node::fs::ReadFileUtf8).
//   /^(?:트랙|track)$/iu    -> /^(?:\uD2B8\uB799|track)$/iu   (the same pattern)
//   String.raw`(\d)일\s*차` -> String.raw`(\d)${"\uC77C"}\s*${"\uCC28"}`
// A pattern matches the same with a code unit written as \uXXXX (a surrogate
// pair of escapes is one code point under the u and v flags), and a String.raw
// template gives the same string with the characters as substitutions. Any
// other non-ASCII character left (another tag's template) fails the build.
import ts from 'typescript';

const NON_ASCII = /[^\x00-\x7f]/;
const escapeUnits = (text) => text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/** `code` (JavaScript) with every non-ASCII character in patterns and String.raw templates escaped; throws on any other. */
export function asciiOnly(code, name) {
  if (!NON_ASCII.test(code)) return code;
  const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits = [];
  const fail = (node, what) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    throw new Error(`${name}:${line + 1}:${character + 1}: a non-ASCII character in ${what}, which the build cannot escape`);
  };
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = code.slice(node.getStart(file), node.end);
      // "\한" (an identity escape) would become "\\uD55C": not the same pattern.
      if (/\\[^\x00-\x7f]/.test(text)) fail(node, 'an escape of a pattern');
      if (NON_ASCII.test(text)) edits.push([node.getStart(file), node.end, escapeUnits(text)]);
      return;
    }
    if (ts.isTaggedTemplateExpression(node) && NON_ASCII.test(code.slice(node.template.getStart(file), node.template.end))) {
      if (node.tag.getText(file) !== 'String.raw') fail(node, `a template tagged ${node.tag.getText(file)}`);
      const t = node.template;
      for (const part of ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((span) => span.literal)]) {
        const text = code.slice(part.getStart(file), part.end);
        if (NON_ASCII.test(text)) edits.push([part.getStart(file), part.end, text.replace(/[^\x00-\x7f]+/g, (run) => `\${"${escapeUnits(run)}"}`)]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + text;
    at = end;
  }
  out += code.slice(at);
  const left = NON_ASCII.exec(out);
  if (left) throw new Error(`${name}: a non-ASCII character the build cannot escape, in "${out.slice(Math.max(0, left.index - 40), left.index + 10)}"`);
  return out;
}
