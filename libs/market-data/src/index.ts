export * from './instruments';
export * from './ticks';
export * from './prng';
export * from './synthetic-feed';
export * from './candles';
export * from './correlation';
export * from './windowed-extremes';
export * from './price-alerts';
