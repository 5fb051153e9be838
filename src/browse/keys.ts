// What the terminal sends, as keys: a printable character stands for itself,
// anything else is a name in angle brackets ("<up>", "<pgdn>", "<c-c>",
// "<wheeldown>"). Pure, so the edge only hands over the bytes it read.

/** A printable character ("j", "/", "가"), or a named key ("<enter>"). */
export type Key = string;

const CSI_KEYS: Record<string, Key> = {
  A: '<up>', B: '<down>', C: '<right>', D: '<left>', H: '<home>', F: '<end>',
  '1~': '<home>', '7~': '<home>', '4~': '<end>', '8~': '<end>', '3~': '<del>', '5~': '<pgup>', '6~': '<pgdn>', Z: '<s-tab>',
};

const CONTROL_KEYS: Record<number, Key> = {
  0x01: '<home>', 0x02: '<c-b>', 0x03: '<c-c>', 0x04: '<c-d>', 0x05: '<end>', 0x06: '<c-f>', 0x08: '<bs>', 0x09: '<tab>',
  0x0a: '<enter>', 0x0c: '<c-l>', 0x0d: '<enter>', 0x0e: '<down>', 0x10: '<up>', 0x15: '<c-u>', 0x17: '<c-w>', 0x7f: '<bs>',
};

/**
 * The keys in one chunk of terminal input. A lone ESC at the end of a chunk
 * is the Escape key (the terminal sends a whole sequence at once). Mouse
 * reports (SGR 1006) give only the wheel; other mouse events are dropped,
 * and so is any sequence not known here, rather than read as letters.
 */
export function decodeKeys(input: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    if (code === 0x1b) {
      const next = input[i + 1];
      if (next === undefined || next === '\x1b') {
        keys.push('<esc>');
        i++;
        continue;
      }
      if (next === '[' || next === 'O') {
        const m = /^(?:\[<(\d+);\d+;\d+[Mm]|[[O]([\d;]*)([A-Za-z~]))/.exec(input.slice(i + 1, i + 40));
        if (m) {
          if (m[1] !== undefined) {
            const button = Number(m[1]);
            if ((button & 0x43) === 0x40) keys.push('<wheelup>');
            else if ((button & 0x43) === 0x41) keys.push('<wheeldown>');
          } else {
            const params = m[2] ?? '';
            const final = m[3]!;
            const name = final === '~' ? CSI_KEYS[`${params.split(';')[0]}~`] : CSI_KEYS[final];
            if (name) keys.push(name);
          }
          i += 1 + m[0].length;
          continue;
        }
        // An unfinished or unknown sequence: drop what is left of the chunk.
        break;
      }
      // Alt + key: the key alone.
      i++;
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      const name = CONTROL_KEYS[code];
      if (name) keys.push(name);
      // "\r\n" from a paste is one Enter.
      i += code === 0x0d && input.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    const ch = String.fromCodePoint(input.codePointAt(i)!);
    // C1 controls never count as text.
    if (!/[\u0080-\u009f]/.test(ch)) keys.push(ch);
    i += ch.length;
  }
  return keys;
}

/** A key that types text into a prompt: one printable character. */
export function isText(key: Key): boolean {
  return !(key.length > 1 && key.startsWith('<') && key.endsWith('>'));
}
