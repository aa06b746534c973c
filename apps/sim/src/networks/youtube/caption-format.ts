import { parseScc, renderScc } from './caption-scc';
import type { CaptionCue, CaptionFormat } from './store';

/**
 * Caption files as captions.insert takes them and captions.download gives them (tfmt): SubRip
 * (srt), WebVTT (vtt), SubViewer (sbv), TTML and Scenarist (scc, caption-scc.ts); a file in none of these is a transcript without
 * times (each line a cue of three seconds, where YouTube would time it itself).
 */
const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})`;
const RANGE = new RegExp(String.raw`^\s*${TIME}\s*(?:-->|,)\s*${TIME}`);

const ms = (m: RegExpExecArray, at: number): number =>
  ((Number(m[at] ?? 0) * 60 + Number(m[at + 1])) * 60 + Number(m[at + 2])) * 1000 + Number(m[at + 3].padEnd(3, '0'));

export function detectFormat(text: string): CaptionFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('WEBVTT')) return 'vtt';
  if (t.startsWith('Scenarist_SCC')) return 'scc';
  if (/^<\?xml|^<tt[\s>]/.test(t) && t.includes('<tt')) return 'ttml';
  if (/^\d+\s*\r?\n\s*\d+:\d{2}:\d{2},\d{1,3}\s*-->/.test(t)) return 'srt';
  if (/^\d+:\d{2}:\d{2}\.\d{1,3},\d+:\d{2}:\d{2}\.\d{1,3}/.test(t)) return 'sbv';
  return 'text';
}

/** The cues of a file in its format. */
export function parseCues(text: string, format: CaptionFormat): CaptionCue[] {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (format === 'ttml') return parseTtml(body);
  if (format === 'scc') return parseScc(body);
  if (format === 'text')
    return body
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line, i) => ({ start: i * 3000, end: (i + 1) * 3000, text: line }));
  const cues: CaptionCue[] = [];
  for (const block of body.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => RANGE.test(l));
    if (at < 0) continue;
    const m = RANGE.exec(lines[at]) as RegExpExecArray;
    const words = lines
      .slice(at + 1)
      .join('\n')
      .trim();
    if (words) cues.push({ start: ms(m, 1), end: ms(m, 5), text: words });
  }
  return cues;
}

const CLOCK = /^(\d+):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

function clock(v: string | undefined): number | null {
  const m = CLOCK.exec(v ?? '');
  if (!m) return null;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number((m[4] ?? '0').padEnd(3, '0'));
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function parseTtml(body: string): CaptionCue[] {
  const cues: CaptionCue[] = [];
  for (const m of body.matchAll(/<p\b([^>]*)>([\s\S]*?)<\/p>/g)) {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1])?.[1];
    const start = clock(attr('begin'));
    const end = clock(attr('end'));
    const text = unescapeXml(m[2].replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '')).trim();
    if (start !== null && end !== null && text) cues.push({ start, end, text });
  }
  return cues;
}

function stamp(t: number, sep: string, hourDigits: number): string {
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h, hourDigits)}:${pad(m)}:${pad(s)}${sep}${pad(t % 1000, 3)}`;
}

export const TFMT = ['sbv', 'scc', 'srt', 'ttml', 'vtt'] as const;

/** The cues in the format tfmt names. */
export function renderCues(cues: CaptionCue[], format: (typeof TFMT)[number], language: string): string {
  if (format === 'scc') return renderScc(cues);
  if (format === 'srt') return cues.map((c, i) => `${i + 1}\n${stamp(c.start, ',', 2)} --> ${stamp(c.end, ',', 2)}\n${c.text}\n`).join('\n');
  if (format === 'vtt') return `WEBVTT\n\n${cues.map((c) => `${stamp(c.start, '.', 2)} --> ${stamp(c.end, '.', 2)}\n${c.text}\n`).join('\n')}`;
  if (format === 'sbv') return cues.map((c) => `${stamp(c.start, '.', 1)},${stamp(c.end, '.', 1)}\n${c.text}\n`).join('\n');
  const ps = cues.map((c) => `<p begin="${stamp(c.start, '.', 2)}" end="${stamp(c.end, '.', 2)}">${escapeXml(c.text).replace(/\n/g, '<br/>')}</p>`);
  return `<?xml version="1.0" encoding="utf-8" ?>\n<tt xml:lang="${language}" xmlns="http://www.w3.org/ns/ttml"><body><div>\n${ps.join('\n')}\n</div></body></tt>\n`;
}

export const CAPTION_CONTENT_TYPE: Record<CaptionFormat, string> = {
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  sbv: 'text/plain',
  ttml: 'application/ttml+xml',
  scc: 'text/plain',
  text: 'text/plain',
};
