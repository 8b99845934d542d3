import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from '../layout/AppLayout';
import { enabledModules, type ModuleId } from '../modules';
import { LoginPage } from '../session/LoginPage';
import { RequireAuth } from '../session/RequireAuth';

/** The page of each module that has one; only enabled modules are routed. Loaded on demand. */
const PAGES: Partial<Record<ModuleId, ComponentType>> = {
  dashboard: lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage }))),
  markets: lazy(() => import('../features/markets/MarketsPage').then((m) => ({ default: m.MarketsPage }))),
  strategies: lazy(() => import('../features/strategies/StrategiesPage').then((m) => ({ default: m.StrategiesPage }))),
  simulation: lazy(() => import('../features/simulation/SimulationPage').then((m) => ({ default: m.SimulationPage }))),
  portfolio: lazy(() => import('../features/portfolio/PortfolioPage').then((m) => ({ default: m.PortfolioPage }))),
  execution: lazy(() => import('../features/execution/ExecutionPage').then((m) => ({ default: m.ExecutionPage }))),
  system: lazy(() => import('../features/system/SystemPage').then((m) => ({ default: m.SystemPage }))),
};

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {enabledModules().map((m) => {
          const Page = PAGES[m.id];
          if (!Page) return null;
          const element = (
            <Suspense fallback={<div className="state state-loading">Loading…</div>}>
              <Page />
            </Suspense>
          );
          return <Route key={m.id} path={`${m.path}/*`} element={element} />;
        })}
        <Route path="*" element={<Navigate to="/dashboard" replace />} />
      </Route>
    </Routes>
  );
}
