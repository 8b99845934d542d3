import { runService } from '@meridian/service-kit';
import { simulationDefinition } from './simulation.definition';

void runService(simulationDefinition);
