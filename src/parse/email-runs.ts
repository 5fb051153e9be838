// Linear-time stand-ins for two of marked's inline rules that are quadratic
// on long runs of punctuation or word characters (marked 18, GFM).
//
// - The text rule stops before anything that may start an email address:
//   `(?=[a-zA-Z0-9.!#$%&'*+/=?_`{|}~-]+@)`. That lookahead reads the whole run
//   of such characters after the text, and it is tried again after every
//   token: `*a` × 100,000 or `!` × 100,000 or `a_b` × 40,000 on one line take
//   10–20 s, with no "@" anywhere.
// - The url rule's email alternative, `^[A-Za-z0-9._+-]+(@)…`, reads the
//   whole run of such characters at every token of `a_b_a_b…` in the same way.
//
// Both only match where a run of those characters ends at an "@". This
// module finds the "@"s of the text being lexed once, left to right, so each
// token costs what it consumes; the tokens stay exactly marked's
// (test/unit/parse/email-runs.test.ts compares them on random text).

/** The characters marked's text rule lets run up to an "@". */
const TEXT_LOCAL = "a-zA-Z0-9.!#$%&'*+\\/=?_`{\\|}~-";
/** The characters of an email's local part in marked's url rule. */
const URL_LOCAL = /[A-Za-z0-9._+-]/;
/** What follows the "@" of an email in marked's url rule. */
const EMAIL_DOMAIN = /[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/y;
/** The starts of the url rule's other alternatives (mailto:/xmpp:, a protocol, www.). */
const URL_OTHER_START = /^(?:mailto:|xmpp:|(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]):\/\/|www\.)/;

/** The email lookaheads in marked's text rule: the third and last alternatives. */
const EMAIL_LOOKAHEAD = `|(?=[${TEXT_LOCAL}]+@)`;
const EMAIL_STOP = `|[^${TEXT_LOCAL}](?=[${TEXT_LOCAL}]+@)`;
/** How far past a position the text rule's other lookaheads read ("https://", "mailto:"). */
const MARGIN = 16;

const textLocal = new Uint8Array(128);
for (let c = 0; c < 128; c++) textLocal[c] = new RegExp(`[${TEXT_LOCAL}]`).test(String.fromCharCode(c)) ? 1 : 0;
const isTextLocal = (code: number) => code < 128 && textLocal[code] === 1;
const urlLocal = new Uint8Array(128);
for (let c = 0; c < 128; c++) urlLocal[c] = URL_LOCAL.test(String.fromCharCode(c)) ? 1 : 0;
const isUrlLocal = (code: number) => code < 128 && urlLocal[code] === 1;

const withoutEmail = new WeakMap<RegExp, RegExp | null>();

/**
 * marked's text rule less its two email alternatives, which cannot match
 * where no "@" is in reach; null when this marked writes the rule otherwise.
 */
export function textRuleWithoutEmail(rule: RegExp): RegExp | null {
  let found = withoutEmail.get(rule);
  if (found === undefined) {
    const source = rule.source;
    const ok = source.includes(EMAIL_LOOKAHEAD) && source.includes(EMAIL_STOP) && source.startsWith('^(?:[^a-zA-Z0-9](?=(?:mailto|xmpp):)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\\n)' + EMAIL_LOOKAHEAD);
    found = ok ? new RegExp(source.replace(EMAIL_LOOKAHEAD, '').replace(EMAIL_STOP, ''), rule.flags) : null;
    withoutEmail.set(rule, found);
  }
  return found;
}

/** An "@" and the runs of local-part characters that end at it. */
interface At {
  /** Where the "@" is. */
  at: number;
  /** Where the run of TEXT_LOCAL characters before it starts (`at` when there is none). */
  textRun: number;
  /** Where the run of URL_LOCAL characters before it starts. */
  urlRun: number;
  /** Whether an email's domain follows it; unknown until asked. */
  domain?: boolean;
}

/**
 * The "@"s of one inline text (what marked's inline lexer is given), found
 * lazily from left to right. Questions come with the position the lexer has
 * reached, which only grows while one text is lexed; asking about an
 * earlier position starts the search again.
 */
export class EmailRuns {
  /** The first "@" after the position last asked about, or null when there is none. */
  private next: At | null | undefined;
  /** The first "@" after it that ends a non-empty TEXT_LOCAL run. */
  private nextUseful: At | null | undefined;
  private asked = -1;

  constructor(readonly text: string) {}

  private find(from: number): At | null {
    const at = this.text.indexOf('@', from);
    if (at === -1) return null;
    let textRun = at;
    while (textRun > 0 && isTextLocal(this.text.charCodeAt(textRun - 1))) textRun--;
    let urlRun = at;
    while (urlRun > 0 && isUrlLocal(this.text.charCodeAt(urlRun - 1))) urlRun--;
    return { at, textRun, urlRun };
  }

  /** Moves to `position`: `next` becomes the first "@" after it, `nextUseful` the first useful one. */
  private moveTo(position: number): void {
    if (position < this.asked) this.next = this.nextUseful = undefined;
    this.asked = position;
    if (this.next === undefined || (this.next !== null && this.next.at <= position)) {
      this.next = this.find(this.next ? this.next.at + 1 : position + 1);
      while (this.next !== null && this.next.at <= position) this.next = this.find(this.next.at + 1);
    }
    if (this.nextUseful === undefined || (this.nextUseful !== null && this.nextUseful.at <= position)) {
      let candidate = this.next;
      while (candidate !== null && candidate.textRun === candidate.at) candidate = this.find(candidate.at + 1);
      this.nextUseful = candidate;
    }
  }

  /**
   * Where marked's text rule, applied at `offset` to the text's first `length`
   * characters from there, stops for an email ahead: at the start of the
   * run before an "@", or at `offset + first` when the run after the first
   * character already reaches one. Infinity when no email stops it.
   */
  textStop(offset: number, first: number, length: number): number {
    const from = offset + first;
    this.moveTo(from);
    const next = this.next;
    const end = offset + length;
    if (next && next.at < end && next.textRun <= from && from < next.at) return from;
    const useful = this.nextUseful;
    return useful && useful.at < end ? useful.textRun : Infinity;
  }

  /** Whether marked's url rule may match at `offset` (the text from there, `length` long). */
  mayBeUrl(offset: number, length: number): boolean {
    if (URL_OTHER_START.test(this.text.slice(offset, offset + 8))) return true;
    this.moveTo(offset);
    const next = this.next;
    if (!next || next.at >= offset + length || next.urlRun > offset || next.at === offset) return false;
    // The domain does not depend on where the local part starts: read it once.
    // (Only a text lexed whole is remembered; an extension may hand marked a prefix.)
    const whole = offset + length === this.text.length;
    if (whole && next.domain !== undefined) return next.domain;
    EMAIL_DOMAIN.lastIndex = next.at + 1;
    const domain = EMAIL_DOMAIN.test(whole ? this.text : this.text.slice(0, offset + length));
    if (whole) next.domain = domain;
    return domain;
  }
}

/**
 * How long a text token marked's text rule makes at `offset` of `runs.text`
 * (given `length` characters from there): `rule` is marked's rule,
 * `noEmail` the same without its email alternatives.
 */
export function textTokenLength(runs: EmailRuns, offset: number, length: number, noEmail: RegExp): number | null {
  const text = runs.text;
  const first = text.charCodeAt(offset);
  // The first alternative: one character before "mailto:"/"xmpp:"; the
  // email alternatives cannot change it.
  let head = 1;
  if (first === 0x60 || first === 0x7e) while (head < length && text.charCodeAt(offset + head) === first) head++;
  const stop = runs.textStop(offset, head, length) - offset;
  const scope = Math.min(length, stop + MARGIN);
  const match = noEmail.exec(scope === text.length - offset ? text.slice(offset) : text.slice(offset, offset + scope));
  if (!match) return null;
  if (match[1] === undefined) return match[0].length; // the mailto:/xmpp: alternative
  // The email alternatives can only make the token shorter: it ends where
  // the first of them matches, unless another stop comes first. (Where "stop
  // before ` or ~" or "before two spaces and a line break" wins, the token is
  // `head` long, and `stop` is never shorter than that.)
  return Math.min(match[0].length, stop);
}
