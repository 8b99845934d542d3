import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /api/docs (browsable) and /api/docs-json, with both ways to authenticate. */
export function setupOpenApi(app: INestApplication, version: string): void {
  const config = new DocumentBuilder()
    .setTitle('Meridian API')
    .setDescription(
      'REST API of the Meridian trading platform. Authenticate with a Bearer access token from POST /api/auth/login, ' +
        'or an API key in X-API-Key. Errors share one body: {statusCode, error, message, details?: [{field, rules}], requestId}. ' +
        '\n\n**Live events** (WebSocket `/api/ws?access_token=<JWT>`): send `{"type":"subscribe","channels":[...]}`; events arrive as ' +
        '`{"type":"event","channel","data","ts"}`. Channels: `health`, `metrics`, `alerts` (`{kind:"raised"|"resolved", alert}`), ' +
        '`system` (`{kind:"halt"|"maintenance"|"config", ...}`), `trading` (your own accounts; admins see all: ' +
        '`{kind:"order", order}`, `{kind:"fill", fill}`, `{kind:"position", accountId, position}`, `{kind:"deployment", deployment}`, `{kind:"equity", accountId, point}`, ' +
        'each with `ownerId`), `simulation` (`{kind:"run", run}`: your runs\' progress and results). A bad frame gets ' +
        '`{"type":"error","code","message"}` and the connection stays open; heartbeat frames keep an idle connection alive.' +
        '\n\n**Market data** (WebSocket `/api/markets/stream?access_token=<JWT>`): `{"type":"subscribe","channel":"ticks","symbols":["R_100"]}` ' +
        'or `{"type":"subscribe","channel":"candles","symbols":[...],"timeframe":"1m"}`; frames `{type:"tick", symbol, price, epochMs}`, ' +
        '`{type:"candle", symbol, timeframe, candle}` and `{type:"alert", alert}` for your price alerts. A slow reader is sent the latest ' +
        'price per symbol rather than a growing backlog.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
