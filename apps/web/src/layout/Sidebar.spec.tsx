import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { MODULES, enabledModules, type ModuleDef } from '../modules';
import { Sidebar } from './Sidebar';

describe('module navigation', () => {
  it('lists the ten modules, of which Dashboard, Markets, Strategies, Simulation, Portfolio, Execution and System are enabled today', () => {
    expect(MODULES.map((m) => m.label)).toEqual([
      'Dashboard',
      'Data Workspace',
      'MLOps',
      'Markets',
      'Intelligence',
      'Strategies',
      'Simulation',
      'Portfolio',
      'Execution',
      'System',
    ]);
    expect(enabledModules().map((m) => m.id)).toEqual(['dashboard', 'markets', 'strategies', 'simulation', 'portfolio', 'execution', 'system']);
  });

  it('shows only enabled modules in the sidebar', () => {
    render(
      <MemoryRouter>
        <Sidebar />
      </MemoryRouter>,
    );
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(['DBDashboard', 'MKMarkets', 'STStrategies', 'SISimulation', 'PFPortfolio', 'EXExecution', 'SYSystem']);
    expect(screen.queryByText('Intelligence')).toBeNull();
  });

  it('shows a module as soon as it is enabled', () => {
    const modules: ModuleDef[] = MODULES.map((m) => (m.id === 'intelligence' ? { ...m, enabled: true } : m));
    render(
      <MemoryRouter>
        <Sidebar modules={modules} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: /Intelligence/ }).getAttribute('href')).toBe('/intelligence');
  });
});
