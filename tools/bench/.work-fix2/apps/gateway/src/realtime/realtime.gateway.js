"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RealtimeGateway", {
    enumerable: true,
    get: function() {
        return RealtimeGateway;
    }
});
const _common = require("@nestjs/common");
const _websockets = require("@nestjs/websockets");
const _contracts = require("../../../../libs/contracts/src");
const _servicekit = require("../../../../libs/service-kit/src");
const _authservice = require("../auth/auth.service");
const _accessguard = require("../auth/access.guard");
const _realtimehub = require("./realtime-hub");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const HEARTBEAT_MS = 15_000;
/** A client that has this much unsent data is skipped for non-essential frames (it gets the next one). */ const SLOW_CLIENT_BYTES = 1 << 20;
const MAX_FRAME_BYTES = 16 * 1024;
let RealtimeGateway = class RealtimeGateway {
    constructor(auth, hub, logger){
        this.auth = auth;
        this.hub = hub;
        this.logger = logger;
        this.clients = new Map();
        this.unlisten = hub.listen((frame)=>this.deliver(frame));
        this.heartbeat = setInterval(()=>this.beat(), HEARTBEAT_MS);
        this.heartbeat.unref();
    }
    async handleConnection(client, req) {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const token = url.searchParams.get('access_token');
        const apiKey = url.searchParams.get('api_key');
        const credential = token ? {
            bearer: token
        } : apiKey ? {
            apiKey
        } : (0, _accessguard.credentialFrom)(req.headers);
        const principal = await this.auth.authenticate(credential).catch(()=>null);
        if (!principal) {
            this.send(client, {
                type: 'error',
                code: 'unauthorized',
                message: 'Authenticate with ?access_token=<JWT>, ?api_key=<key> or an Authorization header'
            });
            client.close(4401, 'unauthorized');
            return;
        }
        const state = {
            principal,
            channels: new Set(),
            alive: true
        };
        this.clients.set(client, state);
        client.on('pong', ()=>state.alive = true);
        client.on('message', (data, isBinary)=>this.onMessage(client, state, data.toString(), isBinary));
        this.send(client, {
            type: 'welcome',
            user: {
                id: principal.userId,
                role: principal.role
            },
            channels: _contracts.WS_CHANNELS
        });
    }
    handleDisconnect(client) {
        this.clients.delete(client);
    }
    onModuleDestroy() {
        clearInterval(this.heartbeat);
        this.unlisten();
        for (const client of this.clients.keys())client.close(1001, 'server shutting down');
    }
    get connectionCount() {
        return this.clients.size;
    }
    onMessage(client, state, raw, isBinary) {
        if (isBinary || raw.length > MAX_FRAME_BYTES) return this.send(client, {
            type: 'error',
            code: 'bad-frame',
            message: 'Frames must be JSON text under 16 KiB'
        });
        let frame;
        try {
            frame = JSON.parse(raw);
        } catch  {
            return this.send(client, {
                type: 'error',
                code: 'bad-json',
                message: 'The frame is not valid JSON'
            });
        }
        if (frame?.type === 'ping') return this.send(client, {
            type: 'heartbeat',
            ts: Date.now()
        });
        if (frame?.type !== 'subscribe' && frame?.type !== 'unsubscribe') {
            return this.send(client, {
                type: 'error',
                code: 'bad-type',
                message: 'type must be subscribe, unsubscribe or ping'
            });
        }
        const channels = Array.isArray(frame.channels) ? frame.channels : null;
        const unknown = channels?.filter((c)=>!_contracts.WS_CHANNELS.includes(c)) ?? [];
        if (!channels || channels.length === 0 || unknown.length) {
            return this.send(client, {
                type: 'error',
                code: 'bad-channels',
                message: `channels must be a non-empty list of: ${_contracts.WS_CHANNELS.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`
            });
        }
        for (const c of channels){
            if (frame.type === 'subscribe') state.channels.add(c);
            else state.channels.delete(c);
        }
        this.send(client, {
            type: frame.type === 'subscribe' ? 'subscribed' : 'unsubscribed',
            channels
        });
    }
    deliver(frame) {
        const text = JSON.stringify(frame);
        for (const [client, state] of this.clients){
            if (!state.channels.has(frame.channel)) continue;
            if (client.bufferedAmount > SLOW_CLIENT_BYTES && frame.channel !== 'alerts' && frame.channel !== 'system') continue;
            if (client.readyState === client.OPEN) client.send(text);
        }
    }
    beat() {
        const text = JSON.stringify({
            type: 'heartbeat',
            ts: Date.now()
        });
        for (const [client, state] of this.clients){
            if (!state.alive) {
                client.terminate(); // no pong since the last beat: the peer is gone
                continue;
            }
            state.alive = false;
            client.ping();
            if (client.readyState === client.OPEN) client.send(text);
        }
    }
    send(client, frame) {
        if (client.readyState === client.OPEN) client.send(JSON.stringify(frame));
    }
};
RealtimeGateway = _ts_decorate([
    (0, _websockets.WebSocketGateway)({
        path: '/api/ws'
    }),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _authservice.AuthService === "undefined" ? Object : _authservice.AuthService,
        typeof _realtimehub.RealtimeHub === "undefined" ? Object : _realtimehub.RealtimeHub,
        typeof Logger === "undefined" ? Object : Logger
    ])
], RealtimeGateway);

//# sourceMappingURL=realtime.gateway.js.map
