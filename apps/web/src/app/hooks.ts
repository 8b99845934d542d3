import { useDispatch, useSelector } from 'react-redux';
import { roleAtLeast, type Role } from '@meridian/contracts';
import type { AppDispatch, RootState } from './store';

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();

/** Whether the signed-in user may do what `required` may do (viewer < trader < admin). */
export function useRoleAtLeast(required: Role): boolean {
  const role = useAppSelector((s) => s.session.user?.role);
  return role ? roleAtLeast(role, required) : false;
}
