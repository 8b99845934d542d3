import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /api/docs (browsable) and /api/docs-json, with both ways to authenticate. */
export function setupOpenApi(app: INestApplication, version: string): void {
  const config = new DocumentBuilder()
    .setTitle('Meridian API')
    .setDescription(
      'REST API of the Meridian trading platform. Authenticate with a Bearer access token from POST /api/auth/login, ' +
        'or an API key in X-API-Key. Errors share one body: {statusCode, error, message, details?: [{field, rules}], requestId}. ' +
        'Live events: WebSocket /api/ws?access_token=<JWT>, frames {type:"subscribe", channels:["health","metrics","alerts","system"]}.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
