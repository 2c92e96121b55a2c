// Big values stay cheap to show: a span's attributes may hold 100 KiB of messages or tool output, and laying all of
// it out on every click froze the tab for seconds. A value is shown as its first few KiB with its size; the rest only
// when asked for. Control characters (NUL and friends, which render as nothing or tofu) become visible symbols in
// what is shown; copying gives the value exactly as sent.

/** Characters shown before "show all". */
export const PREVIEW_CHARS = 4096;

export interface ValuePreview {
  /** What to show: the start of the value, control characters made visible. */
  shown: string;
  truncated: boolean;
  /** The value's size in UTF-8 bytes. */
  bytes: number;
}

/**
 * The start of a value for display, never cutting a character in half.
 *
 * @example
 * previewText('a\u0000b', 2) // { shown: 'a␀', truncated: true, bytes: 3 }
 */
export function previewText(text: string, limit = PREVIEW_CHARS): ValuePreview {
  let end = Math.min(text.length, limit);
  // A UTF-16 high surrogate at the cut would leave half an emoji.
  if (end < text.length && end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { shown: visibleControls(text.slice(0, end)), truncated: end < text.length, bytes: utf8Bytes(text) };
}

/**
 * Control characters other than tab and newline as their Unicode "control picture" (U+2400…), so NUL shows as ␀.
 *
 * @example
 * visibleControls('x\u0000\u0007y') // 'x␀␇y'
 */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (char) => String.fromCharCode(char === '\u007f' ? 0x2421 : 0x2400 + char.charCodeAt(0)));
}

/**
 * The UTF-8 size of a string, counted without encoding it.
 *
 * @example
 * utf8Bytes('é😀') // 6
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && index + 1 < text.length) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A byte count in B, KiB or MiB.
 *
 * @example
 * formatBytes(104_857) // '102.4 KiB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
