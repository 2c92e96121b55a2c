'use client';
// One value of a span (an attribute, a message, a tool's arguments or result) shown cheaply whatever its size: the
// first 4 KiB with the total size, and "show all" / "copy" for the rest (lib/value-preview.ts). Copy gives the value
// exactly as sent; what is shown has control characters made visible. Rendered as text only.
import { useMemo, useState } from 'react';
import { formatBytes, previewText, visibleControls } from '../lib/value-preview.ts';

export function ValueText({ text, block = false, label = 'value' }: { text: string; block?: boolean; label?: string }) {
  const [all, setAll] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const preview = useMemo(() => previewText(text), [text]);
  // The whole value is made displayable only when asked for.
  const shown = useMemo(() => (all && preview.truncated ? visibleControls(text) : preview.shown), [all, preview, text]);
  const Tag = block ? 'pre' : 'span';
  return (
    <>
      <Tag className={`value-text${all && preview.truncated ? ' value-all' : ''}`}>
        {shown}
        {preview.truncated && !all ? '…' : null}
      </Tag>
      {preview.truncated ? (
        <span className="value-actions" data-testid="value-actions">
          <span className="cell-sub">{formatBytes(preview.bytes)}{all ? '' : ', first 4 KiB shown'}</span>
          <button type="button" className="btn-link" onClick={() => setAll((current) => !current)} aria-label={all ? `Show less of ${label}` : `Show all of ${label}`}>
            {all ? 'show less' : 'show all'}
          </button>
          <button
            type="button"
            className="btn-link"
            aria-label={`Copy ${label}`}
            onClick={() => {
              navigator.clipboard.writeText(text).then(
                () => setCopied('done'),
                () => setCopied('failed'),
              );
            }}
          >
            {copied === 'done' ? 'copied' : copied === 'failed' ? 'copy failed' : 'copy'}
          </button>
        </span>
      ) : null}
    </>
  );
}
