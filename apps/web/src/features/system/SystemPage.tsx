import { TabbedModulePage, type ModuleTab } from '../../ui/TabbedModulePage';
import { ConfigEditor } from './ConfigEditor';
import { ConfigHistory } from './ConfigHistory';
import { LogViewer } from './LogViewer';
import { MaintenancePanel } from './MaintenancePanel';
import { StatusPanel } from './StatusPanel';

const TABS: ModuleTab[] = [
  { path: 'status', label: 'Status', element: <StatusPanel /> },
  {
    path: 'config',
    label: 'Configuration',
    element: (
      <>
        <ConfigEditor />
        <ConfigHistory />
      </>
    ),
  },
  { path: 'logs', label: 'Logs', element: <LogViewer /> },
  { path: 'maintenance', label: 'Maintenance', element: <MaintenancePanel /> },
];

export function SystemPage() {
  return <TabbedModulePage module="system" tabs={TABS} bodyClassName="stack" />;
}
