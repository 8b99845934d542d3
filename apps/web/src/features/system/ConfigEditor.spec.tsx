import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ConfigVersionView } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { ConfigEditor } from './ConfigEditor';

const current: ConfigVersionView = {
  version: 3,
  settings: {
    alerts: { latencyP95Ms: 250, errorRatePct: 2, minRequests: 50 },
    rateLimit: { perMinute: 600 },
    retention: { logsDays: 14, metricsDays: 30, alertsDays: 90 },
    transport: { timeoutMs: 5000 },
  },
  changedBy: 'admin@meridian.dev',
  changedAt: '2026-01-01T00:00:00.000Z',
  comment: null,
  rolledBackFrom: null,
};

afterEach(() => jest.restoreAllMocks());

describe('ConfigEditor', () => {
  it('shows the 400 field errors next to their fields', async () => {
    fakeGateway({
      'GET /api/system/config': { body: current },
      'POST /api/system/config': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          details: [
            { field: 'settings.alerts.latencyP95Ms', rules: { min: 'latencyP95Ms must not be less than 10' } },
            { field: 'transport.timeoutMs', rules: { max: 'timeoutMs must not be greater than 60000' } },
          ],
          requestId: 'req-1',
        },
      },
    });
    renderWithStore(<ConfigEditor />, { session: sessionAs('admin') });

    fireEvent.change(await screen.findByTestId('config-alerts.latencyP95Ms'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('config-save'));

    expect((await screen.findByTestId('config-error-alerts.latencyP95Ms')).textContent).toBe('latencyP95Ms must not be less than 10');
    expect(screen.getByTestId('config-error-transport.timeoutMs').textContent).toBe('timeoutMs must not be greater than 60000');
    expect(screen.getByTestId('config-alerts.latencyP95Ms').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('config-error').textContent).toBe('Validation failed');
    expect(screen.queryByTestId('config-error-rateLimit.perMinute')).toBeNull();
  });

  it('posts the edited settings with the comment', async () => {
    const calls = fakeGateway({
      'GET /api/system/config': { body: current },
      'POST /api/system/config': { body: { ...current, version: 4 } },
    });
    renderWithStore(<ConfigEditor />, { session: sessionAs('admin') });

    fireEvent.change(await screen.findByTestId('config-rateLimit.perMinute'), { target: { value: '1200' } });
    fireEvent.change(screen.getByPlaceholderText('Why this change'), { target: { value: 'load test' } });
    fireEvent.click(screen.getByTestId('config-save'));

    await waitFor(() => expect(calls.some((c) => c.key === 'POST /api/system/config')).toBe(true));
    const post = calls.find((c) => c.key === 'POST /api/system/config');
    expect(post?.body).toEqual({ settings: { ...current.settings, rateLimit: { perMinute: 1200 } }, comment: 'load test' });
  });

  it('refuses a value that is not a number without calling the API', async () => {
    const calls = fakeGateway({ 'GET /api/system/config': { body: current } });
    renderWithStore(<ConfigEditor />, { session: sessionAs('admin') });

    fireEvent.change(await screen.findByTestId('config-retention.logsDays'), { target: { value: 'two weeks' } });
    fireEvent.click(screen.getByTestId('config-save'));

    expect(screen.getByTestId('config-error-retention.logsDays').textContent).toBe('must be a number');
    expect(calls.map((c) => c.key)).toEqual(['GET /api/system/config']);
  });

  it('is read-only for viewers', async () => {
    fakeGateway({ 'GET /api/system/config': { body: current } });
    renderWithStore(<ConfigEditor />, { session: sessionAs('viewer') });

    const input = await screen.findByTestId('config-alerts.latencyP95Ms');
    expect((input.closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.queryByTestId('config-save')).toBeNull();
  });

  it('shows the error message when the config cannot be loaded', async () => {
    fakeGateway({
      'GET /api/system/config': { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'down', service: 'execution' } },
    });
    renderWithStore(<ConfigEditor />, { session: sessionAs('viewer') });

    expect((await screen.findByRole('alert')).textContent).toContain('execution is unavailable');
  });
});
