import type { MonteCarloModel } from '../config';
import { prepareGbm } from './gbm';
import type { PathModel } from './path-model';
import { preparePortfolioBootstrap } from './portfolio-returns';
import { prepareReturnsBootstrap } from './returns';
import { prepareTrades } from './trades';

export type { ChunkBuffers, PathModel } from './path-model';
export { gbmParametersFromCloses } from './gbm';

/** Checks a model and precomputes what its inner loops need (Cholesky factor, log growth, ...). */
export function prepareModel(model: MonteCarloModel, steps: number): PathModel {
  switch (model.kind) {
    case 'gbm':
      return prepareGbm(model);
    case 'trades':
      return prepareTrades(model, steps);
    case 'returns':
      return prepareReturnsBootstrap(model);
    case 'portfolio-returns':
      return preparePortfolioBootstrap(model);
    default:
      throw new RangeError(`unknown model kind ${String((model as { kind?: unknown }).kind)}`);
  }
}
