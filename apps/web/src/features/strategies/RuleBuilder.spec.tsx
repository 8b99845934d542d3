import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RuleValidation } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { apiError } from '../execution/testData';
import { instrument } from '../markets/testData';
import { strategy } from '../simulation/testData';
import { RuleBuilder } from './RuleBuilder';
import { draftFromRule, markErrors, ruleDocumentOf } from './ruleForm';

afterEach(() => jest.restoreAllMocks());

const BROKEN_ENTRY = 'crossAbove(sma(close, $fast) sma(close, $slow))';
// The parser stops at the second "sma": offset 29, line 1, column 30.
const BROKEN_AT = BROKEN_ENTRY.indexOf(' sma') + 1;

/** A fake /validate: one broken entry text, a bad sizing value, and a canonical form otherwise. */
function validate(rule: Record<string, unknown>): RuleValidation {
  const errors: RuleValidation['errors'] = [];
  // As the rule language: a rule names the symbols it trades.
  if (!Array.isArray(rule.symbols) || rule.symbols.length === 0) errors.push({ path: 'symbols', message: 'expected a non-empty array of symbols' });
  if (rule.entry === BROKEN_ENTRY) {
    errors.push({ path: 'entry', message: `expected ',' or ')' at 1:${BROKEN_AT + 1}`, position: { offset: BROKEN_AT, line: 1, column: BROKEN_AT + 1 } });
  }
  const sizing = rule.sizing as { value: unknown };
  if (typeof sizing.value !== 'number' || sizing.value > 1) {
    errors.push({ path: 'sizing.value', message: 'percentEquity is a fraction in (0, 1]' });
  }
  if (errors.length) return { ok: false, errors, canonical: null, warmupBars: null };
  return { ok: true, errors: [], canonical: { entry: 'crossAbove(sma(close, 10), sma(close, 30))', exit: 'crossBelow(sma(close, 10), sma(close, 30))' }, warmupBars: 30 };
}

function gateway() {
  const calls = fakeGateway({
    'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50')] },
    'POST /api/strategies/validate': (_req, body) => ({ body: validate((body as { rule: Record<string, unknown> }).rule) }),
    'POST /api/strategies/create': () =>
      apiError(400, "rule.entry: unknown function 'smaa' at 1:12", [{ field: 'rule.entry', rules: { parse: "unknown function 'smaa'" } }]),
  });
  return { calls, posts: (key: string) => calls.filter((c) => c.key === key).map((c) => c.body) };
}

describe('RuleBuilder', () => {
  it('sends the rule document to /validate and shows the canonical rule the API parsed', async () => {
    const { posts } = gateway();
    renderWithStore(<RuleBuilder debounceMs={5} />, { session: sessionAs('trader') });

    expect((await screen.findByTestId('rule-canonical-entry')).textContent).toBe('crossAbove(sma(close, 10), sma(close, 30))');
    expect(screen.getByTestId('rule-canonical-exit').textContent).toBe('crossBelow(sma(close, 10), sma(close, 30))');
    expect(screen.getByTestId('rule-warmup').textContent).toBe('30 bars');
    expect(screen.getByTestId('rule-status').textContent).toBe('Valid');
    expect(posts('POST /api/strategies/validate').at(-1)).toEqual({
      rule: {
        symbols: ['R_100'],
        entry: 'crossAbove(sma(close, $fast), sma(close, $slow))',
        exit: 'crossBelow(sma(close, $fast), sma(close, $slow))',
        side: 'long',
        sizing: { type: 'percentEquity', value: 0.5 },
        params: { fast: { default: 10, min: 2, max: 50 }, slow: { default: 30, min: 5, max: 200 } },
      },
    });
  });

  it('shows an expression error under its field, at its character, and a field error under its field', async () => {
    const { posts } = gateway();
    renderWithStore(<RuleBuilder debounceMs={5} />, { session: sessionAs('trader') });
    await screen.findByTestId('rule-canonical-entry');

    fireEvent.change(screen.getByTestId('rule-entry'), { target: { value: BROKEN_ENTRY } });
    fireEvent.change(screen.getByTestId('rule-sizing-value'), { target: { value: '5' } });

    const entryErrors = await screen.findByTestId('rule-errors-entry');
    // The echo marks exactly the character the API points at: the "s" of the second sma.
    const mark = entryErrors.querySelector('mark')!;
    expect(mark.getAttribute('data-offset')).toBe(String(BROKEN_AT));
    expect(mark.textContent).toBe('s');
    expect(entryErrors.querySelector('pre')!.textContent).toBe(BROKEN_ENTRY);
    expect(within(entryErrors).getByTestId('rule-error-pos-entry-0').textContent).toBe(`1:${BROKEN_AT + 1}`);
    expect(within(entryErrors).getByText("expected ',' or ')'")).toBeTruthy();

    // Each error sits at its own field, nowhere else.
    expect(screen.queryByTestId('rule-errors-exit')).toBeNull();
    expect(screen.getByTestId('rule-sizing-errors').textContent).toBe('sizing.value: percentEquity is a fraction in (0, 1]');
    expect(screen.queryByTestId('rule-errors-other')).toBeNull();
    // The canonical rule belongs to a valid document only; saving waits for one.
    expect(screen.queryByTestId('rule-canonical')).toBeNull();
    expect(screen.getByTestId('rule-status').textContent).toBe('2 errors');
    expect((screen.getByTestId('rule-save') as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect((posts('POST /api/strategies/validate').at(-1) as { rule: { sizing: unknown } }).rule.sizing).toEqual({ type: 'percentEquity', value: 5 }));

    // A click on the position selects the character in the textarea.
    fireEvent.click(within(entryErrors).getByTestId('rule-error-pos-entry-0'));
    const area = screen.getByTestId('rule-entry') as HTMLTextAreaElement;
    expect([area.selectionStart, area.selectionEnd]).toEqual([BROKEN_AT, BROKEN_AT + 1]);
  });

  it('shows a missing-symbols error at the symbols picker', async () => {
    gateway();
    renderWithStore(<RuleBuilder debounceMs={5} />, { session: sessionAs('trader') });
    await screen.findByTestId('rule-canonical-entry');

    fireEvent.click(screen.getByTestId('rule-symbol-R_100'));

    expect((await screen.findByTestId('rule-symbols-errors')).textContent).toBe('symbols: expected a non-empty array of symbols');
    expect(screen.queryByTestId('rule-errors-entry')).toBeNull();
    expect(screen.queryByTestId('rule-errors-other')).toBeNull();
  });

  it('saves as a new strategy and shows the API’s parse error of the refused rule under the entry', async () => {
    const { posts } = gateway();
    renderWithStore(<RuleBuilder debounceMs={5} />, { session: sessionAs('trader') });
    await screen.findByTestId('rule-canonical-entry');

    fireEvent.click(screen.getByTestId('rule-save'));
    expect((await screen.findByText('A new strategy needs a name')).className).toBe('field-error');
    expect(posts('POST /api/strategies/create')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('rule-name'), { target: { value: 'My crossover' } });
    fireEvent.click(screen.getByTestId('rule-save'));

    expect((await screen.findByTestId('rule-save-error')).textContent).toBe("rule.entry: unknown function 'smaa' at 1:12");
    expect(screen.getByTestId('rule-errors-entry').textContent).toContain("unknown function 'smaa'");
    const [body] = posts('POST /api/strategies/create') as Record<string, unknown>[];
    expect(body).toMatchObject({ kind: 'rule', name: 'My crossover', rule: { side: 'long', sizing: { type: 'percentEquity', value: 0.5 } } });
    expect(body).not.toHaveProperty('strategyId');
  });

  it('starts from the latest version of an own rule strategy and saves a new version of it', async () => {
    const { posts } = gateway();
    const mine = strategy('7f1c2a4e-0000-4000-8000-000000000001', {
      kind: 'rule',
      name: 'Mine',
      ownerId: 'u-trader',
      latestVersion: 2,
      versions: [
        { version: 1, definition: { entry: 'close > open', exit: 'close < open', side: 'long', sizing: { type: 'quantity', value: 1 } }, canonical: null, params: {}, warmupBars: 1, createdBy: 'u-trader', createdAt: '2026-01-01T00:00:00.000Z' },
        {
          version: 2,
          definition: { symbols: ['R_50'], entry: 'rsi(close, $n) < 30', exit: 'rsi(close, $n) > 70', side: 'short', sizing: { type: 'notional', value: 1000 }, stopLoss: { type: 'percent', value: 0.03 }, params: { n: 14 } },
          canonical: null,
          params: { n: 14 },
          warmupBars: 14,
          createdBy: 'u-trader',
          createdAt: '2026-01-02T00:00:00.000Z',
        },
      ],
    });
    renderWithStore(<RuleBuilder base={mine} debounceMs={5} />, { session: sessionAs('trader') });

    expect((screen.getByTestId('rule-entry') as HTMLTextAreaElement).value).toBe('rsi(close, $n) < 30');
    expect((screen.getByTestId('rule-sl-value') as HTMLInputElement).value).toBe('0.03');
    expect(screen.queryByTestId('rule-name')).toBeNull();
    fireEvent.click(screen.getByTestId('rule-save'));

    await waitFor(() => expect(posts('POST /api/strategies/create')).toHaveLength(1));
    expect(posts('POST /api/strategies/create')[0]).toEqual({
      kind: 'rule',
      strategyId: mine.id,
      description: mine.description,
      rule: { symbols: ['R_50'], entry: 'rsi(close, $n) < 30', exit: 'rsi(close, $n) > 70', side: 'short', sizing: { type: 'notional', value: 1000 }, stopLoss: { type: 'percent', value: 0.03 }, params: { n: 14 } },
    });
  });
});

describe('rule form', () => {
  it('round-trips a stored rule document through the form', () => {
    const doc = {
      symbols: ['R_100', 'R_50'],
      entry: 'close > sma(close, $n)',
      exit: 'close < sma(close, $n)',
      side: 'short',
      sizing: { type: 'quantity', value: 3 },
      takeProfit: { type: 'points', value: 5 },
      params: { n: { default: 20, min: 5, max: 60, step: 5 }, k: 2 },
    };
    expect(ruleDocumentOf(draftFromRule(doc))).toEqual(doc);
  });

  it('marks each error offset once, a caret past the end as a space', () => {
    const pieces = markErrors('a +', [
      { path: 'entry', message: 'x', position: { offset: 2, line: 1, column: 3 } },
      { path: 'entry', message: 'y', position: { offset: 3, line: 1, column: 4 } },
      { path: 'entry', message: 'z', position: { offset: 3, line: 1, column: 4 } },
    ]);
    expect(pieces).toEqual([
      { text: 'a ', marked: false, offset: 0 },
      { text: '+', marked: true, offset: 2 },
      { text: ' ', marked: true, offset: 3 },
    ]);
  });
});
