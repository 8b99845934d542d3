import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/access.decorators';

/** Rate limits count per user or API key once authenticated, per client address before that. */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = (req as AuthenticatedRequest).principal;
    if (principal) return `${principal.kind}:${principal.id}`;
    const ip = `ip:${String(req.ip ?? 'unknown')}`;
    // Login attempts count per address and account: guessing one password is slowed, colleagues behind one NAT are not.
    const email = (req.body as { email?: unknown } | undefined)?.email;
    if (req.path === '/api/auth/login' && typeof email === 'string') return `${ip}:login:${email.toLowerCase().slice(0, 254)}`;
    return ip;
  }
}
