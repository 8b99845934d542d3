import { Injectable, ServiceUnavailableException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/access.decorators';
import { MaintenanceService } from '../system/maintenance/maintenance.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in and out stays possible, so an admin can get in to end maintenance. */
const ALWAYS_ALLOWED = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);

/** In maintenance mode, requests that change something are refused with 503, except from admins. */
@Injectable()
export class MaintenanceGuard implements CanActivate {
  constructor(private readonly maintenance: MaintenanceService) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const state = this.maintenance.current;
    if (!state.enabled) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    if (SAFE_METHODS.has(req.method) || ALWAYS_ALLOWED.has(req.path) || req.principal?.role === 'admin') return true;
    throw new ServiceUnavailableException({ message: `Meridian is in maintenance${state.message ? `: ${state.message}` : ''}; changes are paused`, service: 'gateway' });
  }
}
