import type { ServiceName } from './services';
import type { AlertView, HaltState, HealthReport, MaintenanceState, PerformanceSnapshot } from './api';
import type { TradingEventPayload } from './trading';
import type { SimulationEventPayload } from './simulation';

/**
 * Events carried over Redis pub/sub. They are notifications: a subscriber that is down misses
 * them, so every event here describes state that is also persisted and can be re-read.
 */
export const EVENTS = {
  haltChanged: 'platform.halt.changed.v1',
  configChanged: 'system.config.changed.v1',
  maintenanceChanged: 'system.maintenance.changed.v1',
  /** A service asks the gateway to raise an alert (payload: AlertRaiseRequest). */
  alertRaise: 'platform.alert.raise.v1',
} as const;

/** Channels of the gateway's WebSocket at /api/ws. */
export const WS_CHANNELS = ['health', 'metrics', 'alerts', 'system', 'trading', 'simulation'] as const;
export type WsChannel = (typeof WS_CHANNELS)[number];

export interface WsPayloads {
  health: HealthReport;
  metrics: PerformanceSnapshot;
  alerts: { kind: 'raised' | 'resolved'; alert: AlertView };
  system: { kind: 'halt'; halt: HaltState } | { kind: 'maintenance'; maintenance: MaintenanceState } | { kind: 'config'; version: number };
  /** Orders, fills and positions of the subscriber's own accounts (admins see all). */
  trading: TradingEventPayload;
  /** Backtest, optimisation and Monte Carlo runs of the subscriber (admins see all): progress and results. */
  simulation: SimulationEventPayload;
}

/** Frames the server sends. */
export type WsServerFrame =
  | { type: 'welcome'; user: { id: string; role: string }; channels: readonly WsChannel[] }
  | { type: 'event'; channel: WsChannel; data: WsPayloads[WsChannel]; ts: number }
  | { type: 'subscribed' | 'unsubscribed'; channels: WsChannel[] }
  | { type: 'heartbeat'; ts: number }
  | { type: 'error'; code: string; message: string };

/** Frames a client sends. */
export type WsClientFrame =
  | { type: 'subscribe'; channels: WsChannel[] }
  | { type: 'unsubscribe'; channels: WsChannel[] }
  | { type: 'ping' };

export interface EventSource {
  service: ServiceName;
}

/** What a service publishes on EVENTS.alertRaise for the gateway to record and broadcast. */
export interface AlertRaiseRequest {
  key: string;
  severity: 'info' | 'warning' | 'critical';
  source: string;
  title: string;
  message: string;
  details?: Record<string, unknown>;
}
