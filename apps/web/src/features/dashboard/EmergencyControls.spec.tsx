import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { EmergencyStopReport, HaltState } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { EmergencyControls, StopReport } from './EmergencyControls';

const running: HaltState = { halted: false, reason: null, by: null, at: null };
const halted: HaltState = { halted: true, reason: 'venue outage', by: 'admin@meridian.dev', at: '2026-01-01T00:00:00.000Z' };
const report: EmergencyStopReport = {
  halt: halted,
  durationMs: 42,
  actions: [
    { service: 'execution', ok: true, detail: 'cancelled open orders', cancelledOrders: 7, cancelledAlgorithms: 2 },
    { service: 'simulation', ok: true, detail: 'stopped paper strategies', cancelledOrders: 1, cancelledAlgorithms: 1 },
  ],
};

afterEach(() => jest.restoreAllMocks());

describe('EmergencyControls', () => {
  it('asks an admin for a reason, stops trading and shows the report', async () => {
    let halt = running;
    const calls = fakeGateway({
      'GET /api/system/halt': () => ({ body: halt }),
      'POST /api/system/emergency-stop': () => {
        halt = halted;
        return { body: report };
      },
    });
    renderWithStore(<EmergencyControls />, { session: sessionAs('admin') });

    fireEvent.click(await screen.findByTestId('emergency-stop'));
    expect((screen.getByTestId('reason-confirm') as HTMLButtonElement).disabled).toBe(true); // no reason yet
    fireEvent.change(screen.getByTestId('reason-input'), { target: { value: 'venue outage' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));

    expect((await screen.findByTestId('stop-report')).textContent).toContain('cancelled open orders');
    // the totals over every service, then each service's own counts
    expect(screen.getByTestId('stop-totals').textContent).toBe('Cancelled 8 orders and 3 algorithms');
    expect(screen.getByTestId('stop-report').textContent).toContain('7 orders · 2 algos');
    expect(screen.queryByTestId('stop-failed')).toBeNull();
    expect(calls.find((c) => c.key === 'POST /api/system/emergency-stop')?.body).toEqual({ reason: 'venue outage' });
    await waitFor(() => expect(screen.getByTestId('halt-state').textContent).toBe('HALTED'));
    expect(screen.getByTestId('resume')).toBeTruthy();
  });

  it('says which services did not confirm the stop', () => {
    const partial: EmergencyStopReport = {
      ...report,
      actions: [{ service: 'execution', ok: false, detail: 'timeout', cancelledOrders: 0, cancelledAlgorithms: 0 }, report.actions[1]],
    };
    render(<StopReport report={partial} onDismiss={() => undefined} />);
    expect(screen.getByTestId('stop-totals').textContent).toBe('Cancelled 1 order and 1 algorithm');
    expect(screen.getByTestId('stop-failed').textContent).toContain('Not confirmed by execution');
  });

  it('hides the stop button from traders and viewers', async () => {
    fakeGateway({ 'GET /api/system/halt': { body: running } });
    renderWithStore(<EmergencyControls />, { session: sessionAs('trader') });

    await screen.findByTestId('halt-state');
    expect(screen.queryByTestId('emergency-stop')).toBeNull();
  });
});
