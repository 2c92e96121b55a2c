// The traces list's filter bar: a GET form, so filters live in the URL and work before any script loads.
import Form from 'next/form';
import type { FacetsResponse } from '@hotpath/collector/api-types';
import { TIME_RANGES, type TraceListQuery } from '../lib/trace-list-query.ts';

const RANGE_LABELS: Record<keyof typeof TIME_RANGES, string> = { '15m': 'Last 15 min', '1h': 'Last hour', '6h': 'Last 6 hours', '24h': 'Last 24 hours', '7d': 'Last 7 days', all: 'All time' };

function Choice({ name, label, value, options }: { name: string; label: string; value: string; options: string[] }) {
  // Keep a value from the URL selectable even when the facets no longer list it.
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">Any</option>
        {all.map((option) => (
          <option key={option} value={option}>{option}</option>
        ))}
      </select>
    </div>
  );
}

function NumberField({ name, label, value, placeholder }: { name: string; label: string; value: number | null; placeholder: string }) {
  return (
    <div className="field field-narrow">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <input id={`filter-${name}`} name={name} type="number" min={0} step="any" inputMode="numeric" placeholder={placeholder} defaultValue={value ?? ''} />
    </div>
  );
}

export function TraceFilters({ query, facets }: { query: TraceListQuery; facets: FacetsResponse | null }) {
  return (
    <Form action="/" className="filters" aria-label="Filter traces">
      <div className="field field-search">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          placeholder="Trace or span id, key=value, name, error text"
          title="A trace id (or its first 8+ digits), a span id, key=value attributes (quote values with spaces), or words found in span, agent, tool, model and service names and in error messages"
          defaultValue={query.q}
        />
      </div>
      <Choice name="service" label="Service" value={query.service} options={facets?.services ?? []} />
      <Choice name="agent" label="Agent" value={query.agent} options={facets?.agents ?? []} />
      <Choice name="model" label="Model" value={query.model} options={facets?.models ?? []} />
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={query.status}>
          <option value="">Any</option>
          <option value="ok">OK</option>
          <option value="error">Error</option>
        </select>
      </div>
      <NumberField name="minDurationMs" label="Min ms" value={query.minDurationMs} placeholder="0" />
      <NumberField name="maxDurationMs" label="Max ms" value={query.maxDurationMs} placeholder="∞" />
      <NumberField name="minTokens" label="Min tokens" value={query.minTokens} placeholder="0" />
      <NumberField name="maxTokens" label="Max tokens" value={query.maxTokens} placeholder="∞" />
      <div className="field">
        <label htmlFor="filter-range">Time</label>
        <select id="filter-range" name="range" defaultValue={query.range}>
          {(Object.keys(TIME_RANGES) as (keyof typeof TIME_RANGES)[]).map((range) => (
            <option key={range} value={range}>{RANGE_LABELS[range]}</option>
          ))}
        </select>
      </div>
      {query.sort !== 'start' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.order !== 'desc' ? <input type="hidden" name="order" value={query.order} /> : null}
      <button type="submit" className="btn btn-primary">Apply</button>
      <a className="btn" href="/">Reset</a>
    </Form>
  );
}
