/**
 * The ten modules of Meridian, in navigation order. A module is listed in the navigation (and
 * routed) only once it works: flip `enabled` when its page lands.
 */
export interface ModuleDef {
  id: ModuleId;
  label: string;
  path: string;
  /** Two-letter mark shown in the sidebar. */
  mark: string;
  enabled: boolean;
}

export type ModuleId =
  | 'dashboard'
  | 'data'
  | 'mlops'
  | 'markets'
  | 'intelligence'
  | 'strategies'
  | 'simulation'
  | 'portfolio'
  | 'execution'
  | 'system';

export const MODULES: readonly ModuleDef[] = [
  { id: 'dashboard', label: 'Dashboard', path: '/dashboard', mark: 'DB', enabled: true },
  { id: 'data', label: 'Data Workspace', path: '/data', mark: 'DW', enabled: false },
  { id: 'mlops', label: 'MLOps', path: '/mlops', mark: 'ML', enabled: false },
  { id: 'markets', label: 'Markets', path: '/markets', mark: 'MK', enabled: true },
  { id: 'intelligence', label: 'Intelligence', path: '/intelligence', mark: 'IN', enabled: false },
  { id: 'strategies', label: 'Strategies', path: '/strategies', mark: 'ST', enabled: true },
  { id: 'simulation', label: 'Simulation', path: '/simulation', mark: 'SI', enabled: true },
  { id: 'portfolio', label: 'Portfolio', path: '/portfolio', mark: 'PF', enabled: true },
  { id: 'execution', label: 'Execution', path: '/execution', mark: 'EX', enabled: true },
  { id: 'system', label: 'System', path: '/system', mark: 'SY', enabled: true },
];

export function enabledModules(modules: readonly ModuleDef[] = MODULES): ModuleDef[] {
  return modules.filter((m) => m.enabled);
}

/**
 * The absolute URL of a module's page, for links and redirects between its tabs. A module's page
 * is routed as `${path}/*` with its tabs in nested <Routes>; a relative `to` there resolves against
 * the whole URL (splat included, React Router 7), so "correlations" from /markets/watch would be
 * /markets/watch/correlations and a catch-all <Navigate to="watch"> would redirect forever.
 */
export function modulePath(id: ModuleId, modules: readonly ModuleDef[] = MODULES): string {
  const module = modules.find((m) => m.id === id);
  if (!module) throw new Error(`unknown module ${id}`);
  return module.path;
}
