import { formatNumber, formatSigned, pnlClass } from '../../ui/format';
import type { LivePortfolio } from './useLivePortfolio';

function Kpi({ label, value, className, testId, title }: { label: string; value: string; className?: string; testId?: string; title?: string }) {
  return (
    <div className="kpi" title={title}>
      <div className="kpi-label">{label}</div>
      <div className={`kpi-value num ${className ?? ''}`} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** Cash, equity and P&L of the account; equity and unrealised P&L move with the quotes. */
export function AccountSummary({ portfolio }: { portfolio: LivePortfolio }) {
  const { account, live } = portfolio;
  const realised = Number(account.realisedPnl);
  const initial = Number(account.initialCash);
  const totalReturn = initial > 0 ? live.equity / initial - 1 : null;
  return (
    <div className="account-summary">
      <div className="muted small account-name">
        {account.name} · <span className="mono">{account.currency}</span> · <span className="mono">{account.id}</span>
      </div>
      <div className="kpi-row">
        <Kpi label="Equity" value={formatNumber(live.equity, 2)} testId="account-equity" title="Cash plus positions at the latest quotes" />
        <Kpi label="Cash" value={formatNumber(Number(account.cash), 2)} testId="account-cash" />
        <Kpi label="Unrealised P&L" value={formatSigned(live.unrealisedPnl)} className={pnlClass(live.unrealisedPnl)} testId="account-unrealised" />
        <Kpi label="Realised P&L" value={formatSigned(realised)} className={pnlClass(realised)} testId="account-realised" />
        <Kpi label="Fees" value={formatNumber(Number(account.feesPaid), 2)} testId="account-fees" />
        <Kpi
          label="Return"
          value={totalReturn == null ? '—' : `${formatSigned(totalReturn * 100)} %`}
          className={pnlClass(totalReturn)}
          title={`Against the initial ${formatNumber(initial, 2)}`}
        />
        <Kpi label="Open orders" value={formatNumber(account.openOrders)} testId="account-open-orders" />
      </div>
    </div>
  );
}
