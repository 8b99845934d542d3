import pino, { type Logger, type LevelWithSilent } from 'pino';
import type { LoggerService } from '@nestjs/common';
import { currentContext } from './request-context';
import type { RedisLogSink } from './log-stream';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: LevelWithSilent;
  /** Also ship lines of level info and above to the shared log stream. */
  sink?: RedisLogSink;
  /** Where the human-facing copy goes; defaults to stdout; null for none. */
  destination?: pino.DestinationStream | null;
}

/** JSON logs with the service name and, inside a request, its id on every line. */
export function createLogger(opts: LoggerOptions): Logger {
  const level = opts.level ?? 'info';
  const streamLevel: pino.Level = level === 'silent' ? 'fatal' : level;
  const streams: pino.StreamEntry[] = [];
  if (opts.destination !== null) streams.push({ level: streamLevel, stream: opts.destination ?? pino.destination({ dest: 1, sync: false }) });
  if (opts.sink) streams.push({ level: 'info', stream: opts.sink });
  return pino(
    {
      level,
      base: { service: opts.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const ctx = currentContext();
        return ctx ? { requestId: ctx.requestId } : {};
      },
    },
    pino.multistream(streams),
  );
}

/** Lets Nest's own messages (module init, route mapping) go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    // Nest's own start-up chatter (modules, routes) is detail; the services log what matters themselves.
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, message instanceof Error ? message.message : String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
