import type { IncomingMessage } from 'node:http';
import type { Principal } from '@meridian/contracts';
import { credentialFrom } from '../auth/access.guard';
import type { AuthService } from '../auth/auth.service';

/** WebSocket clients authenticate with ?access_token=<JWT>, ?api_key=<key>, or the usual headers. */
export async function authenticateUpgrade(auth: AuthService, req: IncomingMessage): Promise<Principal | null> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('access_token');
  const apiKey = url.searchParams.get('api_key');
  const credential = token ? { bearer: token } : apiKey ? { apiKey } : credentialFrom(req.headers);
  return auth.authenticate(credential).catch(() => null);
}
