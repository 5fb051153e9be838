// lexMarkdown runs marked's inline text and url rules through email-runs.ts
// (linear time on long runs of punctuation). The tokens must stay exactly
// marked's, above all around "@", where those rules stop for an email.
import fc from 'fast-check';
import { Lexer } from 'marked';
import { lexMarkdown } from '../../../src/parse/lexer.js';
import { textRuleWithoutEmail } from '../../../src/parse/email-runs.js';

const plain = (md: string) => new Lexer({ gfm: true }).lex(md);

describe('lexMarkdown gives marked\'s tokens around email addresses', () => {
  it.each([
    ['an email in prose', 'Write to jane.doe+x@example.co.kr for slides.'],
    ['an email after punctuation runs', '!!!!a@b.co ***x@y.io*** __a_b@c.de__'],
    ['an @ without a domain', 'a_b_c@ and @@ and a@b and a@.co'],
    ['a run before an @ far away', `${'a_b'.repeat(300)} me@example.com`],
    ['mailto and xmpp', 'see mailto:a@b.co, xmpp:me@jabber.org/home and <a@b.co>'],
    ['urls and emails together', 'www.example.com/a@b https://x.y/?q=a@b.co a@b.co.'],
    ['an email inside emphasis and links', '*mail a@b.co* [a@b.co](mailto:a@b.co) **x a@b.co**'],
    ['code spans around @', '`a@b.co` ``x@y`` ~~a@b.co~~'],
    ['an @ in a heading and a table', '# a@b.co\n\n| a | b@c.de |\n| - | - |\n| x@y.z | 1 |\n'],
    ['two spaces and a line break before an @', 'a  \nb@c.de\\\nd'],
  ])('%s', (_name, md) => {
    expect(lexMarkdown(md)).toEqual(plain(md));
  });

  it('random text over the characters these rules care about', () => {
    const char = fc.constantFrom(
      'a', 'b', 'Z', '0', '.', '!', '#', '$', '%', '&', "'", '*', '+', '/', '=', '?', '_', '`', '{', '|', '}', '~', '-',
      '@', '@', '@', ' ', ' ', '\n', ':', '(', ')', '[', ']', '<', '>', '\\', '가', ',', 'mailto:', 'xmpp:', 'www.', 'https://', 'http', '.co',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }).map((parts) => parts.join('')), (md) => {
        expect(lexMarkdown(md)).toEqual(plain(md));
      }),
      { numRuns: 3000 },
    );
  });

  it('recognises the text rule of the marked it is built with', () => {
    // A marked that writes its text rule differently would silently lose the linear path.
    expect(textRuleWithoutEmail(Lexer.rules.inline.gfm.text)).not.toBeNull();
  });
});
