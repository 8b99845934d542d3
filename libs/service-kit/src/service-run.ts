import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One row per start of a service process: restarts are visible in the status and in audits. */
@Entity('service_runs')
export class ServiceRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) version: string;
  @Column({ type: 'text' }) host: string;
  @Column({ type: 'integer' }) pid: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
}

export class CreateServiceRuns1764100000000 implements MigrationInterface {
  name = 'CreateServiceRuns1764100000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE service_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version text NOT NULL,
      host text NOT NULL,
      pid integer NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now())`);
    await q.query('CREATE INDEX service_runs_started_at ON service_runs (started_at DESC)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_runs');
  }
}

/** The platform version: the root package.json's, found by walking up from this file. */
export function platformVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'meridian' && pkg.version) return pkg.version;
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  return '0.0.0-unknown';
}
