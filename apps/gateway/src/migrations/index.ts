import { GatewayFoundation1764100001000 } from './1764100001000-gateway-foundation';

export const gatewayMigrations = [GatewayFoundation1764100001000];
