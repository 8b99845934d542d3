import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * The request and response classes of an Express app, built with the app's prototypes
 * (`app.request`, `app.response`) from the start.
 *
 * Express gives every request and response those prototypes with `Object.setPrototypeOf`. V8 then
 * moves the object to a copied map that no transition tree owns, so each property Express, Nest
 * and Node add afterwards (`next`, `baseUrl`, `statusCode`, ...) creates new maps and descriptor
 * arrays, per request, that are never shared. Old-space transition arrays point at them, so the
 * young generation cannot free them: at 500 requests/s the gateway promoted ~9 MB/s of them, its
 * scavenges took ~10 ms and its heap grew until the next full collection. Objects that are born
 * with the right prototypes keep shared maps, and Express's `setPrototypeOf` becomes a no-op.
 * (Measured in docs/BENCHMARKS.md, "Order acknowledgement → Fourth session".)
 */
export function expressMessageClasses(app: Express): { IncomingMessage: typeof IncomingMessage; ServerResponse: typeof ServerResponse } {
  // Classes, not functions: V8 caches the initial map of a derived class constructor, but builds a
  // new one on every `Reflect.construct` with a plain function as new.target.
  class ExpressRequest extends IncomingMessage {}
  class ExpressResponse extends ServerResponse {}
  adoptPrototype(ExpressRequest.prototype, app.request);
  adoptPrototype(ExpressResponse.prototype, app.response);
  app.request = ExpressRequest.prototype as unknown as Express['request'];
  app.response = ExpressResponse.prototype as unknown as Express['response'];
  return { IncomingMessage: ExpressRequest, ServerResponse: ExpressResponse as typeof ServerResponse };
}

/** Makes `target` stand where `source` stood: same own properties, same prototype. */
function adoptPrototype(target: object, source: object): void {
  Object.setPrototypeOf(target, Object.getPrototypeOf(source));
  for (const key of Reflect.ownKeys(source)) {
    Object.defineProperty(target, key, Object.getOwnPropertyDescriptor(source, key)!);
  }
}

/** Nest's Express adapter, serving plain HTTP with the request and response classes above. */
export class GatewayExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // HTTPS and the shutdown options are set up by Nest itself; the gateway uses neither (TLS ends
    // at the ingress), so those paths keep Node's own classes.
    if (options?.httpsOptions || options?.return503OnClosing || options?.forceCloseConnections) {
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    this.httpServer = createServer(expressMessageClasses(app), app);
  }
}
