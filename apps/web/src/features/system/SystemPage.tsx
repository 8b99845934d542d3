import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { modulePath } from '../../modules';
import { ConfigEditor } from './ConfigEditor';
import { ConfigHistory } from './ConfigHistory';
import { LogViewer } from './LogViewer';
import { MaintenancePanel } from './MaintenancePanel';
import { StatusPanel } from './StatusPanel';

const TABS = [
  { path: 'status', label: 'Status' },
  { path: 'config', label: 'Configuration' },
  { path: 'logs', label: 'Logs' },
  { path: 'maintenance', label: 'Maintenance' },
] as const;

/** Tab links and the redirect are absolute: relative ones would resolve against the splat (see modulePath). */
const BASE = modulePath('system');

export function SystemPage() {
  return (
    <div className="system-page">
      <nav className="tabs" aria-label="System sections">
        {TABS.map((t) => (
          <NavLink key={t.path} to={`${BASE}/${t.path}`} className={({ isActive }) => `tab${isActive ? ' active' : ''}`}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <div className="stack">
        <Routes>
          <Route path="status" element={<StatusPanel />} />
          <Route
            path="config"
            element={
              <>
                <ConfigEditor />
                <ConfigHistory />
              </>
            }
          />
          <Route path="logs" element={<LogViewer />} />
          <Route path="maintenance" element={<MaintenancePanel />} />
          <Route path="*" element={<Navigate to={`${BASE}/status`} replace />} />
        </Routes>
      </div>
    </div>
  );
}
