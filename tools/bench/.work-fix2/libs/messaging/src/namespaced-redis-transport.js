"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get NamespacedClientRedis () {
        return NamespacedClientRedis;
    },
    get NamespacedServerRedis () {
        return NamespacedServerRedis;
    }
});
const _microservices = require("@nestjs/microservices");
let NamespacedServerRedis = class NamespacedServerRedis extends _microservices.ServerRedis {
    constructor(namespace, options){
        super(options);
        this.prefix = `${namespace}:`;
    }
    getRequestPattern(pattern) {
        return `${this.prefix}${pattern}`;
    }
    bindEvents(subClient, pubClient) {
        subClient.on('message', this.getMessageHandler(pubClient).bind(this));
        for (const pattern of this.messageHandlers.keys())subClient.subscribe(`${this.prefix}${pattern}`);
    }
    getHandlerByPattern(channel) {
        return super.getHandlerByPattern(channel.startsWith(this.prefix) ? channel.slice(this.prefix.length) : channel);
    }
};
let NamespacedClientRedis = class NamespacedClientRedis extends _microservices.ClientRedis {
    constructor(namespace, options){
        super(options);
        this.prefix = `${namespace}:`;
    }
    getRequestPattern(pattern) {
        return `${this.prefix}${pattern}`;
    }
    getReplyPattern(pattern) {
        return `${this.prefix}${pattern}.reply`;
    }
    dispatchEvent(packet) {
        return super.dispatchEvent({
            ...packet,
            pattern: `${this.prefix}${this.normalizePattern(packet.pattern)}`
        });
    }
};

//# sourceMappingURL=namespaced-redis-transport.js.map
