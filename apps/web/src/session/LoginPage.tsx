import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { describeError } from '../api/apiError';
import { useAppSelector } from '../app/hooks';
import { useLoginMutation } from './authApi';
import { selectAccessToken } from './sessionSlice';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { isLoading, error }] = useLoginMutation();
  const token = useAppSelector(selectAccessToken);
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/dashboard';

  if (token) return <Navigate to={from} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void login({ email: email.trim(), password });
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} aria-label="Sign in">
        <div className="brand brand-large">
          <span className="brand-mark">M</span>
          <span className="brand-name">Meridian</span>
        </div>
        <p className="muted">Sign in to the trading platform</p>
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="login-email" />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        {error ? (
          <div className="state state-error" role="alert" data-testid="login-error">
            {describeError(error).message}
          </div>
        ) : null}
        <button type="submit" className="btn btn-primary btn-block" disabled={isLoading} data-testid="login-submit">
          {isLoading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
