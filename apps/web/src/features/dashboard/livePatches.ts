import type { AlertView, Page, PerformanceReport, PerformanceSnapshot, WsPayloads } from '@meridian/contracts';

// Pure cache updates for live frames; the RTK Query lifecycles apply them to drafts.

/** Appends a snapshot to the history, keeps only `historySec` of it, and makes it `current`. */
export function appendSnapshot(report: PerformanceReport, snapshot: PerformanceSnapshot, historySec: number): void {
  report.current = snapshot;
  const last = report.history[report.history.length - 1];
  if (last && last.at === snapshot.at) report.history[report.history.length - 1] = snapshot;
  else report.history.push(snapshot);
  const cutoff = Date.parse(snapshot.at) - historySec * 1000;
  const firstKept = report.history.findIndex((s) => Date.parse(s.at) >= cutoff);
  if (firstKept > 0) report.history.splice(0, firstKept);
}

export type AlertListStatus = 'active' | 'resolved' | 'all';

/** Applies a raised/resolved alert event to one cached page of alerts. */
export function applyAlertEvent(page: Page<AlertView>, event: WsPayloads['alerts'], listStatus: AlertListStatus): void {
  const { alert } = event;
  const index = page.items.findIndex((a) => a.id === alert.id);
  const belongs = listStatus === 'all' || alert.status === listStatus;
  if (index >= 0 && !belongs) {
    page.items.splice(index, 1);
    page.total = Math.max(0, page.total - 1);
  } else if (index >= 0) {
    page.items[index] = alert;
  } else if (belongs && event.kind === 'raised') {
    page.items.unshift(alert);
    page.total += 1;
  }
}
