import { useLocation } from 'react-router-dom';
import { useAppSelector } from '../app/hooks';
import { ConnectionIndicator } from '../live/ConnectionIndicator';
import { MODULES } from '../modules';
import { useLogoutMutation } from '../session/authApi';
import { selectUser } from '../session/sessionSlice';

export function Header() {
  const user = useAppSelector(selectUser);
  const [logout, { isLoading }] = useLogoutMutation();
  const { pathname } = useLocation();
  const current = MODULES.find((m) => pathname.startsWith(m.path));

  return (
    <header className="topbar">
      <h1 className="page-title">{current?.label ?? 'Meridian'}</h1>
      <div className="topbar-right">
        <ConnectionIndicator />
        {user ? (
          <span className="user" data-testid="user-info">
            <span className="user-email">{user.email}</span>
            <span className={`role role-${user.role}`}>{user.role}</span>
          </span>
        ) : null}
        <button type="button" className="btn btn-small" onClick={() => void logout()} disabled={isLoading} data-testid="logout">
          Log out
        </button>
      </div>
    </header>
  );
}
