"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "setupOpenApi", {
    enumerable: true,
    get: function() {
        return setupOpenApi;
    }
});
const _swagger = require("@nestjs/swagger");
function setupOpenApi(app, version) {
    const config = new _swagger.DocumentBuilder().setTitle('Meridian API').setDescription('REST API of the Meridian trading platform. Authenticate with a Bearer access token from POST /api/auth/login, ' + 'or an API key in X-API-Key. Errors share one body: {statusCode, error, message, details?: [{field, rules}], requestId}. ' + 'Live events: WebSocket /api/ws?access_token=<JWT>, frames {type:"subscribe", channels:["health","metrics","alerts","system"]}.').setVersion(version).addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT'
    }).addApiKey({
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key'
    }, 'api-key').build();
    const document = _swagger.SwaggerModule.createDocument(app, config);
    _swagger.SwaggerModule.setup('api/docs', app, document, {
        jsonDocumentUrl: 'api/docs-json',
        useGlobalPrefix: false
    });
}

//# sourceMappingURL=openapi.js.map
