import type { CaptionCue } from './store';

/**
 * Scenarist SCC (tfmt=scc): CEA-608 line-21 byte pairs in hex, each byte with odd parity, at 30
 * frames a second (non-drop timecodes). Each cue is a pop-on caption: erase the hidden memory
 * (ENM), resume caption loading (RCL), a preamble per row (the last rows of the screen, up to four
 * of 32 characters), the text, then end of caption (EOC) shows it; at its end the screen is erased
 * (EDM). Characters outside the basic set go as CEA-608's special or extended characters (an
 * extended one follows a plain fallback character, which the decoder replaces, as the standard
 * asks); others become a space. An uploaded SCC file is read back the same way (pop-on captions:
 * a cue from each EOC to the next EDM or EOC).
 */
const BASIC_EXCEPTIONS: Record<string, number> = { á: 0x2a, é: 0x5c, í: 0x5e, ó: 0x5f, ú: 0x60, ç: 0x7b, '÷': 0x7c, Ñ: 0x7d, ñ: 0x7e, '█': 0x7f };
/** ASCII characters whose basic code stands for another character: they go as extended ones. */
const NOT_BASIC = new Set(['*', '\\', '^', '_', '`', '{', '|', '}', '~']);
const SPECIAL = '®°½¿™¢£♪à\u00a0èâêîôû';
const EXTENDED_12 = 'ÁÉÓÚÜü‘¡*’—©℠•“”ÀÂÇÈÊËëÎÏïÔÙùÛ«»';
const EXTENDED_13 = 'ÃãÍÌìÒòÕõ{}\\^_¦~ÄäÖöß¥¤|ÅåØø┌┐└┘';

const ENM = [0x14, 0x2e];
const RCL = [0x14, 0x20];
const EOC = [0x14, 0x2f];
const EDM = [0x14, 0x2c];
/** Preambles (column 0, white) of rows 12–15, the bottom of the screen. */
const ROWS = [
  [0x13, 0x40],
  [0x13, 0x60],
  [0x14, 0x40],
  [0x14, 0x60],
];
const WIDTH = 32;

const parity = (b: number): number => {
  let ones = 0;
  for (let v = b; v; v >>= 1) ones += v & 1;
  return ones % 2 === 0 ? b | 0x80 : b;
};

/** The bytes of one character (fallback first for extended ones). */
function charBytes(ch: string): number[] {
  if (ch in BASIC_EXCEPTIONS) return [BASIC_EXCEPTIONS[ch]];
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 0x20 && code < 0x7f && !NOT_BASIC.has(ch)) return [code];
  const special = SPECIAL.indexOf(ch);
  if (special >= 0) return [0x11, 0x30 + special];
  const fallback = (ch === 'ß' ? 's' : ch.normalize('NFD')).charCodeAt(0);
  const base = fallback >= 0x20 && fallback < 0x7f && !NOT_BASIC.has(String.fromCharCode(fallback)) ? fallback : 0x20;
  const e12 = EXTENDED_12.indexOf(ch);
  if (e12 >= 0) return [base, 0x12, 0x20 + e12];
  const e13 = EXTENDED_13.indexOf(ch);
  if (e13 >= 0) return [base, 0x13, 0x20 + e13];
  return [0x20];
}

/** Control codes stand alone in their word and go twice, as caption encoders send them. */
function words(bytes: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    const pair = [bytes[i], bytes[i + 1] ?? 0x00].map(parity);
    out.push(pair.map((b) => b.toString(16).padStart(2, '0')).join(''));
  }
  return out;
}

const control = (code: number[]): string[] => {
  const w = words(code);
  return [...w, ...w];
};

/** Text runs start on an even byte: a control code or extended character never straddles two words. */
function textWords(text: string): string[] {
  const out: string[] = [];
  let pending: number[] = [];
  const flush = () => {
    if (pending.length) out.push(...words(pending));
    pending = [];
  };
  for (const ch of text) {
    const bytes = charBytes(ch);
    if (bytes.length === 1) pending.push(bytes[0]);
    else {
      // An extended character's fallback stays with the text; the code takes a word of its own.
      if (bytes.length === 3) pending.push(bytes[0]);
      flush();
      out.push(...words(bytes.slice(-2)));
    }
  }
  flush();
  return out;
}

/** Lines of at most 32 characters, words kept whole where they fit; the last four rows. */
function rows(text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && (line + ' ' + word).length > WIDTH) {
        lines.push(line);
        line = '';
      }
      line = line ? `${line} ${word}` : word.slice(0, WIDTH);
    }
    if (line) lines.push(line);
  }
  return lines.slice(-ROWS.length);
}

function timecode(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}:${pad(Math.floor(((ms % 1000) * 30) / 1000))}`;
}

export function renderScc(cues: CaptionCue[]): string {
  const blocks = ['Scenarist_SCC V1.0'];
  for (const cue of cues) {
    const lines = rows(cue.text);
    const body = lines.flatMap((line, i) => [...control(ROWS[ROWS.length - lines.length + i]), ...textWords(line)]);
    blocks.push(`${timecode(cue.start)}\t${[...control(ENM), ...control(RCL), ...body, ...control(EOC)].join(' ')}`);
    blocks.push(`${timecode(cue.end)}\t${control(EDM).join(' ')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

const BASIC_BY_CODE = new Map(Object.entries(BASIC_EXCEPTIONS).map(([ch, code]) => [code, ch]));

/** The cues of an SCC file (pop-on captions; roll-up and paint-on codes are read as text breaks). */
export function parseScc(text: string): CaptionCue[] {
  const cues: CaptionCue[] = [];
  let loading = '';
  let shown: CaptionCue | null = null;
  let previous = '';
  for (const line of text.split(/\r?\n/)) {
    const m = /^(\d\d):(\d\d):(\d\d)[:;.,](\d\d)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const at = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Math.round((Number(m[4]) * 1000) / 30);
    for (const word of m[5].split(/\s+/)) {
      if (!/^[0-9a-fA-F]{4}$/.test(word)) continue;
      const [a, b] = [parseInt(word.slice(0, 2), 16) & 0x7f, parseInt(word.slice(2), 16) & 0x7f];
      if (a >= 0x10 && a <= 0x1f) {
        // Control codes come twice: the second of a pair is dropped.
        if (word === previous) {
          previous = '';
          continue;
        }
        previous = word;
        if (a === 0x14 && b === 0x2f) {
          if (shown) shown.end = at;
          shown = loading.trim() ? { start: at, end: at, text: loading.trim() } : null;
          if (shown) cues.push(shown);
          loading = '';
        } else if (a === 0x14 && b === 0x2c) {
          if (shown) shown.end = at;
          shown = null;
        } else if (a === 0x11 && b >= 0x30 && b <= 0x3f) loading += SPECIAL[b - 0x30];
        else if ((a === 0x12 || a === 0x13) && b >= 0x20 && b <= 0x3f) loading = loading.slice(0, -1) + (a === 0x12 ? EXTENDED_12 : EXTENDED_13)[b - 0x20];
        else if (b >= 0x40 && loading && !loading.endsWith('\n')) loading += '\n';
        continue;
      }
      previous = '';
      for (const c of [a, b]) if (c >= 0x20) loading += BASIC_BY_CODE.get(c) ?? String.fromCharCode(c);
    }
  }
  // A cue never erased lasts until the next one, or three seconds.
  for (const [i, c] of cues.entries()) if (c.end <= c.start) c.end = cues[i + 1]?.start ?? c.start + 3000;
  return cues;
}
