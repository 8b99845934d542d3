import type { DataSource } from 'typeorm';
import { PlatformSecretEntity } from './auth.entities';
import { randomToken } from './crypto';

/**
 * JWT_SECRET when set; otherwise a random secret generated once and kept in the gateway's
 * database, so every gateway replica (and a restart) signs and verifies with the same one.
 */
export async function resolveJwtSecret(dataSource: DataSource, configured?: string): Promise<{ secret: string; source: 'env' | 'database' }> {
  if (configured) return { secret: configured, source: 'env' };
  const repo = dataSource.getRepository(PlatformSecretEntity);
  await repo.createQueryBuilder().insert().values({ name: 'jwt', value: randomToken(48) }).orIgnore().execute();
  const row = await repo.findOneByOrFail({ name: 'jwt' });
  return { secret: row.value, source: 'database' };
}
