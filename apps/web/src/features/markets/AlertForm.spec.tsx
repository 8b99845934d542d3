import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { PriceAlertView } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { AlertForm } from './AlertForm';
import { alertBodyOf, emptyAlertDraft } from './alertForm';
import { instrument } from './testData';

const created: PriceAlertView = {
  id: 'a1',
  ownerId: 'u-trader',
  symbol: 'R_100',
  condition: { kind: 'above', level: 1300 },
  trigger: { mode: 'once' },
  webhookUrl: null,
  note: null,
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastFiredAt: null,
  firedCount: 0,
};
const instruments = [instrument('R_100'), instrument('R_50'), instrument('SPY', false)];
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

afterEach(() => jest.restoreAllMocks());

describe('AlertForm', () => {
  it('shows the field errors of a 400 next to their fields', async () => {
    fakeGateway({
      'POST /api/markets/alerts': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          details: [
            { field: 'condition.level', rules: { max: 'level is far from the current price' } },
            { field: 'webhookUrl', rules: { isUrl: 'webhookUrl must not point to a private address' } },
          ],
        },
      },
    });
    renderWithStore(<AlertForm instruments={instruments} />, { session: sessionAs('trader') });

    change('alert-level', '999999');
    change('alert-webhookUrl', 'http://10.0.0.1/hook');
    fireEvent.click(screen.getByTestId('alert-submit'));

    expect((await screen.findByTestId('alert-error-condition.level')).textContent).toBe('level is far from the current price');
    expect(screen.getByTestId('alert-error-webhookUrl').textContent).toBe('webhookUrl must not point to a private address');
    expect(screen.getByTestId('alert-level').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('alert-form-error').textContent).toBe('Validation failed');
    expect(screen.queryByTestId('alert-error-note')).toBeNull();
  });

  it('posts a percent move alert with repeat trigger, webhook and note', async () => {
    const calls = fakeGateway({ 'POST /api/markets/alerts': { status: 201, body: created } });
    renderWithStore(<AlertForm instruments={instruments} />, { session: sessionAs('trader') });

    change('alert-symbol', 'R_50');
    change('alert-kind', 'percentMove');
    expect(screen.queryByTestId('alert-level')).toBeNull();
    change('alert-percent', '1.5');
    change('alert-windowSec', '600');
    change('alert-direction', 'down');
    change('alert-mode', 'repeat');
    change('alert-cooldownSec', '120');
    change('alert-webhookUrl', ' https://hooks.example/alerts ');
    change('alert-note', 'dip');
    fireEvent.click(screen.getByTestId('alert-submit'));

    await screen.findByTestId('alert-created');
    expect(calls.find((c) => c.key === 'POST /api/markets/alerts')?.body).toEqual({
      symbol: 'R_50',
      condition: { kind: 'percentMove', percent: 1.5, windowSec: 600, direction: 'down' },
      trigger: { mode: 'repeat', cooldownSec: 120 },
      webhookUrl: 'https://hooks.example/alerts',
      note: 'dip',
    });
    // only live instruments can be watched
    expect([...screen.getByTestId('alert-symbol').querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['R_100', 'R_50']);
  });

  it('posts a cross alert with its level and direction, nothing optional', async () => {
    const calls = fakeGateway({ 'POST /api/markets/alerts': { status: 201, body: created } });
    renderWithStore(<AlertForm instruments={instruments} />, { session: sessionAs('trader') });

    change('alert-kind', 'cross');
    change('alert-level', '1250.5');
    change('alert-direction', 'up');
    fireEvent.click(screen.getByTestId('alert-submit'));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toEqual({ symbol: 'R_100', condition: { kind: 'cross', level: 1250.5, direction: 'up' }, trigger: { mode: 'once' } });
  });

  it('builds the body of each condition kind', () => {
    const draft = { ...emptyAlertDraft('R_100'), level: '100', percent: '2', windowSec: '60', direction: 'either' as const };
    const conditionOf = (kind: typeof draft.kind) => {
      const parsed = alertBodyOf({ ...draft, kind });
      return 'body' in parsed ? parsed.body.condition : parsed.errors;
    };
    expect(conditionOf('above')).toEqual({ kind: 'above', level: 100 });
    expect(conditionOf('below')).toEqual({ kind: 'below', level: 100 });
    expect(conditionOf('cross')).toEqual({ kind: 'cross', level: 100, direction: 'either' });
    expect(conditionOf('percentMove')).toEqual({ kind: 'percentMove', percent: 2, windowSec: 60, direction: 'either' });
  });

  it('refuses a level that is not a number without calling the API', () => {
    const calls = fakeGateway({});
    renderWithStore(<AlertForm instruments={instruments} />, { session: sessionAs('trader') });
    change('alert-level', 'high');
    fireEvent.click(screen.getByTestId('alert-submit'));
    expect(screen.getByTestId('alert-error-condition.level').textContent).toBe('must be a number');
    expect(calls).toHaveLength(0);
  });
});
