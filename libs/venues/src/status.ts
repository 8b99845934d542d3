import type { VenueStatus } from '@meridian/market-data';

/** Fans status changes out to listeners; a throwing listener never breaks the venue. */
export class StatusHub {
  private readonly listeners: Array<(status: VenueStatus) => void> = [];
  private last: VenueStatus;

  constructor(initial: VenueStatus) {
    this.last = initial;
  }

  get current(): VenueStatus {
    return this.last;
  }

  add(listener: (status: VenueStatus) => void): void {
    this.listeners.push(listener);
  }

  remove(listener: (status: VenueStatus) => void): void {
    const index = this.listeners.indexOf(listener);
    if (index >= 0) this.listeners.splice(index, 1);
  }

  emit(status: VenueStatus): void {
    this.last = status;
    for (const listener of [...this.listeners]) {
      try {
        listener(status);
      } catch {
        // A listener's failure is its own business; the venue keeps running.
      }
    }
  }
}

/** Calls a subscriber and routes a throw to `onError` instead of up the timer or socket stack. */
export function safeCall<T>(fn: (value: T) => void, value: T, onError: (err: unknown) => void): void {
  try {
    fn(value);
  } catch (err) {
    try {
      onError(err);
    } catch {
      // ignore
    }
  }
}
