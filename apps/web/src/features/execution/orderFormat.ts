import type { OrderStatusName, OrderView } from '@meridian/contracts';
import { formatDecimal } from '../../ui/format';
import { shiftDecimal } from '../../ui/decimal';

/** Badge tone (status-<tone> in the stylesheet) of an order status. */
export function statusTone(status: OrderStatusName): string {
  switch (status) {
    case 'filled':
      return 'up';
    case 'partially_filled':
      return 'degraded';
    case 'rejected':
      return 'down';
    case 'new':
    case 'accepted':
      return 'info';
    default:
      return 'muted';
  }
}

export const statusLabel = (status: OrderStatusName) => status.replace('_', ' ');

/** The prices of an order in one short line: "L 1,250.00 · S 1,240.00", a trail, and the average fill. */
export function describePrices(order: Pick<OrderView, 'limitPrice' | 'stopPrice' | 'trailAmount' | 'trailPercent'>): string {
  const parts: string[] = [];
  if (order.limitPrice) parts.push(`L ${formatDecimal(order.limitPrice)}`);
  if (order.stopPrice) parts.push(`S ${formatDecimal(order.stopPrice)}`);
  if (order.trailAmount) parts.push(`trail ${formatDecimal(order.trailAmount)}`);
  if (order.trailPercent) parts.push(`trail ${shiftDecimal(order.trailPercent, 2)} %`);
  return parts.length ? parts.join(' · ') : 'MKT';
}

export const ROLE_LABELS: Record<OrderView['role'], string | null> = {
  single: null,
  'bracket-entry': 'bracket',
  'take-profit': 'TP',
  'stop-loss': 'SL',
  oco: 'OCO',
  'algo-parent': 'algo',
  'algo-child': 'slice',
};

/** The first block of a UUID: enough to tell orders apart in a table, the full id is in the title. */
export const shortId = (id: string) => id.split('-')[0];
