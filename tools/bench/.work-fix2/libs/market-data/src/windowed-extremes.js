/**
 * Minimum and maximum of the values seen over a sliding time window, with monotonic deques:
 * amortised O(1) per push. The window at time t holds the points with time ≥ t − windowMs.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "WindowedExtremes", {
    enumerable: true,
    get: function() {
        return WindowedExtremes;
    }
});
let WindowedExtremes = class WindowedExtremes {
    constructor(windowMs){
        this.windowMs = windowMs;
        this.minTimes = [];
        this.minValues = [];
        this.maxTimes = [];
        this.maxValues = [];
        this.minHead = 0;
        this.maxHead = 0;
        this.lastTime = -Infinity;
        if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new RangeError(`windowMs must be > 0, got ${windowMs}`);
    }
    /** Adds a point (times must not decrease) and evicts points older than epochMs − windowMs. */ push(epochMs, value) {
        if (epochMs < this.lastTime) throw new RangeError(`time went backwards: ${epochMs} < ${this.lastTime}`);
        this.lastTime = epochMs;
        // A new value makes every older, not smaller (resp. not larger) value irrelevant.
        while(this.minValues.length > this.minHead && this.minValues[this.minValues.length - 1] >= value){
            this.minValues.pop();
            this.minTimes.pop();
        }
        this.minValues.push(value);
        this.minTimes.push(epochMs);
        while(this.maxValues.length > this.maxHead && this.maxValues[this.maxValues.length - 1] <= value){
            this.maxValues.pop();
            this.maxTimes.pop();
        }
        this.maxValues.push(value);
        this.maxTimes.push(epochMs);
        this.evict(epochMs);
    }
    /** Evicts points older than nowMs − windowMs without adding one. */ evict(nowMs) {
        const cutoff = nowMs - this.windowMs;
        while(this.minHead < this.minTimes.length && this.minTimes[this.minHead] < cutoff)this.minHead++;
        while(this.maxHead < this.maxTimes.length && this.maxTimes[this.maxHead] < cutoff)this.maxHead++;
        if (this.minHead > 64 && this.minHead * 2 > this.minTimes.length) {
            this.minTimes.splice(0, this.minHead);
            this.minValues.splice(0, this.minHead);
            this.minHead = 0;
        }
        if (this.maxHead > 64 && this.maxHead * 2 > this.maxTimes.length) {
            this.maxTimes.splice(0, this.maxHead);
            this.maxValues.splice(0, this.maxHead);
            this.maxHead = 0;
        }
    }
    get isEmpty() {
        return this.minHead >= this.minValues.length;
    }
    /** Smallest value in the window (NaN when empty). */ get min() {
        return this.isEmpty ? NaN : this.minValues[this.minHead];
    }
    /** Largest value in the window (NaN when empty). */ get max() {
        return this.maxHead >= this.maxValues.length ? NaN : this.maxValues[this.maxHead];
    }
    clear() {
        this.minTimes.length = 0;
        this.minValues.length = 0;
        this.maxTimes.length = 0;
        this.maxValues.length = 0;
        this.minHead = 0;
        this.maxHead = 0;
    }
};

//# sourceMappingURL=windowed-extremes.js.map
