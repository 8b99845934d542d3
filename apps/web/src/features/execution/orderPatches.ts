import type { FillView, OrderRoleName, OrderSideName, OrderStatusName, OrderView, Page } from '@meridian/contracts';

// Pure cache updates for `trading` channel events; the RTK Query lifecycles apply them to drafts.

/** Statuses in which an order can still trade (what `status=open` lists). */
export const OPEN_STATUSES: readonly OrderStatusName[] = ['new', 'accepted', 'partially_filled'];
export const isOpen = (order: Pick<OrderView, 'status'>) => OPEN_STATUSES.includes(order.status);

export type OrderListStatus = OrderStatusName | 'open' | 'all';

/** GET /api/orders/status filters. */
export interface OrdersArgs {
  status: OrderListStatus;
  symbol?: string;
  side?: OrderSideName;
  parentId?: string;
  role?: OrderRoleName;
  limit: number;
  offset: number;
}

/** GET /api/executions/history filters. */
export interface FillsArgs {
  symbol?: string;
  side?: OrderSideName;
  orderId?: string;
  limit: number;
  offset: number;
}

/** Whether the order belongs in a list asked for with these filters. */
export function orderMatches(order: OrderView, args: OrdersArgs): boolean {
  if (args.status === 'open' ? !isOpen(order) : args.status !== 'all' && order.status !== args.status) return false;
  if (args.symbol && order.symbol !== args.symbol) return false;
  if (args.side && order.side !== args.side) return false;
  if (args.parentId && order.parentId !== args.parentId) return false;
  if (args.role && order.role !== args.role) return false;
  return true;
}

/** Whose events a cache takes: its own account's when known, else its user's (admins receive everybody's). */
export interface EventScope {
  userId?: string | null;
  accountId?: string | null;
}

export function inScope(event: { ownerId: string; accountId: string }, scope: EventScope): boolean {
  if (scope.accountId) return event.accountId === scope.accountId;
  if (scope.userId) return event.ownerId === scope.userId;
  return true;
}

/**
 * An order event on one cached page (newest first): the order is replaced where it is (unless
 * the cached copy is newer), dropped when it no longer matches the filters (an open order that
 * filled), and added on top of the first page when it newly matches.
 */
export function applyOrderEvent(page: Page<OrderView>, order: OrderView, args: OrdersArgs): void {
  const index = page.items.findIndex((o) => o.id === order.id);
  if (index >= 0 && page.items[index].updatedAt > order.updatedAt) return; // an older event, late
  const belongs = orderMatches(order, args);
  if (index >= 0 && !belongs) {
    page.items.splice(index, 1);
    page.total = Math.max(0, page.total - 1);
  } else if (index >= 0) {
    page.items[index] = order;
  } else if (belongs && args.offset === 0) {
    page.items.unshift(order);
    page.total += 1;
    if (page.items.length > args.limit) page.items.length = args.limit;
  }
}

/** A new fill goes on top of the first page when it matches the filters. */
export function applyFillEvent(page: Page<FillView>, fill: FillView, args: FillsArgs): void {
  if (args.offset !== 0 || page.items.some((f) => f.id === fill.id)) return;
  if ((args.symbol && fill.symbol !== args.symbol) || (args.side && fill.side !== args.side) || (args.orderId && fill.orderId !== args.orderId)) return;
  page.items.unshift(fill);
  page.total += 1;
  if (page.items.length > args.limit) page.items.length = args.limit;
}
