import Decimal from 'decimal.js';
import type { ValueTransformer } from 'typeorm';

/** NUMERIC columns come back from PostgreSQL as strings; map them to Decimal, never to float. */
export const decimalTransformer: ValueTransformer = {
  to: (value: Decimal | string | null | undefined) => (value == null ? value : new Decimal(value).toString()),
  from: (value: string | null) => (value == null ? value : new Decimal(value)),
};
