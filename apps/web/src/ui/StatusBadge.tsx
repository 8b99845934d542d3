/** A coloured word for a state; the colour comes from `status-<tone>` in the stylesheet. */
export function StatusBadge({ status, tone }: { status: string; tone?: string }) {
  return <span className={`badge status-${tone ?? status}`}>{status}</span>;
}
