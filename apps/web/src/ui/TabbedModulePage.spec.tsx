import { fireEvent, render, screen } from '@testing-library/react';
import { Link, MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { TabbedModulePage, type ModuleTab } from './TabbedModulePage';

const TABS: ModuleTab[] = [
  { path: 'first', label: 'First', element: <p>first tab</p> },
  { path: 'second', label: 'Second', element: <Link to="/system/item/7">open item 7</Link> },
];

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

/** The page routed as the app routes it: `${path}/*`. */
function renderAt(route: string, extra: Partial<Parameters<typeof TabbedModulePage>[0]> = {}) {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <Routes>
        <Route
          path="/system/*"
          element={<TabbedModulePage module="system" tabs={TABS} routes={[{ path: 'item/:id', element: <p>an item</p> }]} {...extra} />}
        />
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}

const tab = (name: string) => screen.getByRole('link', { name });

describe('TabbedModulePage', () => {
  it("names the tab bar and the page after the module and links every tab absolutely, from any depth", () => {
    const { container } = renderAt('/system/second');
    expect(screen.getByRole('navigation', { name: 'System sections' })).toBeTruthy();
    expect(container.querySelector('.system-page > nav.tabs')).toBeTruthy();
    expect(tab('First').getAttribute('href')).toBe('/system/first');
    expect(tab('Second').getAttribute('href')).toBe('/system/second');
    expect(tab('Second').className).toBe('tab active');
    expect(tab('First').className).toBe('tab');

    fireEvent.click(screen.getByText('open item 7'));
    expect(screen.getByText('an item')).toBeTruthy();
    expect(tab('First').getAttribute('href')).toBe('/system/first');
    fireEvent.click(tab('First'));
    expect(screen.getByText('first tab')).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/system/first');
  });

  it('opens on the first tab and sends an unknown section there once', () => {
    renderAt('/system');
    expect(screen.getByTestId('where').textContent).toBe('/system/first');
    renderAt('/system/nowhere/deeper');
    expect(screen.getAllByTestId('where')[1].textContent).toBe('/system/first');
  });

  it('shows the aside in the tab bar, wraps the body when asked, and renders children after it', () => {
    const { container } = renderAt('/system/first', { aside: <i>aside</i>, bodyClassName: 'stack', children: <b>after</b> });
    expect(container.querySelector('nav.tabs > .tabs-aside > i')?.textContent).toBe('aside');
    expect(container.querySelector('.system-page > .stack > p')?.textContent).toBe('first tab');
    expect(container.querySelector('.system-page > .stack + b')?.textContent).toBe('after');
  });
});
