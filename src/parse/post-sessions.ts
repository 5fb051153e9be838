// A post's sessions without lexing all of it, for commands that cover a whole
// folder. Pure: text in, sessions out.
//
// The sessions come from extractSessions, as in parsePost, given the heading
// tokens alone. In a post whose outline is plain (no
// schedule table, no timed lines, no heading that holds only a time; see
// parse/outline.ts), each session is one heading with a time, and its body
// (the lines up to the next heading) decides only its speakers. So the body
// is cut into regions at its headings (parse/regions.ts), every heading line
// is lexed, and a region's body is lexed only when the caller asks for it
// (`wantsBody`), and then only as far as its speakers can come from
// (parse/speaker-cut.ts). A session whose body was not lexed has its time,
// title, room and day but no speakers yet (`resolved` false). A body lexed
// gives its session's speakers alone, read as extractSessions reads them:
// where it could change more (every talk holds a bare start time, and whether
// they are a schedule turns on who speaks), the post is lexed in full.
//
// Every post this cannot read that way is lexed in full: a post that may hold
// sessions some other way, templates (expanded before a full lex) or a link
// definition (it may sit in a list, and counts in every region), a body that
// cannot be cut safely, or tokens that do not come out as expected (a body
// holding a heading made of HTML, a heading that reads otherwise when lexed
// with its body).
// test/unit/parse/post-sessions.test.ts compares the two ways on every
// fixture and on generated posts.
import type { Token, Tokens } from 'marked';
import { parseFrontMatter } from '../load/front-matter.js';
import type { FrontMatter, Session, SessionLink } from '../types.js';
import { limitNesting } from './nesting.js';
import { plainLineTokens } from './plain-bullet.js';
import { plainHeadingToken } from './plain-heading.js';
import { scanOutline } from './outline.js';
import { extractDate, extractTitle, lexBody, parsePost } from './post.js';
import { splitRegions, type Region } from './regions.js';
import { cutForSpeakers } from './speaker-cut.js';
import { isNoiseTitle } from './session-noise.js';
import { headingTitle } from './sections.js';
import { speakerFields } from './session-lines.js';
import { extractSlideLinks } from './session-title.js';
import { extractSessions, headingSpeaker, HeadingMemo, type HeadingRead } from './sessions.js';
import { hasTemplates } from './templates.js';

export interface PostSessions {
  title: string;
  date: string | null;
  frontMatter: FrontMatter;
  /** The sessions, without their tokens. */
  sessions: Session[];
  /** Per session: true when its speakers are known (its body was read). */
  resolved: boolean[];
  /**
   * The titles were cut from heading lines decoded one at a time (see
   * load/post-bytes.ts), not from the post's whole text: each keeps no more
   * than its line alive.
   */
  titlesFromLines: boolean;
}

/**
 * Whether to read a session's body (its speakers), asked with the Markdown of
 * its region (heading and body), made only when asked for: a body not asked
 * for is never decoded (see load/post-bytes.ts). When the post is read from
 * its bytes, `regionBytes` is the region's UTF-8 bytes, one char per byte.
 */
export type WantsBody = (session: Session, regionText: () => string, regionBytes?: string) => boolean;

/**
 * The sessions of a post's text. `wantsBody(session, regionText)` is asked
 * for each session found from the headings alone; answer true to have its
 * speakers read ('all': every session's). A post read in full has every
 * session resolved, and `wantsBody` is not asked.
 */
export function parsePostSessions(text: string, path: string, wantsBody: WantsBody | 'all'): PostSessions {
  const { frontMatter, content } = parseFrontMatter(text, path);
  // Every body wanted: lexing the post whole costs less than lexing its headings first.
  if (wantsBody === 'all') return inFull(text, path, frontMatter);
  return parseSessionsQuickly(frontMatter, content, path, wantsBody) ?? inFull(text, path, frontMatter);
}

/**
 * The sessions of a post's body read from its headings (see above), or null
 * when it has to be read in full. The body may be given as the post's UTF-8
 * bytes read as Latin-1, one char per byte (see load/post-bytes.ts), with
 * `lineText(from, to)` the exact text between two offsets: every mark looked
 * for is ASCII, and only heading lines and the bodies asked for are decoded.
 */
export function parseSessionsQuickly(frontMatter: FrontMatter, content: string, path: string, wantsBody: WantsBody, lineText?: (from: number, to: number) => string): PostSessions | null {
  const quick = readQuickly(content, wantsBody, lineText === undefined ? (from, to) => content.slice(from, to) : onceEach(lineText), lineText !== undefined);
  if (quick === null) return null;
  return { title: extractTitle(frontMatter, quick.firstH1, path), date: extractDate(frontMatter, path), frontMatter, ...quick.result, titlesFromLines: lineText !== undefined };
}

/** `lineText`, each line decoded once: the outline scan and the cut into regions both ask for every heading line. */
function onceEach(lineText: (from: number, to: number) => string): (from: number, to: number) => string {
  const lines = new Map<number, { to: number; text: string }>();
  return (from, to) => {
    const known = lines.get(from);
    if (known !== undefined && known.to === to) return known.text;
    const text = lineText(from, to);
    lines.set(from, { to, text });
    return text;
  };
}

function inFull(text: string, path: string, frontMatter: FrontMatter): PostSessions {
  const post = parsePost(text, path);
  const sessions = post.sessions.map(withoutTokens);
  return { title: post.title, date: post.date, frontMatter, sessions, resolved: sessions.map(() => true), titlesFromLines: false };
}

export function withoutTokens(session: Session): Session {
  return { ...session, tokens: [] };
}

type Quick = { firstH1: string | null; result: Pick<PostSessions, 'sessions' | 'resolved'> };

function readQuickly(content: string, wantsBody: WantsBody, lineText: (from: number, to: number) => string, bytes: boolean): Quick | null {
  // Read in full: templates, expanded before a full lex (parse/post.ts), may print a heading or a speaker or hide
  // one ({% comment %}), across the regions; a link definition in a list or a quote (splitRegions refuses the
  // others) makes links in every region.
  if (hasTemplates(content) || content.includes(']:') || scanOutline(content, lineText).otherShapes) return null;
  const cut = cutRegions(content, lineText);
  if (cut === null) return null;
  const { headed, headings } = cut;
  let firstH1: string | null = null;
  // Each heading is read once, here and in extractSessions.
  const memo = new HeadingMemo();
  // Whether a session heading holds a bare start time ("### 10:00 Title").
  let bare = false;
  for (const token of headings) {
    const { title, read } = memo.of(token);
    // Its talks are written under it: the body decides how many sessions there are.
    if (read.heading?.timeOnly) return null;
    if (read.heading !== null && read.heading.end === null && !read.heading.tilde) bare = true;
    if (firstH1 === null && token.depth === 1) firstH1 = title;
  }
  // Bare start times are a schedule only when someone speaks (session-noise.ts): when every heading that may be
  // a talk (its title is not noise) holds one, the bodies decide.
  if (bare && allTalksBare(headings.map((token) => memo.of(token).read))) return null;
  const regionOf = new Map<Token, Region>(headings.map((token, k) => [token, headed[k]!]));
  const light = extractSessions(headings, memo);
  const text = (region: Region) => lineText(region.from, region.to);
  // Each wanted region's text, made once: when asked, or to be lexed.
  const wanted = new Map<Region, string | undefined>();
  for (const session of light) {
    const region = regionOf.get(session.tokens[0]!);
    if (region === undefined) return null;
    let asked: string | undefined;
    if (wantsBody(session, () => (asked ??= text(region)), bytes ? content.slice(region.from, region.to) : undefined)) wanted.set(region, asked);
  }
  // A body decides only its session's speakers: the time, title, room and day come from the heading, and
  // whether the headings are a schedule at all does not turn on who speaks (some talk has an end or a
  // tilde, see above and session-noise.ts). So each session asked for takes its speakers from its body's
  // tokens, as extractSessions would, and the others stay as they are.
  const sessions: Session[] = [];
  for (const session of light) {
    const token = session.tokens[0] as Tokens.Heading;
    const region = regionOf.get(token)!;
    if (!wanted.has(region)) {
      sessions.push(session);
      continue;
    }
    const body = lexRegionBody(cutForSpeakers(wanted.get(region) ?? text(region)), token, memo.of(token).title);
    if (body === null) return null;
    const { read } = memo.of(token);
    const beside = read.heading === null ? null : read.speakerText;
    sessions.push({ ...session, ...speakerFields(headingSpeaker(beside, body.tokens)), links: body.links ?? session.links });
  }
  const regionsOf = sessions.map((s) => regionOf.get(light[s.index - 1]!.tokens[0]!)!);
  // Made here, so their tokens can go without a copy of each.
  for (const session of sessions) session.tokens = [];
  return {
    firstH1,
    result: {
      sessions,
      resolved: regionsOf.map((r) => wanted.has(r)),
    },
  };
}

/** Whether the session headings whose titles are not noise, one at least, all hold a bare start time. */
function allTalksBare(reads: readonly HeadingRead[]): boolean {
  const talks = reads.filter((r) => r.heading !== null && !isNoiseTitle(r.title));
  return talks.length > 0 && talks.every((r) => r.heading!.end === null && !r.heading!.tilde);
}

/**
 * A body's regions, those with a heading, and their heading lines lexed (one
 * token each); null when it cannot be cut safely. With `lineText`, the body
 * may be read as Latin-1 (see parseSessionsQuickly): each heading line is then
 * its exact text.
 */
export function cutRegions(content: string, lineText?: (from: number, to: number) => string): { regions: Region[]; headed: Region[]; headings: Tokens.Heading[] } | null {
  const regions = splitRegions(content);
  if (regions === null) return null;
  const headed = regions.filter((r) => r.heading !== null);
  if (lineText !== undefined) for (const r of headed) r.heading = lineText(r.from, r.from + r.heading!.length);
  const headings = lexHeadings(headed);
  return headings === null ? null : { regions, headed, headings };
}

/**
 * The heading token of each region, one each, else null. A plain line
 * (parse/plain-heading.ts) is built without marked; the others are lexed together.
 */
function lexHeadings(regions: readonly Region[]): Tokens.Heading[] | null {
  const headings: (Tokens.Heading | null)[] = regions.map((r) => plainHeadingToken(r.heading!, r.depth));
  const rest = regions.filter((_, k) => headings[k] === null);
  if (rest.length === 0) return headings as Tokens.Heading[];
  const tokens = lexBody(rest.map((r) => r.heading!).join('\n\n')).filter((t) => t.type !== 'space');
  if (tokens.length !== rest.length) return null;
  let next = 0;
  for (let k = 0; k < headings.length; k++) {
    if (headings[k] !== null) continue;
    const token = tokens[next++]!;
    if (token.type !== 'heading' || (token as Tokens.Heading).depth !== regions[k]!.depth) return null;
    headings[k] = token as Tokens.Heading;
  }
  return headings as Tokens.Heading[];
}

/**
 * The tokens of a region's body (its Markdown `cut`, heading line first, see
 * parse/speaker-cut.ts), up to the next heading, and, when the heading was
 * lexed again with it, its slide links; null when they do not come out as a
 * heading with a body under it.
 */
function lexRegionBody(cut: string, heading: Tokens.Heading, title: string): { tokens: Token[]; links?: SessionLink[] } | null {
  let tokens: Token[];
  let links: SessionLink[] | undefined;
  if (!cut.includes('<')) {
    // The heading line is one block whatever follows it, already lexed: the body alone is lexed, to the
    // same blocks (a heading ends every block before it, and what follows it starts anew).
    // Most often the body is one plain line, a bullet or not, its tokens made without marked (parse/plain-bullet.ts).
    const lineEnd = cut.indexOf('\n');
    const body = lineEnd === -1 ? '' : limitNesting(cut.slice(lineEnd + 1));
    tokens = body === '' ? [] : (plainLineTokens(body) ?? lexBody(body));
  } else {
    // HTML, which lexBody reads across blocks: the heading is lexed with its body, and must read the same.
    const lexed = lexBody(limitNesting(cut));
    const head = lexed[0];
    if (head?.type !== 'heading' || (head as Tokens.Heading).depth !== heading.depth || headingTitle(head as Tokens.Heading) !== title) return null;
    tokens = lexed.slice(1);
    links = extractSlideLinks((head as Tokens.Heading).tokens);
  }
  // A heading made of HTML would start another section.
  return tokens.some((t) => t.type === 'heading') ? null : { tokens, links };
}
