import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { FilterSelect } from './FilterSelect';
import { PagedQueryView, Pager, PagerButtons } from './Pager';
import { usePagedFilters, type Paging } from './usePagedFilters';

const paging = (offset: number, setOffset = jest.fn()): Paging => ({ offset, pageSize: 25, setOffset });

describe('Pager', () => {
  it('shows the range and moves a page back and forth, within the list', () => {
    const setOffset = jest.fn();
    render(<Pager paging={paging(25, setOffset)} shown={25} total={60} testIds={{ range: 'r', prev: 'p', next: 'n' }} />);
    expect(screen.getByTestId('r').textContent).toBe('26–50 of 60');
    fireEvent.click(screen.getByText('Newer'));
    fireEvent.click(screen.getByText('Older'));
    expect(setOffset.mock.calls).toEqual([[0], [50]]);
  });

  it('disables the previous page on the first and the next one on the last', () => {
    render(<Pager paging={paging(0)} shown={10} total={10} labels={{ prev: 'Previous', next: 'Next' }} showPageCount />);
    expect((screen.getByText('Previous') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByText('Next') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('page 1 / 1')).toBeTruthy();
  });

  it('keeps the next page disabled while the total is unknown', () => {
    render(<PagerButtons paging={paging(0)} total={undefined} />);
    expect((screen.getByText('Older') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the empty state of a paged query instead of a pager', () => {
    render(
      <PagedQueryView query={{ data: { items: [], total: 0, limit: 25, offset: 0 }, isLoading: false }} paging={paging(0)} emptyText="Nothing here" loadingText="…">
        {(items) => <p>{items.length} items</p>}
      </PagedQueryView>,
    );
    expect(screen.getByText('Nothing here')).toBeTruthy();
    expect(screen.queryByText('Newer')).toBeNull();
  });
});

describe('usePagedFilters', () => {
  it('goes back to the first page when a filter changes', () => {
    const { result } = renderHook(() => usePagedFilters({ kind: '' }, 25));
    act(() => result.current.paging.setOffset(50));
    expect(result.current.page).toEqual({ limit: 25, offset: 50 });
    act(() => result.current.setFilter('kind', 'rule'));
    expect(result.current.filters).toEqual({ kind: 'rule' });
    expect(result.current.page).toEqual({ limit: 25, offset: 0 });
  });
});

describe('FilterSelect', () => {
  it('offers plain and labelled options and reports the choice', () => {
    const onChange = jest.fn();
    render(<FilterSelect label="Kind" value="" options={[{ value: '', label: 'All' }, 'rule']} onChange={onChange} testId="kind" />);
    expect(screen.getByLabelText('Kind')).toBe(screen.getByTestId('kind'));
    expect([...screen.getByTestId('kind').querySelectorAll('option')].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'All'],
      ['rule', 'rule'],
    ]);
    fireEvent.change(screen.getByTestId('kind'), { target: { value: 'rule' } });
    expect(onChange).toHaveBeenCalledWith('rule');
  });
});
