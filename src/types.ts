// The data that flows between the stages: load -> parse -> query -> render.
import type { Token } from 'marked';
import type { Lang } from './i18n.js';

/** One person on a session's speaker line: "양승도 솔루션즈 아키텍트, 아마존 웹서비스". */
export interface Speaker {
  name: string;
  role: string | null;
  org: string | null;
}

/** A clock time range as written in a heading; times are "HH:MM" (24 h). */
export interface TimeRange {
  start: string;
  /** null when only a start was written ("16:20 ~" or "16:20"). */
  end: string | null;
}

/** A talk, or a break in the day's schedule (registration, lunch, coffee, networking...). */
export type SessionKind = 'talk' | 'break';

/** A link written beside a session's title: its slides or its video. */
export interface SessionLink {
  text: string;
  url: string;
}

/** A session: a heading (or line, or table row) that holds a time, and everything under it. */
export interface Session {
  /** 1-based position in the post; kept when filtering. */
  index: number;
  /** Label of the day section it sits in ("Day 1", "2일차"), else null. */
  day: string | null;
  start: string | null;
  end: string | null;
  title: string;
  /** Room or track written beside the title (" · Room · "), else null. */
  room: string | null;
  speakers: Speaker[];
  /** The speaker line as written, without its label; null when none. */
  speakerText: string | null;
  /** "talk", or "break" for registration, meals, coffee, networking and the like (see parse/session-kind.ts). */
  kind: SessionKind;
  /** Slides and video linked beside the title ("[slides](…)", "[발표자료](…)"); not part of the title. */
  links: SessionLink[];
  /**
   * Which day of the event, counted from 1, when `day` names one: "Day 2" and "2일차" are 2,
   * "Day Two" and "둘째 날" too; weekdays and dates count in the order the post writes them.
   * Null when there is no day. Not part of the JSON (the label is).
   */
  dayNumber: number | null;
  /** The heading token and every token under it (for printing in full). */
  tokens: Token[];
}

/** A heading and everything under it, up to the next heading of the same or a higher level. */
export interface Section {
  title: string;
  level: number;
  /** The heading token itself, then its body, then its subsections' tokens. */
  tokens: Token[];
  children: Section[];
}

export type FrontMatter = Record<string, unknown>;

export interface Post {
  /** Where it came from: a file path, or "-" for stdin. */
  path: string;
  frontMatter: FrontMatter;
  title: string;
  /** "YYYY-MM-DD" from front matter or the file name, else null. */
  date: string | null;
  category: string | null;
  /** The body's tokens, as marked's lexer returns them. */
  tokens: Token[];
  sections: Section[];
  sessions: Session[];
}

export type ColorMode = 'auto' | 'always' | 'never';

/** Terminal facts, decided once in env.ts and passed down as plain values. */
export interface RenderOptions {
  /** Columns available for tables and rules. */
  width: number;
  /** Columns for running text (capped for reading comfort). */
  textWidth: number;
  /** 0 = no colour, 1 = 16 colours, 2 = 256, 3 = truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
  /** Write links as OSC 8 hyperlinks (else "text (url)"). */
  hyperlinks: boolean;
  /** Language of column names and labels; English when absent. */
  lang?: Lang;
  /** Colours fenced code that names its language; absent: code is shown plain. */
  highlight?: (code: string, lang: string) => string;
}
