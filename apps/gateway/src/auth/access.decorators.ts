import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from '@meridian/contracts';

export const PUBLIC_KEY = 'meridian:public';
export const ROLE_KEY = 'meridian:role';

/** No credentials needed (health probes, login). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The least role that may call the route; every authenticated principal is at least a viewer. */
export const RequireRole = (role: Role) => SetMetadata(ROLE_KEY, role);

export interface AuthenticatedRequest {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a public route');
  return req.principal;
});

export function principalLabel(p: Principal): string {
  return p.kind === 'user' ? (p.email ?? p.userId) : `api-key:${p.id}`;
}
