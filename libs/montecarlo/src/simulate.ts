import { chunkCount, runChunk, type ChunkResult } from './chunk';
import type { MonteCarloConfig } from './config';
import { mergeChunks, type MonteCarloResult } from './merge';

/**
 * Runs every chunk in this thread and merges them: the reference a service's parallel run must
 * equal. For many paths, run the chunks on worker threads instead (see runChunk and mergeChunks).
 */
export function simulate(config: MonteCarloConfig): MonteCarloResult {
  const chunks: ChunkResult[] = [];
  const count = chunkCount(config);
  for (let i = 0; i < count; i++) chunks.push(runChunk(config, i));
  return mergeChunks(config, chunks);
}
