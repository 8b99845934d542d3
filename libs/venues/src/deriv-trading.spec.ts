import WebSocket from 'ws';
import { BuyIntent, InMemoryIntentJournal, JournalEntry, matchLostBuys } from './deriv-intent-journal';
import { DerivApiError } from './deriv-protocol';
import { reconcileContracts, StoredContract } from './deriv-reconcile';
import { DerivTradingOptions, DerivTradingVenue } from './deriv-trading';
import { ContractState, VenueContract } from './deriv-trading-types';
import { DEFAULT_TEST_ACCOUNT_ID, DEFAULT_TEST_API_TOKEN, DerivProtocolServer } from './testing/deriv-protocol-server';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const LONG = { symbol: 'R_100', direction: 'long', stake: '10', currency: 'USD', multiplier: 100 } as const;

describe('DerivTradingVenue against a local Deriv protocol server', () => {
  let server: DerivProtocolServer;
  let journal: InMemoryIntentJournal;
  const venues: DerivTradingVenue[] = [];
  const errors: unknown[] = [];
  let nextIntent = 1;
  const intentId = () => `intent-${nextIntent++}`;

  const options = (overrides: Partial<DerivTradingOptions> = {}): DerivTradingOptions => ({
    appId: '12345',
    apiToken: DEFAULT_TEST_API_TOKEN,
    accountId: DEFAULT_TEST_ACCOUNT_ID,
    restBaseUrl: server.restBaseUrl,
    journal,
    reconnectBaseMs: 20,
    reconnectCapMs: 100,
    rateLimitRetryBaseMs: 20,
    rateLimitRetryCapMs: 60,
    requestTimeoutMs: 2000,
    random: () => 0.5,
    onError: (err) => errors.push(err),
    ...overrides,
  });

  const connect = async (overrides: Partial<DerivTradingOptions> = {}) => {
    const venue = await DerivTradingVenue.connect(options(overrides));
    venues.push(venue);
    return venue;
  };

  beforeEach(async () => {
    errors.length = 0;
    server = await DerivProtocolServer.start();
    journal = new InMemoryIntentJournal();
  });

  afterEach(async () => {
    for (const venue of venues.splice(0)) await venue.close();
    await server.close();
  });

  describe('authentication (OTP)', () => {
    it('obtains a one-time URL with the bearer token and app id, and trades on that socket', async () => {
      const venue = await connect();
      expect(server.otpRequests).toEqual([{ accountId: DEFAULT_TEST_ACCOUNT_ID, authorization: `Bearer ${DEFAULT_TEST_API_TOKEN}`, appId: '12345', status: 200 }]);
      expect(server.tradingConnectionCount).toBe(1);
      expect(venue.currentStatus).toEqual({ state: 'connected' });
      expect(await venue.portfolio()).toEqual([]);
    });

    it('fails with a clear error for a bad token, an unknown app id or account, and opens no socket', async () => {
      const bad = DerivTradingVenue.connect(options({ apiToken: 'wrong' }));
      await expect(bad).rejects.toBeInstanceOf(DerivApiError);
      await expect(bad).rejects.toMatchObject({ code: 'Unauthorized', msgType: 'otp', serverMessage: 'Invalid or missing authentication credentials' });
      await expect(bad).rejects.toThrow(/rejected the API token; check DERIV_API_TOKEN/);
      await expect(DerivTradingVenue.connect(options({ accountId: 'NOPE' }))).rejects.toMatchObject({ code: 'ValidationError' });
      await expect(DerivTradingVenue.connect(options({ apiToken: ' ' }))).rejects.toThrow(RangeError);
      expect(server.totalConnections).toBe(0);

      const strict = await DerivProtocolServer.start({ appIds: ['999'] });
      try {
        await expect(DerivTradingVenue.connect({ ...options(), restBaseUrl: strict.restBaseUrl })).rejects.toMatchObject({ code: 'Unauthorized', serverMessage: expect.stringMatching(/App id 12345/) });
      } finally {
        await strict.close();
      }
    });

    it('reports an unreachable OTP endpoint as OtpRequestFailed', async () => {
      const gone = await DerivProtocolServer.start();
      const restBaseUrl = gone.restBaseUrl;
      await gone.close();
      await expect(DerivTradingVenue.connect(options({ restBaseUrl }))).rejects.toMatchObject({ code: 'OtpRequestFailed' });
    });

    it('the public socket prices but does not trade', async () => {
      const socket = new WebSocket(server.url);
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const answers: Array<Record<string, unknown>> = [];
      socket.on('message', (data) => answers.push(JSON.parse(data.toString()) as Record<string, unknown>));
      socket.send(JSON.stringify({ proposal: 1, amount: 10, basis: 'stake', contract_type: 'MULTUP', currency: 'USD', underlying_symbol: 'R_100', multiplier: 100, req_id: 1 }));
      socket.send(JSON.stringify({ buy: 'prop-1', price: 10, req_id: 2 }));
      await waitFor(() => answers.length === 2, 'two answers');
      expect(answers[0]).toMatchObject({ msg_type: 'proposal', proposal: { id: 'prop-1', ask_price: 10 } });
      expect(answers[1]).toMatchObject({ msg_type: 'buy', error: { code: 'AuthorizationRequired' } });
      socket.close();
    });

    it('the socket accepts a one-time URL once only', async () => {
      const response = await fetch(`${server.restBaseUrl}/trading/v1/options/accounts/${DEFAULT_TEST_ACCOUNT_ID}/otp?app_id=1`, { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_TEST_API_TOKEN}` } });
      const { data } = (await response.json()) as { data: { url: string } };
      expect(data.url).toMatch(/\/trading\/v1\/options\/ws\/demo\?otp=/);
      const first = new WebSocket(data.url);
      await new Promise((resolve, reject) => first.once('open', resolve).once('error', reject));
      const second = new WebSocket(data.url);
      const refused = await new Promise<string>((resolve) => second.once('error', (err) => resolve(err.message)));
      expect(refused).toMatch(/401/);
      first.close();
    });

    it('reconnects with a fresh OTP URL after a drop', async () => {
      const venue = await connect();
      server.dropAllConnections();
      await waitFor(() => server.otpRequests.length === 2 && server.tradingConnectionCount === 1, 'a reconnect with a new OTP');
      expect(await venue.portfolio()).toEqual([]);
      expect(server.totalConnections).toBe(2);
    });
  });

  describe('orders', () => {
    it('opens a long position as MULTUP with stake, multiplier and limit orders, journaled first', async () => {
      const venue = await connect();
      const id = intentId();
      const position = await venue.openPosition({ ...LONG, intentId: id, takeProfit: '5', stopLoss: '3.50' });
      expect(server.requests('proposal')[0].body).toEqual({
        proposal: 1,
        amount: 10,
        basis: 'stake',
        contract_type: 'MULTUP',
        currency: 'USD',
        underlying_symbol: 'R_100',
        multiplier: 100,
        limit_order: { take_profit: 5, stop_loss: 3.5 },
        req_id: expect.any(Number),
      });
      expect(server.requests('buy')[0].body).toEqual({ buy: 'prop-1', price: 10, req_id: expect.any(Number) });
      const [contract] = server.openContracts();
      expect(position).toEqual({
        intentId: id,
        contractId: String(contract.contractId),
        symbol: 'R_100',
        direction: 'long',
        contractType: 'MULTUP',
        currency: 'USD',
        stake: '10',
        multiplier: 100,
        takeProfit: '5',
        stopLoss: '3.5',
        buyPrice: '10',
        purchaseTimeMs: contract.purchaseTime * 1000,
        transactionId: String(contract.buyTransactionId),
        balanceAfter: '9990',
        recovered: false,
      });
      expect(journal.get(id)).toMatchObject({ state: 'resolved', contractId: position.contractId, sent: { proposalId: 'prop-1', askPrice: '10', maxPrice: '10' } });
      expect(server.account()?.balance).toBe('9990.00');
    });

    it('opens a short position as MULTDOWN, without limit orders when none are given', async () => {
      const venue = await connect();
      const position = await venue.openPosition({ ...LONG, direction: 'short', stake: '25.50', multiplier: 40, intentId: intentId() });
      const request = server.requests('proposal')[0].body;
      expect(request).toMatchObject({ contract_type: 'MULTDOWN', amount: 25.5, multiplier: 40 });
      expect(request).not.toHaveProperty('limit_order');
      expect(position).toMatchObject({ direction: 'short', contractType: 'MULTDOWN', stake: '25.5', buyPrice: '25.5', takeProfit: null, stopLoss: null });
      // The model: a short gains when the price falls: 25.5 · 40 · (1 − 990/1000) = 10.2.
      server.emitTick('R_100', 990);
      expect(await venue.contractDetails(position.contractId)).toMatchObject({ status: 'open', profit: '10.2', direction: 'short', stopOut: '25.5' });
    });

    it('rejects malformed orders before anything is journaled or sent', async () => {
      const venue = await connect();
      await expect(venue.openPosition({ ...LONG, intentId: 'x', stake: '10,5' })).rejects.toThrow(/stake must be a decimal string/);
      await expect(venue.openPosition({ ...LONG, intentId: 'x', stake: '0' })).rejects.toThrow(/greater than 0/);
      await expect(venue.openPosition({ ...LONG, intentId: 'x', multiplier: 1.5 })).rejects.toThrow(/multiplier/);
      await expect(venue.openPosition({ ...LONG, intentId: 'x', direction: 'up' as never })).rejects.toThrow(/direction/);
      expect(journal.get('x')).toBeUndefined();
      expect(server.requests('proposal')).toHaveLength(0);
    });

    it('marks the intent failed when Deriv refuses the proposal or the buy', async () => {
      const venue = await connect();
      await expect(venue.openPosition({ ...LONG, symbol: 'stpRNG', intentId: 'closed-market' })).rejects.toMatchObject({ code: 'MarketIsClosed' });
      expect(journal.get('closed-market')).toMatchObject({ state: 'failed', failure: expect.stringMatching(/closed/) });
      await expect(venue.openPosition({ ...LONG, stake: '20000', intentId: 'too-big' })).rejects.toMatchObject({ code: 'InsufficientBalance' });
      expect(journal.get('too-big')).toMatchObject({ state: 'failed' });
      expect(server.openContracts()).toHaveLength(0);
      expect(journal.listUnresolved()).toEqual([]);
    });

    it('moves and cancels take profit / stop loss', async () => {
      const venue = await connect();
      const { contractId } = await venue.openPosition({ ...LONG, intentId: intentId(), takeProfit: '5' });
      expect(await venue.updateLimits(contractId, { takeProfit: '20', stopLoss: '4' })).toEqual({ contractId, takeProfit: '20', stopLoss: '4' });
      expect(server.requests('contract_update')[0].body).toEqual({ contract_update: 1, contract_id: Number(contractId), limit_order: { take_profit: 20, stop_loss: 4 }, req_id: expect.any(Number) });
      expect(await venue.updateLimits(contractId, { takeProfit: null })).toEqual({ contractId, takeProfit: null, stopLoss: '4' });
      expect(await venue.contractDetails(contractId)).toMatchObject({ takeProfit: null, stopLoss: '4' });
      await expect(venue.updateLimits(contractId, {})).rejects.toThrow(RangeError);
      await expect(venue.updateLimits('123abc', { stopLoss: '1' })).rejects.toThrow(/contract id/);
    });

    it('closes a position at market, and reports one Deriv closed first as already closed', async () => {
      const venue = await connect();
      const a = await venue.openPosition({ ...LONG, intentId: intentId() });
      server.emitTick('R_100', 1002); // +2 %: 10 · 100 · 0.002 = 2
      const closed = await venue.closePosition(a.contractId);
      expect(closed).toEqual({ contractId: a.contractId, soldFor: '12', status: 'sold', balanceAfter: '10002', transactionId: expect.any(String), via: 'sell' });
      expect(server.requests('sell')[0].body).toEqual({ sell: Number(a.contractId), price: 0, req_id: expect.any(Number) });
      expect(server.contract(Number(a.contractId))?.status).toBe('sold');

      const b = await venue.openPosition({ ...LONG, intentId: intentId(), takeProfit: '1' });
      server.emitTick('R_100', 1003); // +1 ‰ over the entry at 1002 → +1.0 ≥ take profit
      expect(server.contract(Number(b.contractId))?.status).toBe('won');
      expect(await venue.closePosition(b.contractId)).toMatchObject({ contractId: b.contractId, status: 'won', soldFor: '11', via: 'already-closed' });
    });

    it('lists open contracts from portfolio', async () => {
      const venue = await connect();
      const a = await venue.openPosition({ ...LONG, intentId: intentId() });
      const b = await venue.openPosition({ ...LONG, symbol: 'R_50', direction: 'short', stake: '7', intentId: intentId() });
      const portfolio = await venue.portfolio();
      expect(portfolio).toEqual([
        { contractId: a.contractId, symbol: 'R_100', contractType: 'MULTUP', direction: 'long', currency: 'USD', buyPrice: '10', purchaseTimeMs: a.purchaseTimeMs, transactionId: a.transactionId },
        { contractId: b.contractId, symbol: 'R_50', contractType: 'MULTDOWN', direction: 'short', currency: 'USD', buyPrice: '7', purchaseTimeMs: b.purchaseTimeMs, transactionId: b.transactionId },
      ]);
      await venue.closePosition(a.contractId);
      expect((await venue.portfolio()).map((c) => c.contractId)).toEqual([b.contractId]);
    });

    it('follows a contract until Deriv closes it at the take profit', async () => {
      const venue = await connect();
      const { contractId } = await venue.openPosition({ ...LONG, intentId: intentId(), takeProfit: '3' });
      const updates: ContractState[] = [];
      await venue.followContract(contractId, (s) => updates.push(s));
      expect(updates[0]).toMatchObject({ contractId, status: 'open', isSold: false, profit: '0', takeProfit: '3', multiplier: 100 });
      server.emitTick('R_100', 1001); // +1
      server.emitTick('R_100', 1003); // +3: take profit
      await waitFor(() => updates.some((u) => u.isSold), 'the closing update');
      expect(updates.map((u) => [u.status, u.profit])).toEqual([
        ['open', '0'],
        ['open', '1'],
        ['won', '3'],
      ]);
      expect(updates.at(-1)).toMatchObject({ sellPrice: '13', sellTimeMs: expect.any(Number) });
      expect(server.account()?.balance).toBe('10003.00');
    });

    it('re-subscribes followed contracts after a reconnect and stops on unsubscribe', async () => {
      const venue = await connect();
      const { contractId } = await venue.openPosition({ ...LONG, intentId: intentId() });
      const updates: ContractState[] = [];
      const stop = await venue.followContract(contractId, (s) => updates.push(s));
      server.dropAllConnections();
      await waitFor(() => server.requests('proposal_open_contract').filter((r) => r.body.subscribe === 1).length === 2, 're-subscription');
      await waitFor(() => updates.length >= 2, 'the state after re-subscribing');
      server.emitTick('R_100', 1005);
      await waitFor(() => updates.some((u) => u.profit === '5'), 'an update on the new socket');
      await stop();
      expect(server.requests('forget')).toHaveLength(1);
      const count = updates.length;
      server.emitTick('R_100', 1006);
      await new Promise((r) => setTimeout(r, 30));
      expect(updates).toHaveLength(count);
    });
  });

  describe('lost buy answers', () => {
    it('resolves a buy whose answer was lost from portfolio, without a second buy', async () => {
      const venue = await connect();
      server.loseNextAnswer('buy');
      const id = intentId();
      const position = await venue.openPosition({ ...LONG, intentId: id, takeProfit: '5' });
      expect(server.requests('buy')).toHaveLength(1);
      expect(server.openContracts()).toHaveLength(1);
      const [contract] = server.openContracts();
      expect(position).toMatchObject({ intentId: id, contractId: String(contract.contractId), recovered: true, buyPrice: '10', takeProfit: '5', contractType: 'MULTUP' });
      expect(journal.get(id)).toMatchObject({ state: 'resolved', contractId: String(contract.contractId) });
      expect(server.otpRequests).toHaveLength(2); // the reconnect needed a new one-time URL
      expect(server.requests('portfolio')).toHaveLength(1);
    });

    it('resolves a buy that timed out on a live connection the same way', async () => {
      const venue = await connect({ requestTimeoutMs: 150 });
      server.loseNextAnswer('buy', 1, { keepConnection: true });
      const position = await venue.openPosition({ ...LONG, intentId: intentId() });
      expect(position.recovered).toBe(true);
      expect(position.contractId).toBe(String(server.openContracts()[0].contractId));
      expect(server.requests('buy')).toHaveLength(1);
      expect(server.totalConnections).toBe(1); // no reconnect: it was the answer, not the socket, that went missing
    });

    it('settles a sell whose answer was lost by looking at the contract, without selling again', async () => {
      const venue = await connect();
      const { contractId } = await venue.openPosition({ ...LONG, intentId: intentId() });
      server.loseNextAnswer('sell');
      expect(await venue.closePosition(contractId)).toMatchObject({ contractId, status: 'sold', soldFor: '10', via: 'recovered' });
      expect(server.requests('sell')).toHaveLength(1);
    });

    it('keeps a lost buy unresolved when portfolio cannot be read, then resolves it later', async () => {
      const venue = await connect();
      server.loseNextAnswer('buy');
      server.failNext('portfolio', 'InternalServerError', 'Sorry.');
      const id = intentId();
      const attempt = venue.openPosition({ ...LONG, intentId: id });
      await expect(attempt).rejects.toMatchObject({ code: 'BuyOutcomeUnknown' });
      await expect(attempt).rejects.toThrow(/not sent again/);
      expect(journal.get(id)?.state).toBe('sent');
      expect(server.requests('buy')).toHaveLength(1);

      const resolutions = await venue.resolveLostBuys();
      const [contract] = server.openContracts();
      expect(resolutions).toEqual([{ intentId: id, outcome: 'resolved', contractId: String(contract.contractId), contract: expect.objectContaining({ multiplier: 100 }) }]);
      expect(journal.get(id)).toMatchObject({ state: 'resolved', contractId: String(contract.contractId) });
      expect(server.requests('buy')).toHaveLength(1);
    });

    it('after a restart: fails never-sent intents, leaves unmatched ones, flags look-alikes as ambiguous', async () => {
      const venue = await connect();
      const bought = await venue.openPosition({ ...LONG, intentId: intentId() });
      const now = Date.now();
      const intent = (intentId: string, extra: Partial<BuyIntent> = {}): BuyIntent => ({
        intentId,
        symbol: 'R_100',
        direction: 'long',
        contractType: 'MULTUP',
        currency: 'USD',
        stake: '10',
        multiplier: 100,
        takeProfit: null,
        stopLoss: null,
        recordedAtMs: now - 1000,
        ...extra,
      });
      // The journal of a process that crashed mid-buy: one intent never sent, one sent whose
      // contract is open (the one bought above stands in for it: this journal has never heard of
      // it), one sent for which nothing is open.
      const crashed = new InMemoryIntentJournal();
      crashed.record(intent('never-sent'));
      crashed.record(intent('lost-1'));
      crashed.markSent('lost-1', { proposalId: 'p', askPrice: '10', maxPrice: '10', sentAtMs: now - 900 });
      crashed.record(intent('lost-2', { symbol: 'R_50' }));
      crashed.markSent('lost-2', { proposalId: 'q', askPrice: '10', maxPrice: '10', sentAtMs: now - 900 });
      const results = await venue.resolveLostBuys(crashed);
      expect(results).toEqual([
        { intentId: 'never-sent', outcome: 'not-sent' },
        { intentId: 'lost-1', outcome: 'resolved', contractId: bought.contractId, contract: expect.objectContaining({ contractId: bought.contractId }) },
        { intentId: 'lost-2', outcome: 'unmatched' },
      ]);
      expect(crashed.get('never-sent')?.state).toBe('failed');
      expect(crashed.get('lost-2')?.state).toBe('sent');

      // Two look-alike open contracts and one lost intent: which one is it? Not guessed.
      await venue.openPosition({ ...LONG, intentId: intentId() });
      const other = new InMemoryIntentJournal();
      other.record(intent('lost-3'));
      other.markSent('lost-3', { proposalId: 'r', askPrice: '10', maxPrice: '10', sentAtMs: now - 900 });
      const [ambiguous] = await venue.resolveLostBuys(other);
      expect(ambiguous).toMatchObject({ intentId: 'lost-3', outcome: 'ambiguous', candidateContractIds: expect.arrayContaining([bought.contractId]) });
      expect(other.get('lost-3')?.state).toBe('sent');
      expect(server.requests('buy')).toHaveLength(2);
    });
  });

  describe('rate limits', () => {
    it('retries a rate-limited proposal and portfolio, with backoff', async () => {
      const venue = await connect();
      server.rateLimitNext('proposal', 2);
      const position = await venue.openPosition({ ...LONG, intentId: intentId() });
      expect(server.requests('proposal')).toHaveLength(3);
      expect(server.requests('buy')).toHaveLength(1);
      server.rateLimitNext('portfolio');
      expect((await venue.portfolio()).map((c) => c.contractId)).toEqual([position.contractId]);
      expect(server.requests('portfolio')).toHaveLength(2);
    });

    it('never retries a rate-limited buy: the order fails and is marked failed', async () => {
      const venue = await connect();
      server.rateLimitNext('buy');
      const id = intentId();
      const attempt = venue.openPosition({ ...LONG, intentId: id });
      await expect(attempt).rejects.toMatchObject({ code: 'RateLimit', msgType: 'buy' });
      await new Promise((r) => setTimeout(r, 100)); // longer than any retry backoff here
      expect(server.requests('buy')).toHaveLength(1);
      expect(server.openContracts()).toHaveLength(0);
      expect(journal.get(id)).toMatchObject({ state: 'failed', failure: expect.stringMatching(/rate limit/) });
    });
  });

  describe('reconcile', () => {
    it('reports contracts missing on Deriv, unknown to the platform, and differing fields', async () => {
      const venue = await connect();
      const same = await venue.openPosition({ ...LONG, intentId: intentId(), takeProfit: '50', stopLoss: '5' });
      const drifted = await venue.openPosition({ ...LONG, intentId: intentId(), takeProfit: '50' });
      const closedByTp = await venue.openPosition({ ...LONG, symbol: 'R_50', intentId: intentId(), takeProfit: '1' });
      const unknown = await venue.openPosition({ ...LONG, direction: 'short', intentId: intentId() });
      server.emitTick('R_50', 1001); // closes closedByTp at its take profit
      const stored: StoredContract[] = [
        { contractId: same.contractId, symbol: 'R_100', direction: 'long', currency: 'USD', stake: '10.00', multiplier: 100, takeProfit: '50', stopLoss: '5' },
        { contractId: drifted.contractId, symbol: 'R_100', direction: 'long', stake: '11', multiplier: 200, takeProfit: '60', stopLoss: '2' },
        { contractId: closedByTp.contractId, symbol: 'R_50', stake: '10' },
        { contractId: '999999999', stake: '10' },
      ];
      const differences = await venue.reconcile(stored);
      expect(differences).toEqual([
        { kind: 'field-mismatch', contractId: drifted.contractId, field: 'stake', stored: '11', venue: '10' },
        { kind: 'field-mismatch', contractId: drifted.contractId, field: 'multiplier', stored: '200', venue: '100' },
        { kind: 'field-mismatch', contractId: drifted.contractId, field: 'takeProfit', stored: '60', venue: '50' },
        { kind: 'field-mismatch', contractId: drifted.contractId, field: 'stopLoss', stored: '2', venue: null },
        { kind: 'missing-on-venue', contractId: closedByTp.contractId, stored: stored[2], closed: expect.objectContaining({ status: 'won', isSold: true, sellPrice: '11' }) },
        { kind: 'missing-on-venue', contractId: '999999999', stored: stored[3] },
        { kind: 'unknown-on-venue', contractId: unknown.contractId, venue: expect.objectContaining({ contractType: 'MULTDOWN', direction: 'short' }) },
      ]);
      expect(errors).toEqual([]);
    });
  });
});

describe('reconcileContracts (pure)', () => {
  const venue = (contractId: string, extra: Partial<VenueContract> = {}): VenueContract => ({
    contractId,
    symbol: 'R_100',
    contractType: 'MULTUP',
    direction: 'long',
    currency: 'USD',
    buyPrice: '10',
    purchaseTimeMs: 1_000_000,
    ...extra,
  });

  it('finds nothing when both sides agree, amounts compared as decimals', () => {
    expect(reconcileContracts([{ contractId: '1', stake: '10.00', direction: 'long', takeProfit: '5.0' }], [venue('1', { takeProfit: '5' })])).toEqual([]);
  });

  it('skips fields one side does not track, and compares null limit orders', () => {
    expect(reconcileContracts([{ contractId: '1', takeProfit: null }], [venue('1')])).toEqual([]); // venue details not fetched
    expect(reconcileContracts([{ contractId: '1', takeProfit: null }], [venue('1', { takeProfit: '5' })])).toEqual([{ kind: 'field-mismatch', contractId: '1', field: 'takeProfit', stored: null, venue: '5' }]);
  });

  it('reports direction, symbol and currency differences', () => {
    expect(reconcileContracts([{ contractId: '1', direction: 'short', symbol: 'R_50', currency: 'EUR' }], [venue('1')]).map((d) => d.kind === 'field-mismatch' && d.field)).toEqual(['symbol', 'contractType', 'currency']);
  });
});

describe('matchLostBuys (pure)', () => {
  const T = 1_700_000_000_000;
  const options = { windowMs: 60_000, clockSkewMs: 2_000 };
  const entry = (intentId: string, recordedAtMs = T, extra: Partial<BuyIntent> = {}): JournalEntry => ({
    intent: { intentId, symbol: 'R_100', direction: 'long', contractType: 'MULTUP', currency: 'USD', stake: '10', multiplier: 100, takeProfit: null, stopLoss: null, recordedAtMs, ...extra },
    state: 'sent',
    sent: { proposalId: 'p', askPrice: '10', maxPrice: '10', sentAtMs: recordedAtMs + 50 },
  });
  const contract = (contractId: string, purchaseTimeMs: number, extra: Partial<VenueContract> = {}): VenueContract => ({
    contractId,
    symbol: 'R_100',
    contractType: 'MULTUP',
    currency: 'USD',
    buyPrice: '10.00',
    purchaseTimeMs,
    ...extra,
  });

  it('matches on symbol, type, price and the time window, never a known contract', () => {
    const contracts = [contract('early', T - 10_000), contract('late', T + 120_000), contract('down', T + 1000, { contractType: 'MULTDOWN' }), contract('owned', T + 1000), contract('mine', T + 1000)];
    expect(matchLostBuys([entry('a')], contracts, new Set(['owned']), options)).toEqual([{ intentId: 'a', outcome: 'matched', contract: contracts[4] }]);
    expect(matchLostBuys([entry('a')], contracts, new Set(['owned', 'mine']), options)).toEqual([{ intentId: 'a', outcome: 'unmatched' }]);
  });

  it('tolerates the clock skew of whole-second purchase times', () => {
    expect(matchLostBuys([entry('a', T + 900)], [contract('c', T)], new Set(), options)[0].outcome).toBe('matched');
  });

  it('uses details to tell look-alikes apart', () => {
    const contracts = [contract('x', T + 1000, { multiplier: 200 }), contract('y', T + 1000, { multiplier: 100, takeProfit: '5' }), contract('z', T + 1000, { multiplier: 100, takeProfit: null })];
    expect(matchLostBuys([entry('a')], contracts, new Set(), options)).toEqual([{ intentId: 'a', outcome: 'matched', contract: contracts[2] }]);
  });

  it('pairs interchangeable twins in time order, but calls extra look-alikes ambiguous', () => {
    const twins = [entry('a', T), entry('b', T + 5000)];
    const pair = [contract('c2', T + 5500), contract('c1', T + 500)];
    expect(matchLostBuys(twins, pair, new Set(), options).map((m) => [m.intentId, m.outcome === 'matched' && m.contract.contractId])).toEqual([
      ['a', 'c1'],
      ['b', 'c2'],
    ]);
    expect(matchLostBuys([entry('a')], pair, new Set(), options)).toEqual([{ intentId: 'a', outcome: 'ambiguous', candidateContractIds: ['c1', 'c2'] }]);
  });

  it('ignores intents that were never sent', () => {
    expect(matchLostBuys([{ ...entry('a'), state: 'recorded', sent: undefined }], [contract('c', T + 10)], new Set(), options)).toEqual([]);
  });
});
