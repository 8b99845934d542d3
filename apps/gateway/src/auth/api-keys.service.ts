import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { roleAtLeast, type ApiKeyView, type CreatedApiKey, type Principal, type Role } from '@meridian/contracts';
import { ApiKeyEntity } from './auth.entities';
import { randomToken, safeEqualHex, sha256 } from './crypto';

const KEY_PATTERN = /^mrd_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** Verified keys are remembered briefly so a busy integrator costs no database read per request. */
const CACHE_TTL_MS = 10_000;

function toView(k: ApiKeyEntity): ApiKeyView {
  return {
    id: k.id, name: k.name, role: k.role, prefix: `mrd_${k.id}_`, ownerId: k.ownerId,
    createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeysService {
  private readonly cache = new Map<string, { principal: Principal; hash: string; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  async create(owner: Principal, name: string, role: Role | undefined): Promise<CreatedApiKey> {
    const granted = role ?? owner.role;
    if (!roleAtLeast(owner.role, granted)) throw new ForbiddenException(`A ${owner.role} cannot create a key with role ${granted}`);
    const id = randomBytes(8).toString('hex');
    const secret = randomToken(32);
    const saved = await this.repo.save(this.repo.create({ id, name, role: granted, ownerId: owner.userId, keyHash: sha256(secret) }));
    return { ...toView(saved), key: `mrd_${id}_${secret}` };
  }

  async list(owner: Principal): Promise<ApiKeyView[]> {
    const where = owner.role === 'admin' ? {} : { ownerId: owner.userId };
    return (await this.repo.find({ where, order: { createdAt: 'DESC' } })).map(toView);
  }

  async revoke(owner: Principal, id: string): Promise<void> {
    const key = await this.repo.findOneBy({ id });
    if (!key || (key.ownerId !== owner.userId && owner.role !== 'admin')) throw new NotFoundException(`No API key ${id}`);
    if (!key.revokedAt) await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.cache.delete(id);
  }

  /** Returns the key's principal, or null when the key is malformed, unknown or revoked. */
  async verify(raw: string): Promise<Principal | null> {
    const m = KEY_PATTERN.exec(raw);
    if (!m) return null;
    const [, id, secret] = m;
    const hash = sha256(secret);
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return safeEqualHex(cached.hash, hash) ? cached.principal : null;
    const key = await this.repo.findOneBy({ id });
    if (!key || key.revokedAt || !safeEqualHex(key.keyHash, hash)) {
      this.cache.delete(id);
      return null;
    }
    const principal: Principal = { kind: 'api-key', id: key.id, userId: key.ownerId, role: key.role };
    this.cache.set(id, { principal, hash: key.keyHash, until: Date.now() + CACHE_TTL_MS });
    void this.repo.update({ id }, { lastUsedAt: new Date() }).catch(() => undefined);
    return principal;
  }
}
