import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { contrast, cssVariablesResolver, theme } from '../src/shared/ui/theme';

/** The colours the theme computes (apps/web/src/shared/ui/theme.ts) against WCAG 2.1 AA 1.4.3. */
describe('the dashboard theme', () => {
  const full = mergeMantineTheme(DEFAULT_THEME, theme);
  const { light } = cssVariablesResolver(full);
  const SURFACES = ['#ffffff', '#f8f9fa', '#f1f3f5', '#edf2ff'];

  it('every text colour it sets reaches 4.5:1 on every surface, light badges on their own tint, white on every filled colour', () => {
    const failures: string[] = [];
    for (const [name, value] of Object.entries(light)) {
      const palette = /--mantine-color-(\w+)-/.exec(name)?.[1];
      if (name.endsWith('-filled')) {
        if (contrast(value, '#ffffff') < 4.5) failures.push(`${name} ${value} under white text`);
      } else if (!name.endsWith('-filled-hover')) {
        const tint = palette && full.colors[palette] ? [full.colors[palette][1]] : [];
        for (const bg of [...SURFACES, ...tint]) if (contrast(value, bg) < 4.5) failures.push(`${name} ${value} on ${bg}`);
      }
    }
    expect(failures).toEqual([]);
    // Every palette colour is covered, the primary's links too.
    expect(Object.keys(light)).toEqual(
      expect.arrayContaining(['--mantine-color-dimmed', '--mantine-color-anchor', '--mantine-color-orange-outline', '--mantine-color-teal-light-color']),
    );
  });

  it("Mantine's own colours, which it replaces, fail the same check", () => {
    expect(contrast(DEFAULT_THEME.colors.gray[6], '#ffffff')).toBeLessThan(4.5); // dimmed
    expect(contrast(DEFAULT_THEME.colors.indigo[6], '#ffffff')).toBeLessThan(4.5); // filled primary
    expect(contrast(DEFAULT_THEME.colors.teal[9], DEFAULT_THEME.colors.teal[1])).toBeLessThan(4.5); // light teal badge
  });
});
