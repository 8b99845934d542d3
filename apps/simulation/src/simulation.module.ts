import { Module } from '@nestjs/common';
import { DeploymentsService } from './deployments/deployments.service';
import { RunStore } from './runs/run-store';
import { RunWorkerService } from './runs/run-worker.service';
import { RunsService } from './runs/runs.service';
import { SimulationPlatform } from './runs/simulation-platform';
import { SimulationController } from './simulation.controller';
import { StrategiesService } from './strategies/strategies.service';
import { StressService } from './stress/stress.service';

/** F6 registry and F7 runs: requests, the BullMQ worker, stress tests. */
@Module({
  controllers: [SimulationController],
  providers: [SimulationPlatform, RunStore, StrategiesService, RunsService, RunWorkerService, StressService, DeploymentsService],
})
export class SimulationModule {}
