// Jekyll (Liquid, kramdown) and Hugo/Zola template syntax in a post body,
// resolved before the body is lexed, since posts come straight from
// `_posts/` and `content/` where a site generator would have expanded it.
// Fenced code and code spans are left exactly as written.
//
// - {% highlight LANG [linenos] %}…{% endhighlight %} and Hugo's
//   {{< highlight LANG >}}…{{< /highlight >}}: a fenced code block.
// - {% raw %}…{% endraw %}: the tags go, what is between stays verbatim.
// - {{ "/path" | relative_url }} -> /path (any output whose value is a string
//   literal prints the literal); {{ site.baseurl }}, {{ site.url }} -> "";
//   {{ page.title }} and other page.* -> the front-matter value; {% link p %}
//   -> /p; {% post_url 2018-05-09-name %} -> /2018/05/09/name.html (Jekyll's
//   default permalink). Other outputs print nothing.
// - {% include video id=… provider=youtube %}, {% youtube id %}, {% gist … %}:
//   an embed. Other includes: one dim line naming the file. Other tags
//   ({% if %}, {% assign %}…) print nothing; {% comment %} hides its content.
// - Hugo/Zola shortcodes: youtube, vimeo, tweet, gist, figure, ref/relref
//   (rendered like their HTML); any other: one dim line with its name.
// - kramdown: {: .class #id} attribute lists and {:toc} (with the list line
//   above it, "* TOC") print nothing.
//
// Embeds, figures and dim lines are written as HTML, so the HTML reader
// (parse/html.ts) draws them like the same HTML written by hand.
import type { FrontMatter } from '../types.js';

const FENCE = /^\s*(`{3,}|~{3,})/;
/** A line made only of template tags (and white space): it goes away whole. */
const TAG_ONLY_LINE = /^\s*(?:(?:\{%[^%]*(?:%(?!\})[^%]*)*%\}|\{\{<[^>]*(?:>(?!\}\})[^>]*)*>\}\}|\{\{%[^%]*(?:%(?!\}\})[^%]*)*%\}\})\s*)+$/;
const IAL_LINE = /^\s*\{:[^}\n]*\}\s*$/;
const TOC_LINE = /^\s*\{:\s*toc\s*\}\s*$/;
const TOC_ITEM = /^\s*(?:[*+-]|\d+[.)])\s+\S.*$/;
/** Every template construct that may sit inside a line. */
// Every open-ended part is capped (a construct is short), so that a line of
// unclosed "{{<" or "{%" costs linear time, not quadratic.
const INLINE = /\{%-?\s*raw\s*-?%\}|\{\{<\s*\/\*[^\n]{0,1000}?\*\/\s*>\}\}|\{\{[<%]\s*(\/?)\s*([\w./-]{1,200})([^\n]{0,1000}?)[>%]\}\}|\{%-?\s*(\w{1,200})([^%\n]{0,1000}?)-?%\}|\{\{-?([^{}\n]{0,1000}?)-?\}\}|\{:[^}\n]{0,1000}\}/g;
/** The dim line an unknown shortcode or include prints (see parse/html.ts). */
export const NOTE_TAG = 'pv-note';

/** True when the body may hold template syntax worth resolving. */
export function hasTemplates(body: string): boolean {
  return body.includes('{%') || body.includes('{{') || body.includes('{:');
}

export function expandTemplates(body: string, frontMatter: FrontMatter = {}): string {
  if (!hasTemplates(body)) return body;
  const lines = body.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  let raw = false;
  let comment = false;
  let highlight: 'liquid' | 'hugo' | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (highlight !== null) {
      const end = highlight === 'liquid' ? /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/ : /^\s*\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}\s*$/;
      if (end.test(line)) {
        out.push(CODE_FENCE);
        highlight = null;
      } else out.push(line);
      continue;
    }
    if (fence !== null) {
      out.push(line);
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (!raw && !comment) {
      const open = FENCE.exec(line);
      if (open) {
        fence = open[1]!;
        out.push(line);
        continue;
      }
      const start = highlightStart(line);
      if (start) {
        out.push(CODE_FENCE + start.lang);
        highlight = start.kind;
        continue;
      }
      if (TOC_LINE.test(line)) {
        // "* TOC" / "1. TOC" / "- content" right above is the list kramdown replaces.
        if (out.length > 0 && TOC_ITEM.test(out[out.length - 1]!)) out.pop();
        continue;
      }
      if (IAL_LINE.test(line)) continue;
    }
    const state: { raw: boolean; comment: boolean } = { raw, comment };
    const expanded = expandLine(line, frontMatter, state);
    raw = state.raw;
    comment = state.comment;
    if ((line.includes('{%') || line.includes('{{')) && TAG_ONLY_LINE.test(line)) {
      if (expanded.trim() === '') continue;
      // A shortcode alone on its line stays a line of its own.
      if (expanded.endsWith(`</${NOTE_TAG}>`)) {
        out.push(expanded + '<br>');
        continue;
      }
    }
    out.push(expanded);
  }
  if (highlight !== null) out.push(CODE_FENCE);
  return out.join('\n');
}

const CODE_FENCE = '~~~~~~~~';

function highlightStart(line: string): { lang: string; kind: 'liquid' | 'hugo' } | null {
  const liquid = /^\s*\{%-?\s*highlight\s+([\w#+.-]+)[^%]*-?%\}\s*$/.exec(line);
  if (liquid) return { lang: liquid[1]!, kind: 'liquid' };
  const hugo = /^\s*\{\{[<%]\s*highlight\s+"?([\w#+.-]+)"?[^>%]*[>%]\}\}\s*$/.exec(line);
  if (hugo) return { lang: hugo[1]!, kind: 'hugo' };
  return null;
}

/** One line outside fenced code: code spans kept, template constructs resolved. */
function expandLine(line: string, frontMatter: FrontMatter, state: { raw: boolean; comment: boolean }): string {
  let out = '';
  let i = 0;
  let next: { index: number; match: RegExpExecArray } | null | undefined;
  /** Run lengths of backticks with no closing run after the position noted: not searched again. */
  const unclosed = new Map<number, number>();
  while (i < line.length) {
    if (state.raw) {
      const end = /\{%-?\s*endraw\s*-?%\}/.exec(line.slice(i));
      if (!end) return out + line.slice(i);
      out += line.slice(i, i + end.index);
      i += end.index + end[0].length;
      state.raw = false;
      continue;
    }
    if (state.comment) {
      const end = /\{%-?\s*endcomment\s*-?%\}/.exec(line.slice(i));
      if (!end) return out;
      i += end.index + end[0].length;
      state.comment = false;
      continue;
    }
    if (next === undefined || (next !== null && next.index < i)) next = nextConstruct(line, i);
    if (next === null) return out + line.slice(i);
    const tick = line.indexOf('`', i);
    if (tick !== -1 && tick < next.index) {
      // A code span: copied as written, up to its closing run of the same length.
      let length = 1;
      while (line.charCodeAt(tick + length) === 0x60) length++;
      const run = '`'.repeat(length);
      const after = tick + length;
      const close = (unclosed.get(length) ?? Infinity) <= after ? -1 : line.indexOf(run, after);
      if (close === -1) unclosed.set(length, Math.min(unclosed.get(length) ?? Infinity, after));
      const end = close === -1 ? after : close + length;
      // Liquid runs before Markdown: {% raw %} tags inside a code span go too.
      out += line.slice(i, end).replace(/\{%-?\s*(?:end)?raw\s*-?%\}/g, '');
      i = end;
      continue;
    }
    out += line.slice(i, next.index);
    i = next.index + next.match[0].length;
    out += resolve(next.match, frontMatter, state);
    next = undefined;
  }
  return out;
}

function nextConstruct(line: string, from: number): { index: number; match: RegExpExecArray } | null {
  INLINE.lastIndex = from;
  const match = INLINE.exec(line);
  return match ? { index: match.index, match } : null;
}

function resolve(m: RegExpExecArray, frontMatter: FrontMatter, state: { raw: boolean; comment: boolean }): string {
  const whole = m[0];
  if (/^\{%-?\s*raw/.test(whole)) {
    state.raw = true;
    return '';
  }
  if (whole.startsWith('{{<') && /^\{\{<\s*\/\*/.test(whole)) return whole.replace(/^\{\{<\s*\/\*\s*/, '{{< ').replace(/\s*\*\/\s*>\}\}$/, ' >}}');
  if (m[2] !== undefined) return m[1] ? '' : shortcode(m[2], parseArgs((m[3] ?? '').replace(/\s*\/?\s*$/, '')));
  if (m[4] !== undefined) return liquidTag(m[4], (m[5] ?? '').trim(), state);
  if (m[6] !== undefined) return output(m[6].trim(), frontMatter);
  return ''; // kramdown {: …} inside a line
}

/** A Liquid tag {% name args %}. */
function liquidTag(name: string, args: string, state: { comment: boolean }): string {
  switch (name) {
    case 'link':
      return '/' + args.replace(/^\/+/, '');
    case 'post_url': {
      const m = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(args.split('/').pop() ?? args);
      return m ? `/${m[1]}/${m[2]}/${m[3]}/${m[4]}.html` : '/' + args;
    }
    case 'comment':
      state.comment = true;
      return '';
    case 'youtube':
      return iframe(`https://www.youtube.com/embed/${firstWord(args)}`);
    case 'vimeo':
      return iframe(`https://player.vimeo.com/video/${firstWord(args)}`);
    case 'gist':
      return gist(firstWord(args));
    case 'include':
    case 'include_relative': {
      const params = parseArgs(args);
      const file = params.positional[0] ?? params.named.file ?? '';
      if (/^video(\.html)?$/.test(file) && params.named.id) {
        const provider = (params.named.provider ?? 'youtube').toLowerCase();
        return iframe(provider === 'vimeo' ? `https://player.vimeo.com/video/${params.named.id}` : `https://www.youtube.com/embed/${params.named.id}`);
      }
      if (/^(toc|JB\/setup)/i.test(file)) return '';
      return note(`include ${file}`);
    }
    default:
      return '';
  }
}

/** A Liquid or Zola output {{ … }}. */
function output(expr: string, frontMatter: FrontMatter): string {
  // Zola shortcode: {{ youtube(id="…") }}
  const call = /^([\w-]+)\s*\(([\s\S]*)\)$/.exec(expr);
  if (call) return shortcode(call[1]!, parseArgs(call[2]!.replace(/,/g, ' ')));
  const value = expr.split('|')[0]!.trim();
  const literal = /^(["'])([\s\S]*)\1$/.exec(value);
  if (literal) return literal[2]!;
  const page = /^page\.([\w-]+)$/.exec(value);
  if (page) {
    const field = frontMatter[page[1]!];
    return typeof field === 'string' || typeof field === 'number' ? String(field) : '';
  }
  return '';
}

interface Args {
  positional: string[];
  named: Record<string, string>;
}

/** `a "b c" key=v key2="x y"` -> positional and named arguments. */
function parseArgs(text: string): Args {
  const args: Args = { positional: [], named: {} };
  const re = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== undefined) args.named[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
    else args.positional.push(m[5] ?? m[6] ?? m[7] ?? '');
  }
  return args;
}

function shortcode(name: string, args: Args): string {
  const arg = (key: string, pos: number) => args.named[key] ?? args.positional[pos] ?? '';
  switch (name.toLowerCase()) {
    case 'youtube':
      return iframe(`https://www.youtube.com/embed/${arg('id', 0)}`);
    case 'vimeo':
      return iframe(`https://player.vimeo.com/video/${arg('id', 0)}`);
    case 'tweet': {
      const user = args.named.user ?? (args.positional.length > 1 ? args.positional[0] : 'i');
      const id = args.named.id ?? args.positional[args.positional.length - 1] ?? '';
      return iframe(`https://twitter.com/${user}/status/${id}`);
    }
    case 'gist': {
      const url = args.named.url;
      if (url) return iframe(url);
      return gist(`${arg('user', 0)}/${arg('id', 1)}`);
    }
    case 'figure': {
      const src = attr(arg('src', 0));
      const caption = args.named.caption ?? args.named.title ?? '';
      const alt = args.named.alt ?? caption;
      return `<figure><img src="${src}" alt="${attr(stripTags(alt))}"><figcaption>${caption}</figcaption></figure>`;
    }
    case 'ref':
    case 'relref':
      return arg('path', 0);
    default:
      return note(name);
  }
}

function iframe(url: string): string {
  return `<iframe src="${attr(url)}"></iframe>`;
}

function gist(path: string): string {
  return `<script src="https://gist.github.com/${attr(path)}.js"></script>`;
}

function note(label: string): string {
  return `<${NOTE_TAG}>${label.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</${NOTE_TAG}>`;
}

function attr(s: string): string {
  return s.replace(/[&"<]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&lt;'));
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '');
}

function firstWord(s: string): string {
  return s.trim().split(/\s+/)[0]?.replace(/^["']|["']$/g, '') ?? '';
}
