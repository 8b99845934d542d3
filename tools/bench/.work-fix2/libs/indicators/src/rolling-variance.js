"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RollingVariance", {
    enumerable: true,
    get: function() {
        return RollingVariance;
    }
});
const _ringbuffer = require("./ring-buffer");
let RollingVariance = class RollingVariance {
    constructor(window){
        this.window = window;
        this.mean = 0;
        this.m2 = 0;
        this.total = 0;
        this.last = NaN;
        this.equalRun = 0; // how many of the latest values are equal to the last one
        this.buffer = new _ringbuffer.RingBuffer(window);
    }
    get full() {
        return this.buffer.full;
    }
    push(x) {
        this.equalRun = x === this.last ? this.equalRun + 1 : 1;
        this.last = x;
        const buf = this.buffer;
        if (!buf.full) {
            buf.push(x);
            const k = buf.size;
            const delta = x - this.mean;
            this.mean += delta / k;
            this.m2 += delta * (x - this.mean);
            this.total += x;
            return;
        }
        const old = buf.push(x);
        const oldMean = this.mean;
        this.mean = oldMean + (x - old) / this.window;
        this.m2 += (x - old) * (x - this.mean + old - oldMean);
        if (this.m2 < 0) this.m2 = 0; // rounding can push a zero variance just below 0
        if (this.equalRun >= this.window) {
            // A flat window: its variance is exactly 0 (not a rounding residue) and its mean is x.
            this.mean = x;
            this.m2 = 0;
        }
        this.total = this.total + x - old; // same order as sma (and TTR's runSum)
    }
    /** Plain running sum of the window (same arithmetic as sma). */ get sum() {
        return this.total;
    }
    /** Sum of squared deviations from the window mean. */ get sumSquaredDeviations() {
        return this.m2;
    }
    /** Sample variance (divisor window - 1) or population variance (divisor window). */ variance(sample) {
        return this.m2 / (sample ? this.window - 1 : this.window);
    }
    clear() {
        this.buffer.clear();
        this.mean = 0;
        this.m2 = 0;
        this.total = 0;
        this.last = NaN;
        this.equalRun = 0;
    }
};

//# sourceMappingURL=rolling-variance.js.map
