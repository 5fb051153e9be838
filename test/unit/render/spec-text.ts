// The rule by which a CommonMark example "passes" in a terminal: every word
// of the text a browser would show for the example's HTML (text nodes, and
// the alt text of images) appears in postview's output, in the same order.
// White space is ignored on both sides, since the terminal wraps and indents
// differently from a browser; markup (bullets, rules, table borders) may come
// between the words. Browsers show nothing of <script> and <style>: nor do
// these words.
import { Parser } from 'htmlparser2';

/** The words a browser shows for this HTML. */
export function visibleWords(html: string): string[] {
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style') hidden++;
        if (name === 'img' && attrs.alt) text += ` ${attrs.alt} `;
        text += ' ';
      },
      ontext(t) {
        if (hidden === 0) text += t;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') hidden--;
        text += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text.split(/\s+/).filter((w) => w !== '');
}

/** True when every word shows in the output, in order (output white space ignored). */
export function showsWords(output: string, words: readonly string[]): boolean {
  const flat = output.replace(/\s+/g, '');
  let at = 0;
  for (const word of words) {
    const found = flat.indexOf(word, at);
    if (found === -1) return false;
    at = found + word.length;
  }
  return true;
}
