import { screen } from '@testing-library/react';
import type { HealthReport } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { HealthTiles } from './HealthTiles';

const component = (name: string, status: 'up' | 'down' | 'degraded', kind: 'service' | 'dependency' = 'service') => ({
  name,
  kind,
  status,
  latencyMs: 4.25,
  version: '0.1.0',
  checkedAt: '2026-01-01T00:00:00.000Z',
  since: '2026-01-01T00:00:00.000Z',
});

afterEach(() => jest.restoreAllMocks());

describe('HealthTiles', () => {
  it('renders one tile per component with its status, latency and version', async () => {
    const report: HealthReport = {
      status: 'degraded',
      checkedAt: '2026-01-01T00:00:00.000Z',
      components: [component('gateway', 'up'), component('simulation', 'down'), component('redis', 'degraded', 'dependency')],
    };
    fakeGateway({ 'GET /api/health/system': { body: report } });
    renderWithStore(<HealthTiles />, { session: sessionAs('viewer') });

    const simulation = await screen.findByTestId('health-tile-simulation');
    expect(simulation.getAttribute('data-status')).toBe('down');
    expect(simulation.textContent).toContain('4.3 ms');
    expect(simulation.textContent).toContain('0.1.0');
    expect(screen.getByTestId('health-tile-redis').getAttribute('data-status')).toBe('degraded');
    expect(screen.getByTestId('health-tile-gateway').getAttribute('data-status')).toBe('up');
  });

  it('shows the error message when health cannot be read', async () => {
    fakeGateway({ 'GET /api/health/system': { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'boom', requestId: 'r-9' } } });
    renderWithStore(<HealthTiles />);

    expect((await screen.findByRole('alert')).textContent).toContain('boom');
  });
});
