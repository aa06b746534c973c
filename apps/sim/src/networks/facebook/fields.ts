/**
 * The Graph API `fields` parameter: a comma list where each field may carry modifiers and
 * subfields, e.g. `id,message,comments.summary(true).limit(0){id,from},from{name}`.
 */
export interface FieldSpec {
  name: string;
  modifiers: Record<string, string>;
  sub: FieldSpec[] | null;
}

export function parseFields(value: string | null): FieldSpec[] | null {
  if (value === null || value.trim() === '') return null;
  return splitTopLevel(value)
    .map(parseField)
    .filter((f) => f.name !== '');
}

function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '{' || ch === '(') depth += 1;
    if (ch === '}' || ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

function parseField(text: string): FieldSpec {
  let sub: FieldSpec[] | null = null;
  const brace = text.indexOf('{');
  let head = text;
  if (brace >= 0 && text.endsWith('}')) {
    sub = parseFields(text.slice(brace + 1, -1)) ?? [];
    head = text.slice(0, brace);
  }
  const [name, ...mods] = head.split('.');
  const modifiers: Record<string, string> = {};
  for (const mod of mods) {
    const m = /^(\w+)\((.*)\)$/.exec(mod);
    if (m) modifiers[m[1]] = m[2];
  }
  return { name: name.trim(), modifiers, sub };
}

/** Graph API timestamps: "2021-08-10T18:45:03+0000". */
export const fbTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+0000');

export const unixSeconds = (ms: number): number => Math.floor(ms / 1000);
