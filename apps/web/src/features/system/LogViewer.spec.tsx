import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { LogEntry } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { LogViewer } from './LogViewer';

const entry = (id: string, msg: string): LogEntry => ({ id, time: '2026-01-01T00:00:00.000Z', service: 'gateway', level: 'info', msg });

afterEach(() => jest.restoreAllMocks());

describe('LogViewer', () => {
  it("loads older entries with the page's nextCursor as `before`", async () => {
    const calls = fakeGateway({
      'GET /api/system/logs': (req) =>
        new URL(req.url).searchParams.get('before') === 'cursor-1'
          ? { body: { items: [entry('l2', 'older line')], nextCursor: null } }
          : { body: { items: [entry('l1', 'newest line')], nextCursor: 'cursor-1' } },
    });
    renderWithStore(<LogViewer />, { session: sessionAs('viewer') });

    await screen.findByText('newest line');
    fireEvent.click(screen.getByText('Load older'));

    await screen.findByText('older line');
    expect(screen.getByText('newest line')).toBeTruthy();
    expect(screen.queryByText('Load older')).toBeNull(); // nextCursor null: nothing older
    expect(calls[1].url.searchParams.get('before')).toBe('cursor-1');
  });

  it('sends only the filters that are set', async () => {
    const calls = fakeGateway({ 'GET /api/system/logs': { body: { items: [], nextCursor: null } } });
    renderWithStore(<LogViewer />, { session: sessionAs('viewer') });
    await screen.findByText('No log entries match');

    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'error' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: ' timeout ' } });
    fireEvent.click(screen.getByText('Apply'));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(Object.fromEntries(calls[1].url.searchParams)).toEqual({ level: 'error', q: 'timeout', limit: '100' });
  });
});
