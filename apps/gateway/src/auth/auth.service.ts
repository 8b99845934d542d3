import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { Principal, Role, TokenPair } from '@meridian/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../core/gateway.config';
import { RefreshTokenEntity, UserEntity } from './auth.entities';
import { randomToken, sha256, verifyPassword } from './crypto';
import { toUserView, UsersService } from './users.service';
import { ApiKeysService } from './api-keys.service';
import { VerifiedTokenCache } from './verified-token-cache';

interface AccessClaims {
  sub: string;
  role: Role;
  email: string;
  typ: 'access';
  exp?: number;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

@Injectable()
export class AuthService {
  private readonly verifiedTokens = new VerifiedTokenCache();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  private get refreshTokens() {
    return this.dataSource.getRepository(RefreshTokenEntity);
  }

  async login(email: string, password: string): Promise<TokenPair> {
    const user = await this.users.findByEmail(email);
    // Verify against a dummy hash when the user is unknown, so timing does not reveal who exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) throw new UnauthorizedException(WRONG_CREDENTIALS);
    return this.issue(user);
  }

  /** Rotates the refresh token; presenting a revoked one revokes the whole family (likely theft). */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const hash = sha256(refreshToken);
    const row = await this.refreshTokens.findOneBy({ tokenHash: hash });
    if (!row) throw new UnauthorizedException('Unknown refresh token');
    if (row.revokedAt) {
      await this.refreshTokens.update({ userId: row.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      throw new UnauthorizedException('This refresh token was already used; all sessions of the user were signed out');
    }
    if (row.expiresAt.getTime() <= Date.now()) throw new UnauthorizedException('The refresh token has expired; log in again');
    const claimed = await this.refreshTokens.update({ id: row.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!claimed.affected) throw new UnauthorizedException('This refresh token was already used');
    const user = await this.users.get(row.userId);
    if (user.disabled) throw new UnauthorizedException('The user is disabled');
    return this.issue(user);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.update({ tokenHash: sha256(refreshToken), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async activeSessions(userId: string): Promise<number> {
    return this.refreshTokens.countBy({ userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  /** Bearer JWT or API key to a principal; null when the credential is not valid. */
  async authenticate(credential: { bearer?: string; apiKey?: string }): Promise<Principal | null> {
    if (credential.apiKey) return this.apiKeys.verify(credential.apiKey);
    if (!credential.bearer) return null;
    const known = this.verifiedTokens.get(credential.bearer, Date.now());
    if (known) return known;
    try {
      // HS256 only (the module's verifyOptions): options passed here would be merged into a new object per call.
      const claims = await this.jwt.verifyAsync<AccessClaims>(credential.bearer);
      if (claims.typ !== 'access') return null;
      return this.verifiedTokens.set(credential.bearer, { kind: 'user', id: claims.sub, userId: claims.sub, role: claims.role, email: claims.email }, (claims.exp ?? Number.NaN) * 1000);
    } catch {
      return null;
    }
  }

  private async issue(user: UserEntity): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, role: user.role, email: user.email, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSec, algorithm: 'HS256' });
    const refreshToken = randomToken(32);
    await this.refreshTokens.insert({
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSec * 1000),
      revokedAt: null,
    });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.accessTokenTtlSec, user: toUserView(user) };
  }
}

// scrypt hash of a random throwaway password, same parameters as real ones.
const DUMMY_HASH = 'scrypt$16384$8$1$c29tZS1zYWx0LXZhbHVlIQ==$Qm9ndXMtaGFzaC12YWx1ZS1mb3ItdGltaW5nLW9ubHk=';
