'use client';
// Last-resort error boundary: an unexpected failure while rendering a page shows this instead of a blank screen.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <div>
        <strong>This page failed to render</strong>
        {error.digest ? <>Reference <code>{error.digest}</code> in the dashboard&apos;s server log. </> : null}
        <button type="button" className="btn btn-sm" onClick={reset} style={{ marginLeft: 8 }}>Try again</button>
      </div>
    </div>
  );
}
