import type { ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { MODULES, modulePath, type ModuleId } from '../modules';

/** A tab of a module page: its path under the module, its label in the tab bar, and what it shows. */
export interface ModuleTab {
  path: string;
  label: string;
  element: ReactNode;
}

/** A route of a module page that has no tab of its own (a detail view such as `runs/:id`). */
export interface ModuleRoute {
  path: string;
  element: ReactNode;
}

interface TabbedModulePageProps {
  module: ModuleId;
  /** In tab order; the first one is where the module opens and where an unknown section goes. */
  tabs: readonly ModuleTab[];
  /** Routes reached by links rather than by a tab. */
  routes?: readonly ModuleRoute[];
  /** Shown at the end of the tab bar (a status indicator). */
  aside?: ReactNode;
  /** When given, the routed content is wrapped in a div of this class. */
  bodyClassName?: string;
  /** Rendered after the routed content, whatever the tab (toasts). */
  children?: ReactNode;
}

/**
 * The page of a module with tabs: a tab bar of NavLinks, each tab a nested route, and a catch-all
 * redirect to the first tab. The module's page is routed as `${path}/*`; tab links and the redirect
 * are absolute (modulePath): relative ones resolve against the splat, and the redirect would loop.
 */
export function TabbedModulePage({ module, tabs, routes = [], aside, bodyClassName, children }: TabbedModulePageProps) {
  const base = modulePath(module);
  const label = MODULES.find((m) => m.id === module)?.label ?? module;
  const body = (
    <Routes>
      {[...tabs, ...routes].map((r) => (
        <Route key={r.path} path={r.path} element={r.element} />
      ))}
      {tabs.length ? <Route path="*" element={<Navigate to={`${base}/${tabs[0].path}`} replace />} /> : null}
    </Routes>
  );
  return (
    <div className={`${module}-page`}>
      <ModuleTabs base={base} tabs={tabs} label={`${label} sections`} aside={aside} />
      {bodyClassName ? <div className={bodyClassName}>{body}</div> : body}
      {children}
    </div>
  );
}

/** The tab bar: NavLinks to `${base}/${tab.path}`, the current one marked active. */
function ModuleTabs({ base, tabs, label, aside }: { base: string; tabs: readonly Pick<ModuleTab, 'path' | 'label'>[]; label: string; aside?: ReactNode }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((t) => (
        <NavLink key={t.path} to={`${base}/${t.path}`} className={({ isActive }) => `tab${isActive ? ' active' : ''}`}>
          {t.label}
        </NavLink>
      ))}
      {aside ? <span className="tabs-aside">{aside}</span> : null}
    </nav>
  );
}
