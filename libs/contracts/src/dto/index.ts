// Decorated DTO classes (class-validator + OpenAPI). Server-side only; the web app uses the
// interfaces of '@meridian/contracts' that these classes implement.
export * from './auth.dto';
export * from './system.dto';
export * from './markets.dto';
export * from './responses.dto';
export * from './trading.dto';
export * from './simulation.dto';
export * from './trading-responses.dto';
export * from './markets-responses.dto';
export * from './simulation-responses.dto';
