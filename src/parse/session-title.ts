// A session's title as a reader writes it down: without the quotes around it,
// without the "[slides]" / "(발표자료)" links after it (kept as the session's
// links), and without the speaker written beside it:
//   "Keynote: Paved Roads - Maria Okafor, Northwind"   -> title + "Maria Okafor, Northwind"
//   "Golden Paths for Data Teams (Tomás Silva, Fabrikam)" -> title + "Tomás Silva, Fabrikam"
//   "Measuring Developer Experience / Hannah Berg"     -> title + "Hannah Berg"
//   "「앱 출시 자동화 파이프라인」 (발표자료)"             -> "앱 출시 자동화 파이프라인"
import type { Token, Tokens } from 'marked';
import type { SessionLink } from '../types.js';
import { readsAsPerson } from './names.js';
import { extractPlainText } from './text.js';

/** What a link to a talk's material says: slides, video, recording. */
const SLIDE_WORD = String.raw`(?:slides?|slide\s*deck|deck|pdf|video|recording|youtube|영상|동영상|녹화|발표\s*자료|자료|슬라이드|발표\s*영상|ppt)`;
const SLIDE_TEXT = new RegExp(`^${SLIDE_WORD}$`, 'iu');
/** Slide words at the end of a title, each maybe in brackets or after a separator. Bounded: at most 4. */
const TRAILING_SLIDES = new RegExp(`(?:[\\s|·,/:-]*[(\\[]?\\s*${SLIDE_WORD}\\s*[)\\]]?){1,4}$`, 'iu');
/** What a tail holding a slide word holds (lower case): a cheap test before TRAILING_SLIDES. */
const SLIDE_HINT = /slide|deck|pdf|video|record|youtube|ppt|영상|녹화|자료|슬라이드/;
/** SLIDE_HINT in any case of ASCII letters (without the u flag, no other character matches one). */
const SLIDE_HINT_ANY_CASE = new RegExp(SLIDE_HINT.source, 'i');

/**
 * SLIDE_HINT of the lower-cased text, without lower-casing it: the same but
 * for the Kelvin sign, the one character that lower-cases to an ASCII letter
 * ("k", of "deck") on its own.
 */
function mayHoldSlideWord(text: string): boolean {
  return SLIDE_HINT_ANY_CASE.test(text) || (text.includes('\u212a') && SLIDE_HINT.test(text.toLowerCase()));
}
const QUOTES: [string, string][] = [['"', '"'], ['“', '”'], ["'", "'"], ['‘', '’'], ['「', '」'], ['『', '』'], ['《', '》'], ['«', '»']];

/** The links to slides or video among inline tokens (a heading's, a title line's). */
export function extractSlideLinks(tokens: readonly Token[] | undefined): SessionLink[] {
  const links: SessionLink[] = [];
  const walk = (list: readonly Token[] | undefined) => {
    for (const token of list ?? []) {
      if (token.type === 'link') {
        const text = extractPlainText((token as Tokens.Link).tokens).trim();
        if (SLIDE_TEXT.test(text)) links.push({ text, url: (token as Tokens.Link).href });
      } else walk((token as { tokens?: Token[] }).tokens);
    }
  };
  walk(tokens);
  return links;
}

/** A title without trailing slide words and without the quotes around it. */
export function cleanTitle(title: string): string {
  // Slide words sit at the end: only the last characters are searched (at most 4 words and their marks).
  const from = Math.max(0, title.length - 160);
  const tail = title.slice(from);
  const bare = mayHoldSlideWord(tail) ? (title.slice(0, from) + tail.replace(TRAILING_SLIDES, '')).trim() : title.trim();
  const text = bare === '' ? title.trim() : bare;
  for (const [open, close] of QUOTES) {
    if (text.length > 2 && text.startsWith(open) && text.endsWith(close) && !text.slice(1, -1).includes(close)) return text.slice(1, -1).trim();
  }
  return text;
}

/** Where /\s+[-–—/]\s+/ matches, this does: a separator with white space on both sides. */
const SPACED_SEPARATOR = /\s[-–—/]\s/u;

/** Longest speaker part considered beside a title (a name, a role and an org). */
const MAX_SPEAKER = 80;

/**
 * "Title - Name, Org", "Title (Name, Org)", "Title / Name" -> the title and the
 * speaker text, when the part after the title reads as a person; else null.
 */
export function splitTitleSpeaker(text: string): { title: string; speakerText: string } | null {
  const t = text.trim();
  // "Title (Name - Org)": a closing bracket ends the text.
  if (t.endsWith(')') || t.endsWith('）')) {
    const open = Math.max(t.lastIndexOf('('), t.lastIndexOf('（'));
    if (open > 0 && t.length - open <= MAX_SPEAKER + 2) {
      const inner = t.slice(open + 1, -1).trim();
      const title = t.slice(0, open).trim();
      if (title !== '' && !inner.includes('(') && readsAsPerson(inner)) return { title, speakerText: inner };
    }
  }
  // "Title - Name" / "Title / Name": the last separator within reach of the end.
  const tail = t.slice(Math.max(0, t.length - MAX_SPEAKER - 3));
  const offset = t.length - tail.length;
  // matchAll copies its expression: most titles hold no separator at all.
  if (!SPACED_SEPARATOR.test(tail)) return null;
  let at = -1;
  let width = 0;
  for (const m of tail.matchAll(/\s+[-–—/]\s+/gu)) {
    at = offset + m.index;
    width = m[0].length;
  }
  if (at <= 0) return null;
  const title = t.slice(0, at).trim();
  const speakerText = t.slice(at + width).trim();
  return title !== '' && readsAsPerson(speakerText) && !readsAsHangulName(title) ? { title, speakerText } : null;
}

/** "김철수 - 발표 제목" reads the other way round: a title is not a lone Korean name. */
function readsAsHangulName(text: string): boolean {
  return /^\p{Script=Hangul}{2,4}(?:님)?$/u.test(text);
}
