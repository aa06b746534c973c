import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.0/2.1 A and AA rules of axe-core: no rule is turned off. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's findings as lines a person can act on: rule, impact, help, and the elements. `within`: only
 * this part of the page (an open dialog or drawer: what lies under its overlay is not for reading).
 */
export async function violations(page: Page, within?: string): Promise<string[]> {
  // No loader on screen: axe reads the colours and sizes of what is finally drawn (hidden tab panels may hold one).
  await page.waitForFunction(() => ![...document.querySelectorAll<HTMLElement>('main .mantine-Loader-root')].some((l) => l.checkVisibility()), undefined, {
    timeout: 10_000,
  });
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  const result = await (within ? builder.include(within) : builder).analyze();
  return [
    ...result.violations.map(
      (v) =>
        `${v.id} (${v.impact ?? '?'}, ${v.nodes.length}×): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n')}`,
    ),
    ...(await placeholderContrast(page)),
  ];
}

/**
 * axe leaves placeholders out of its contrast rule, but in the filter bars a placeholder is the
 * field's only visible label: the same 4.5:1 is checked here (placeholder against the field).
 */
function placeholderContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')]
      .filter((el) => el.checkVisibility() && !el.value && !el.disabled && !el.closest('[inert]'))
      .flatMap((el) => {
        const fg = getComputedStyle(el, '::placeholder').color;
        let bgEl: HTMLElement | null = el;
        while (bgEl && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(bgEl).backgroundColor)) bgEl = bgEl.parentElement;
        const bg = bgEl ? getComputedStyle(bgEl).backgroundColor : 'rgb(255, 255, 255)';
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
        const ratio = ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
        return ratio < 4.5 ? [`placeholder-contrast: "${el.placeholder}" ${ratio.toFixed(2)}:1 (${fg} on ${bg})`] : [];
      });
  });
}
