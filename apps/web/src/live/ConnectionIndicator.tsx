import { useAppSelector } from '../app/hooks';
import { selectLiveStatus } from '../app/uiSlice';

const LABELS = { live: 'Live', connecting: 'Connecting', reconnecting: 'Reconnecting', offline: 'Offline' } as const;

export function ConnectionIndicator() {
  const status = useAppSelector(selectLiveStatus);
  return (
    <span className={`live-indicator live-${status}`} data-testid="live-indicator" data-status={status} title="Live updates connection">
      <span className="live-dot" />
      {LABELS[status]}
    </span>
  );
}
