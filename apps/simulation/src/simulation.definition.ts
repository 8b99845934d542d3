import { platformVersion, type ServiceDefinition } from '@meridian/service-kit';
import { CreateSimulation1764200000100 } from './migrations/1764200000100-create-simulation';
import { SimulationModule } from './simulation.module';

/**
 * The simulation service: the strategy registry, backtests, optimisation, walk-forward and
 * Monte Carlo as BullMQ jobs (each replica is a worker), and stress tests (see docs/architecture.md).
 */
export const simulationDefinition: ServiceDefinition = {
  service: 'simulation',
  version: platformVersion(),
  entities: [],
  migrations: [CreateSimulation1764200000100],
  imports: [SimulationModule],
  // Simulation scales by replicas (each is a BullMQ worker): every request is claimed by one.
  replicated: true,
};
