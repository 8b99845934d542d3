import type { ReactNode } from 'react';
import { describeError } from '../api/apiError';

export interface QueryLike<T> {
  data?: T;
  error?: unknown;
  isLoading: boolean;
}

interface QueryViewProps<T> {
  query: QueryLike<T>;
  /** When true for the data, `emptyText` is shown instead of the children. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  loadingText?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error, empty and data states of one query, the same way everywhere. */
export function QueryView<T>({ query, isEmpty, emptyText = 'Nothing to show', loadingText = 'Loading…', children }: QueryViewProps<T>) {
  if (query.data === undefined) {
    if (query.error) return <ErrorNote error={query.error} />;
    if (query.isLoading) return <div className="state state-loading">{loadingText}</div>;
    return <div className="state state-empty">{emptyText}</div>;
  }
  return (
    <>
      {/* A failed refetch keeps the last good data on screen, flagged as stale. */}
      {query.error ? <ErrorNote error={query.error} stale /> : null}
      {isEmpty?.(query.data) ? <div className="state state-empty">{emptyText}</div> : children(query.data)}
    </>
  );
}

export function ErrorNote({ error, stale = false }: { error: unknown; stale?: boolean }) {
  const { message, requestId } = describeError(error);
  return (
    <div className="state state-error" role="alert">
      {stale ? 'Showing last known data. ' : null}
      {message}
      {requestId ? <span className="request-id"> (request {requestId})</span> : null}
    </div>
  );
}
