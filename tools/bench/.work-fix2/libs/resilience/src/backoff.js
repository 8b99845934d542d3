/**
 * Exponential backoff with full jitter: a random delay in [0, min(cap, base·2^attempt)].
 * Spreads reconnect storms when many clients lose the same server at once.
 */ "use strict";
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
    get backoffDelayMs () {
        return backoffDelayMs;
    },
    get retry () {
        return retry;
    }
});
function backoffDelayMs(attempt, baseMs = 200, capMs = 10_000, random = Math.random) {
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
    return Math.floor(random() * ceiling);
}
async function retry(fn, opts) {
    const sleep = opts.sleep ?? ((ms)=>new Promise((r)=>setTimeout(r, ms)));
    let lastError;
    for(let attempt = 0; attempt < opts.attempts; attempt++){
        try {
            return await fn(attempt);
        } catch (err) {
            lastError = err;
            if (opts.retryable && !opts.retryable(err)) throw err;
            if (attempt < opts.attempts - 1) await sleep(backoffDelayMs(attempt, opts.baseMs, opts.capMs));
        }
    }
    throw lastError;
}

//# sourceMappingURL=backoff.js.map
