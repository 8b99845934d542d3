import { runService } from '@meridian/service-kit';
import { executionDefinition } from './execution.definition';

void runService(executionDefinition);
