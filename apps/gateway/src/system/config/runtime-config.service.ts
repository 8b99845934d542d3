import { Inject, Injectable, NotFoundException, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { EVENTS, type ConfigVersionView, type Page, type RuntimeSettings } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@meridian/service-kit';
import { RealtimeHub } from '../../realtime/realtime-hub';
import { ConfigVersionEntity } from './config-version.entity';
import { DEFAULT_SETTINGS } from './default-settings';

function toView(v: ConfigVersionEntity): ConfigVersionView {
  return { version: v.version, settings: v.settings, changedBy: v.changedBy, changedAt: v.changedAt.toISOString(), comment: v.comment, rolledBackFrom: v.rolledBackFrom };
}

/**
 * Runtime settings: every change is a new immutable version (who, when, why); rollback writes a
 * new version with an old version's settings. Other gateway replicas reload on the change event.
 */
@Injectable()
export class RuntimeConfigService implements OnModuleInit, OnApplicationShutdown {
  private latest: ConfigVersionEntity | null = null;
  private subscriber: Redis | null = null;
  private readonly listeners = new Set<(v: ConfigVersionView) => void>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_CONFIG) private readonly serviceConfig: ServiceConfig,
    private readonly hub: RealtimeHub,
  ) {}

  private get runtimeNamespace(): string {
    return this.serviceConfig.namespace;
  }

  private get repo() {
    return this.dataSource.getRepository(ConfigVersionEntity);
  }

  async onModuleInit(): Promise<void> {
    await this.repo.createQueryBuilder().insert().values({ version: 1, settings: DEFAULT_SETTINGS, changedBy: 'system', comment: 'defaults' }).orIgnore().execute();
    await this.reload();
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => void this.reload().catch((err) => this.logger.warn({ err }, 'config reload failed')));
    await this.subscriber.subscribe(`${this.runtimeNamespace}:${EVENTS.configChanged}`).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }

  /** The settings in force; always available after start. */
  get current(): RuntimeSettings {
    return this.latest?.settings ?? DEFAULT_SETTINGS;
  }

  get currentVersion(): number {
    return this.latest?.version ?? 1;
  }

  onChange(listener: (v: ConfigVersionView) => void): void {
    this.listeners.add(listener);
  }

  async view(): Promise<ConfigVersionView> {
    await this.reload();
    return toView(this.latest!);
  }

  async history(limit: number, offset: number): Promise<Page<ConfigVersionView>> {
    const [rows, total] = await this.repo.findAndCount({ order: { version: 'DESC' }, take: limit, skip: offset });
    return { items: rows.map(toView), total, limit, offset };
  }

  async change(settings: RuntimeSettings, by: string, comment?: string): Promise<ConfigVersionView> {
    return this.append(settings, by, comment ?? null, null);
  }

  async rollback(version: number, by: string, comment?: string): Promise<ConfigVersionView> {
    const target = await this.repo.findOneBy({ version });
    if (!target) throw new NotFoundException(`There is no config version ${version}`);
    return this.append(target.settings, by, comment ?? `rollback to version ${version}`, version);
  }

  private async append(settings: RuntimeSettings, by: string, comment: string | null, rolledBackFrom: number | null): Promise<ConfigVersionView> {
    // Version numbers are assigned inside the transaction under a lock, so concurrent changes line up.
    const saved = await this.dataSource.transaction(async (m) => {
      await m.query('LOCK TABLE config_versions IN SHARE ROW EXCLUSIVE MODE');
      const [{ next }] = await m.query('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM config_versions');
      const row = m.create(ConfigVersionEntity, { version: Number(next), settings: plain(settings), changedBy: by, comment, rolledBackFrom });
      return m.save(row);
    });
    this.latest = await this.repo.findOneByOrFail({ version: saved.version });
    const view = toView(this.latest);
    this.logger.info({ version: view.version, by }, 'runtime settings changed');
    await this.redis.publish(`${this.runtimeNamespace}:${EVENTS.configChanged}`, String(view.version)).catch(() => undefined);
    for (const l of this.listeners) l(view);
    this.hub.publish('system', { kind: 'config', version: view.version });
    return view;
  }

  private async reload(): Promise<void> {
    const [latest] = await this.repo.find({ order: { version: 'DESC' }, take: 1 });
    if (latest) this.latest = latest;
  }
}

/** DTO instances carry class prototypes; store plain JSON. */
function plain(settings: RuntimeSettings): RuntimeSettings {
  return JSON.parse(JSON.stringify(settings)) as RuntimeSettings;
}

