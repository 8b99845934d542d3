import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { roleAtLeast, type Role } from '@meridian/contracts';
import { currentContext } from '@meridian/observability';
import { PUBLIC_KEY, ROLE_KEY, type AuthenticatedRequest } from './access.decorators';
import { AuthService } from './auth.service';

/** Reads a credential from the Authorization header (Bearer or ApiKey) or X-API-Key. */
export function credentialFrom(headers: Request['headers']): { bearer?: string; apiKey?: string } {
  const header = headers.authorization;
  if (typeof header === 'string') {
    const [scheme, value] = header.split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer' && value) return { bearer: value.trim() };
    if (scheme?.toLowerCase() === 'apikey' && value) return { apiKey: value.trim() };
  }
  const key = headers['x-api-key'];
  if (typeof key === 'string' && key) return { apiKey: key.trim() };
  return {};
}

/** Authentication and role check for every route; routes opt out with @Public(). */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const credential = credentialFrom(req.headers);
    if (!credential.bearer && !credential.apiKey) throw new UnauthorizedException('Authentication required: send Authorization: Bearer <token> or X-API-Key');
    const principal = await this.auth.authenticate(credential);
    if (!principal) throw new UnauthorizedException(credential.apiKey ? 'Invalid or revoked API key' : 'Invalid or expired access token');
    req.principal = principal;
    const ctx = currentContext();
    if (ctx) ctx.principal = { kind: principal.kind, id: principal.id, userId: principal.userId, role: principal.role };
    const required = this.reflector.getAllAndOverride<Role>(ROLE_KEY, targets) ?? 'viewer';
    if (!roleAtLeast(principal.role, required)) throw new ForbiddenException(`This needs the ${required} role; you are ${principal.role}`);
    return true;
  }
}
