import type { ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SystemPage } from '../features/system/SystemPage';
import { AppLayout } from '../layout/AppLayout';
import { enabledModules, type ModuleId } from '../modules';
import { LoginPage } from '../session/LoginPage';
import { RequireAuth } from '../session/RequireAuth';

/** The page of each module that has one; only enabled modules are routed. */
const PAGES: Partial<Record<ModuleId, ComponentType>> = {
  dashboard: DashboardPage,
  system: SystemPage,
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
          return Page ? <Route key={m.id} path={`${m.path}/*`} element={<Page />} /> : null;
        })}
        <Route path="*" element={<Navigate to="/dashboard" replace />} />
      </Route>
    </Routes>
  );
}
