import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { fakeGateway, renderWithStore, tokenPair } from '../../test/render';
import { LoginPage } from './LoginPage';

afterEach(() => jest.restoreAllMocks());

function renderLogin() {
  return renderWithStore(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/dashboard" element={<div>dashboard page</div>} />
    </Routes>,
    { route: '/login' },
  );
}

function submit(email: string, password: string) {
  fireEvent.change(screen.getByTestId('login-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('shows the API error message when the credentials are rejected', async () => {
    fakeGateway({
      'POST /api/auth/login': { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' } },
    });
    renderLogin();

    submit('ops@meridian.dev', 'wrong');

    expect((await screen.findByTestId('login-error')).textContent).toBe('Invalid email or password');
  });

  it('stores the tokens and goes to the dashboard on success', async () => {
    const calls = fakeGateway({ 'POST /api/auth/login': { body: tokenPair('jwt-1') } });
    const { store } = renderLogin();

    submit(' admin@meridian.dev ', 'secret');

    await screen.findByText('dashboard page');
    expect(calls[0].body).toEqual({ email: 'admin@meridian.dev', password: 'secret' });
    await waitFor(() => expect(store.getState().session.accessToken).toBe('jwt-1'));
    expect(store.getState().session.user?.role).toBe('admin');
  });

  it('says so when the gateway cannot be reached', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    renderLogin();

    submit('a@b.c', 'x');

    expect((await screen.findByTestId('login-error')).textContent).toBe('Cannot reach the gateway');
  });
});
