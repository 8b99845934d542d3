import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAppSelector } from '../app/hooks';
import { useMeQuery } from './authApi';
import { selectAccessToken } from './sessionSlice';

/** Sends anonymous visitors to /login, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useAppSelector(selectAccessToken);
  const location = useLocation();
  // Re-read the user once per load: the role may have changed since the tokens were stored.
  useMeQuery(undefined, { skip: !token });
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
