import { NavLink } from 'react-router-dom';
import { enabledModules, MODULES, type ModuleDef } from '../modules';

export function Sidebar({ modules = MODULES }: { modules?: readonly ModuleDef[] }) {
  return (
    <nav className="sidebar" aria-label="Modules">
      <div className="brand">
        <span className="brand-mark">M</span>
        <span className="brand-name">Meridian</span>
      </div>
      <ul>
        {enabledModules(modules).map((m) => (
          <li key={m.id}>
            <NavLink to={m.path} className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}>
              <span className="nav-mark">{m.mark}</span>
              <span>{m.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
