import { ConflictException, Inject, Injectable, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page, Role, UserView } from '@meridian/contracts';
import { LOGGER } from '@meridian/service-kit';
import type { Logger } from '@meridian/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../core/gateway.config';
import { UserEntity } from './auth.entities';
import { generatePassword, hashPassword } from './crypto';

export function toUserView(u: UserEntity): UserView {
  return { id: u.id, email: u.email, role: u.role, createdAt: u.createdAt.toISOString(), disabled: u.disabled };
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  /** The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password printed once. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.repo.count()) > 0) return;
    const generated = this.config.adminPassword ? null : generatePassword();
    try {
      await this.create(this.config.adminEmail, this.config.adminPassword ?? generated!, 'admin');
    } catch (err) {
      if (err instanceof ConflictException) return; // another replica created it first
      throw err;
    }
    this.logger.warn({ email: this.config.adminEmail }, 'created the first admin user');
    if (generated) {
      // Printed once, on stdout only (never in the shared log stream): it is not stored anywhere.
      process.stdout.write(
        `\n  First admin created: ${this.config.adminEmail}\n  Generated password (shown once): ${generated}\n  Set ADMIN_EMAIL/ADMIN_PASSWORD to choose them yourself.\n\n`,
      );
    }
  }

  async create(email: string, password: string, role: Role): Promise<UserView> {
    const existing = await this.repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
    if (existing) throw new ConflictException(`A user with e-mail ${email} already exists`);
    try {
      const saved = await this.repo.save(this.repo.create({ email: email.toLowerCase(), passwordHash: await hashPassword(password), role }));
      return toUserView(saved);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new ConflictException(`A user with e-mail ${email} already exists`);
      throw err;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw new NotFoundException(`No user ${id}`);
    return user;
  }

  async list(limit: number, offset: number): Promise<Page<UserView>> {
    const [rows, total] = await this.repo.findAndCount({ order: { createdAt: 'ASC' }, take: limit, skip: offset });
    return { items: rows.map(toUserView), total, limit, offset };
  }
}
