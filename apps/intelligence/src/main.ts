import { runService } from '@meridian/service-kit';
import { intelligenceDefinition } from './intelligence.definition';

void runService(intelligenceDefinition);
