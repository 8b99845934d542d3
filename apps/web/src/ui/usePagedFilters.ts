import { useCallback, useState } from 'react';

/** Where a paged list is, and how to move it. */
export interface Paging {
  offset: number;
  pageSize: number;
  setOffset: (offset: number) => void;
}

/** A paged list's position; `page` is the `limit`/`offset` pair of its query. */
export function usePaging(pageSize: number) {
  const [offset, setOffset] = useState(0);
  const paging: Paging = { offset, pageSize, setOffset };
  return { paging, page: { limit: pageSize, offset } };
}

/** The filters of a paged list and its position: changing a filter goes back to the first page. */
export function usePagedFilters<F extends object>(initial: F | (() => F), pageSize: number) {
  const [filters, setFilters] = useState<F>(initial);
  const { paging, page } = usePaging(pageSize);
  const { setOffset } = paging;
  const setFilter = useCallback(
    <K extends keyof F>(key: K, value: F[K]) => {
      setFilters((f) => ({ ...f, [key]: value }));
      setOffset(0);
    },
    [setOffset],
  );
  return { filters, setFilter, paging, page };
}
