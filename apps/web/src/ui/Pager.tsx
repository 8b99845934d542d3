import type { ReactNode } from 'react';
import type { Page } from '@meridian/contracts';
import { formatNumber } from './format';
import { QueryView, type QueryLike } from './QueryView';
import type { Paging } from './usePagedFilters';

export interface PagerLabels {
  prev: string;
  next: string;
}

export interface PagerTestIds {
  range?: string;
  prev?: string;
  next?: string;
}

/** Lists newest first page back in time. */
const NEWEST_FIRST: PagerLabels = { prev: 'Newer', next: 'Older' };

interface PagerButtonsProps {
  paging: Paging;
  /** Items in the whole list; unknown (not loaded yet) disables the next page. */
  total: number | undefined;
  labels?: PagerLabels;
  testIds?: Pick<PagerTestIds, 'prev' | 'next'>;
  /** Between the two buttons. */
  children?: ReactNode;
}

/** The buttons to the previous and the next page. */
export function PagerButtons({ paging: { offset, pageSize, setOffset }, total, labels = NEWEST_FIRST, testIds = {}, children }: PagerButtonsProps) {
  return (
    <div className="pager">
      <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))} data-testid={testIds.prev}>
        {labels.prev}
      </button>
      {children}
      <button type="button" className="btn btn-small" disabled={total === undefined || offset + pageSize >= total} onClick={() => setOffset(offset + pageSize)} data-testid={testIds.next}>
        {labels.next}
      </button>
    </div>
  );
}

interface PagerProps {
  paging: Paging;
  /** Items on the current page. */
  shown: number;
  total: number;
  labels?: PagerLabels;
  testIds?: PagerTestIds;
  /** After the range ("1–50 of 120"). */
  note?: ReactNode;
  /** "page 2 / 3" between the buttons. */
  showPageCount?: boolean;
}

/** "1–50 of 120" and the buttons to the previous and the next page. */
export function Pager({ paging, shown, total, labels, testIds = {}, note, showPageCount = false }: PagerProps) {
  const { offset, pageSize } = paging;
  return (
    <div className="pager-row">
      <span className="muted small" data-testid={testIds.range}>
        {formatNumber(offset + 1)}–{formatNumber(offset + shown)} of {formatNumber(total)}
        {note}
      </span>
      <PagerButtons paging={paging} total={total} labels={labels} testIds={testIds}>
        {showPageCount ? (
          <span className="muted small">
            page {Math.floor(offset / pageSize) + 1} / {Math.max(1, Math.ceil(total / pageSize))}
          </span>
        ) : null}
      </PagerButtons>
    </div>
  );
}

interface PagedQueryViewProps<T> {
  query: QueryLike<Page<T>>;
  paging: Paging;
  emptyText: string;
  loadingText: string;
  labels?: PagerLabels;
  testIds?: PagerTestIds;
  /** The page's items (a table); the pager follows. */
  children: (items: T[]) => ReactNode;
}

/** A paged query: loading, error and empty states as QueryView shows them, else the page and its pager. */
export function PagedQueryView<T>({ query, paging, emptyText, loadingText, labels, testIds, children }: PagedQueryViewProps<T>) {
  return (
    <QueryView query={query} isEmpty={(p) => p.items.length === 0} emptyText={emptyText} loadingText={loadingText}>
      {(page) => (
        <>
          {children(page.items)}
          <Pager paging={paging} shown={page.items.length} total={page.total} labels={labels} testIds={testIds} />
        </>
      )}
    </QueryView>
  );
}
