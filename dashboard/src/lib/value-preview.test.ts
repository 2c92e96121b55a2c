import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, previewText, utf8Bytes, visibleControls } from './value-preview.ts';

describe('value preview', () => {
  it('keeps a short value whole, with its size', () => {
    assert.deepEqual(previewText('hello'), { shown: 'hello', truncated: false, bytes: 5 });
  });

  it('cuts a long value without splitting an emoji and counts its UTF-8 size', () => {
    const value = `${'a'.repeat(3)}😀${'中'.repeat(10)}`;
    const preview = previewText(value, 4);
    assert.equal(preview.shown, 'aaa', 'the surrogate pair is left out rather than halved');
    assert.equal(preview.truncated, true);
    assert.equal(preview.bytes, 3 + 4 + 30);
  });

  it('shows NUL and other control characters as symbols but keeps tabs and newlines', () => {
    assert.equal(visibleControls('a\u0000b\tc\nd\u001b\u007f'), 'a␀b\tc\nd␛␡');
  });

  it('sizes a 100 KiB mix of emoji, CJK and NUL and previews only its start', () => {
    const unit = '😀中\u0000x';
    const value = unit.repeat(Math.ceil(100 * 1024 / utf8Bytes(unit)));
    const preview = previewText(value);
    assert.ok(preview.bytes >= 100 * 1024);
    assert.ok(preview.shown.length <= 4096);
    assert.ok(!preview.shown.includes('\u0000'));
    assert.equal(formatBytes(preview.bytes).endsWith('KiB'), true);
  });

  it('formats sizes', () => {
    assert.deepEqual([formatBytes(10), formatBytes(104_857), formatBytes(3 * 1024 * 1024)], ['10 B', '102.4 KiB', '3.0 MiB']);
  });
});
