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
    get LOG_STREAM_MAXLEN () {
        return LOG_STREAM_MAXLEN;
    },
    get RedisLogSink () {
        return RedisLogSink;
    },
    get logStreamKey () {
        return logStreamKey;
    }
});
const logStreamKey = (namespace)=>`${namespace}:logs`;
const LOG_STREAM_MAXLEN = 50_000;
let RedisLogSink = class RedisLogSink {
    constructor(redis, namespace, flushMs = 250, maxBuffer = 5_000){
        this.redis = redis;
        this.flushMs = flushMs;
        this.maxBuffer = maxBuffer;
        this.buffer = [];
        this.timer = null;
        this.dropped = 0;
        this.key = logStreamKey(namespace);
    }
    write(line) {
        if (this.buffer.length >= this.maxBuffer) {
            this.dropped++;
            return;
        }
        this.buffer.push(line);
        if (!this.timer) this.timer = setTimeout(()=>void this.flush(), this.flushMs);
    }
    async flush() {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        if (this.buffer.length === 0) return;
        const lines = this.buffer;
        this.buffer = [];
        if (this.redis.status !== 'ready') {
            this.dropped += lines.length;
            return;
        }
        const pipeline = this.redis.pipeline();
        for (const line of lines)pipeline.xadd(this.key, 'MAXLEN', '~', LOG_STREAM_MAXLEN, '*', 'l', line.trimEnd());
        try {
            await pipeline.exec();
        } catch  {
            this.dropped += lines.length;
        }
    }
};

//# sourceMappingURL=log-stream.js.map
