// What the keyboard focus ring of the focused element looks like, and how well it stands out: its style, width and
// contrast against the first opaque background behind the element (WCAG asks 3:1 for such indicators).
// The check runs as a plain script string: tsx would wrap named functions in a helper the page does not have.
import type { Page } from 'playwright-core';

export interface FocusRing {
  /** The focused element, for messages: tag and accessible text. */
  element: string;
  style: string;
  widthPx: number;
  contrast: number;
}

const MEASURE = `(() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const channels = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = (rgb) => rgb.slice(0, 3).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let background = 'rgb(255, 255, 255)';
  for (let behind = element.parentElement; behind; behind = behind.parentElement) {
    const color = getComputedStyle(behind).backgroundColor;
    const alpha = channels(color)[3];
    if (color !== 'transparent' && alpha !== 0) { background = color; break; }
  }
  const [light, dark] = [luminance(channels(style.outlineColor)), luminance(channels(background))].sort((a, b) => b - a);
  return {
    element: element.tagName.toLowerCase() + ' "' + (element.getAttribute('aria-label') || element.textContent || '').trim().slice(0, 30) + '"',
    style: style.outlineStyle,
    widthPx: parseFloat(style.outlineWidth),
    contrast: (light + 0.05) / (dark + 0.05),
  };
})()`;

/**
 * @example
 * await page.keyboard.press('Tab');
 * const ring = await focusRing(page); // { element: 'a "Traces"', style: 'solid', widthPx: 2, contrast: 5.9 }
 */
export async function focusRing(page: Page): Promise<FocusRing> {
  return page.evaluate(MEASURE) as Promise<FocusRing>;
}
