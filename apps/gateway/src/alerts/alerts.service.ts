import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import type { AlertSeverity, AlertView, Page } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER } from '@meridian/service-kit';
import { RealtimeHub } from '../realtime/realtime-hub';
import { AlertEntity } from './alert.entity';

export interface AlertInput {
  key: string;
  severity: AlertSeverity;
  source: string;
  title: string;
  message: string;
  details?: Record<string, unknown>;
}

export function toAlertView(a: AlertEntity): AlertView {
  return {
    id: a.id, key: a.key, severity: a.severity, source: a.source, title: a.title, message: a.message, status: a.status,
    raisedAt: a.raisedAt.toISOString(), resolvedAt: a.resolvedAt?.toISOString() ?? null, details: a.details,
  };
}

/**
 * Alerts the platform raises about itself. A key identifies the condition ("service-down:execution"):
 * raising an active key again does nothing, resolving it closes the alert; both persist and go live.
 */
@Injectable()
export class AlertsService {
  constructor(private readonly dataSource: DataSource, private readonly hub: RealtimeHub, @Inject(LOGGER) private readonly logger: Logger) {}

  private get repo() {
    return this.dataSource.getRepository(AlertEntity);
  }

  async raise(input: AlertInput): Promise<AlertView | null> {
    const inserted = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ ...input, details: (input.details ?? {}) as never, status: 'active' })
      .orIgnore() // the partial unique index keeps one active alert per key, across replicas
      .returning('*')
      .execute();
    const row = inserted.raw?.[0] as Record<string, unknown> | undefined;
    if (!row) return null;
    const alert = await this.repo.findOneByOrFail({ id: row.id as string });
    const view = toAlertView(alert);
    this.logger.warn({ alert: view.key, severity: view.severity }, `alert raised: ${view.title}`);
    this.hub.publish('alerts', { kind: 'raised', alert: view });
    return view;
  }

  async resolve(key: string, note?: string): Promise<AlertView | null> {
    const active = await this.repo.findOneBy({ key, status: 'active' });
    if (!active) return null;
    const result = await this.repo.update({ id: active.id, status: 'active' }, {
      status: 'resolved', resolvedAt: new Date(), details: (note ? { ...active.details, resolution: note } : active.details) as never,
    });
    if (!result.affected) return null;
    const view = toAlertView(await this.repo.findOneByOrFail({ id: active.id }));
    this.logger.info({ alert: key }, `alert resolved: ${view.title}`);
    this.hub.publish('alerts', { kind: 'resolved', alert: view });
    return view;
  }

  async isActive(key: string): Promise<boolean> {
    return (await this.repo.countBy({ key, status: 'active' })) > 0;
  }

  async list(status: 'active' | 'resolved' | 'all', limit: number, offset: number): Promise<Page<AlertView>> {
    const where = status === 'all' ? {} : { status };
    const [rows, total] = await this.repo.findAndCount({ where, order: { raisedAt: 'DESC' }, take: limit, skip: offset });
    return { items: rows.map(toAlertView), total, limit, offset };
  }

  /** Maintenance: resolved alerts older than the cutoff. */
  async pruneResolved(before: Date): Promise<number> {
    const result = await this.repo.delete({ status: 'resolved', resolvedAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
