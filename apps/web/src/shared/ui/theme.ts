import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * The dashboard's theme, held to WCAG 2.1 AA contrast (1.4.3: 4.5:1 for text) everywhere a
 * palette colour is used by name (`color="teal"`, `c="orange"`, `c="dimmed"`).
 *
 * Mantine's default light scheme misses it in places the inbox uses all day: grey "dimmed" text is
 * 3.3:1, a filled indigo button 4.3:1, a light teal badge 4.3:1, an outlined orange badge 2.6:1.
 * Instead of fixing each component, the colour variables Mantine's variants read are recomputed
 * here from the palette: the first shade that reaches the target against every background the
 * app puts text on, or — where even shade 9 does not (orange, yellow, green, teal on their own
 * tint) — shade 9 darkened just enough. The palette itself is unchanged, so a colour still looks
 * like itself; the a11y browser test (apps/web/test/a11y.e2e-spec.ts) checks the result with axe.
 */

/** 4.5:1 plus a margin for anti-aliasing and rounding in the checkers. */
const TARGET = 4.6;

/** Backgrounds text sits on: the page, grey panels (gray.0, gray.1) and the selected thread row (indigo.0). */
const SURFACES = ['#ffffff', '#f8f9fa', '#f1f3f5', '#edf2ff'];

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** `color` mixed with black by the share `k` (0…1). */
function darken(color: string, k: number): string {
  const [r, g, b] = rgb(color);
  return hex([r * (1 - k), g * (1 - k), b * (1 - k)]);
}

/** `color` darkened toward black in small steps until it reaches TARGET against every background. */
function darkEnough(color: string, backgrounds: string[]): string {
  for (let k = 0; k <= 1; k += 0.02) {
    const candidate = darken(color, k);
    if (backgrounds.every((bg) => contrast(candidate, bg) >= TARGET)) return candidate;
  }
  return '#000000';
}

/** The first of the given shades that passes on every background, else the last one darkened. */
function firstReadable(palette: MantineColorsTuple, shades: number[], backgrounds: string[]): string {
  for (const shade of shades) {
    const color = palette[shade];
    if (color && backgrounds.every((bg) => contrast(color, bg) >= TARGET)) return color;
  }
  return darkEnough(palette[shades[shades.length - 1] ?? 9] ?? '#000000', backgrounds);
}

/** Grey secondary text: between gray.6 (3.3:1, too light) and gray.7 (no longer reads as secondary). */
const DIMMED = '#5f666e';

const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const dimmed = darkEnough(DIMMED, SURFACES);
  // Placeholders too: in the filter bars they are the only visible label of a field (axe does not check them).
  const light: Record<string, string> = { '--mantine-color-dimmed': dimmed, '--mantine-color-placeholder': dimmed };
  for (const [name, palette] of Object.entries(theme.colors)) {
    if (name === 'dark' || palette.length < 10) continue;
    // Text in the colour (light badges and buttons on their tint, outlines, `c="teal"`).
    const ink = firstReadable(palette, [7, 8, 9], [...SURFACES, palette[0], palette[1]]);
    // Filled buttons and badges carry white text; subtle buttons use the same colour as text on white.
    const filled = firstReadable(palette, [6, 7, 8, 9], ['#ffffff']);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.12);
    light[`--mantine-color-${name}-light-color`] = ink;
    light[`--mantine-color-${name}-outline`] = ink;
    light[`--mantine-color-${name}-text`] = ink;
  }
  // Links (Anchor) are drawn in the primary colour's text ink.
  light['--mantine-color-anchor'] = light[`--mantine-color-${theme.primaryColor}-text`] ?? 'inherit';
  return { variables: {}, light, dark: {} };
};

export { cssVariablesResolver };

export const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md', focusRing: 'auto' });
