import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/access.decorators';

/** Rate limits count per user or API key once authenticated, per client address before that. */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = (req as AuthenticatedRequest).principal;
    if (principal) return `${principal.kind}:${principal.id}`;
    return `ip:${String(req.ip ?? 'unknown')}`;
  }
}
