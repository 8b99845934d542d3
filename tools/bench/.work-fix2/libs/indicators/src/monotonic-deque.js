/**
 * Maximum (or minimum) of the last `window` values pushed, amortised O(1) per push: a monotonic
 * deque of (value, sequence number) pairs kept in two fixed Float64Array rings of size `window`.
 * Each value enters and leaves the deque at most once.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RollingExtremum", {
    enumerable: true,
    get: function() {
        return RollingExtremum;
    }
});
let RollingExtremum = class RollingExtremum {
    constructor(window, kind){
        this.window = window;
        this.kind = kind;
        this.head = 0; // ring index of the front (the current extremum)
        this.count = 0;
        this.seq = 0; // sequence number of the next push
        if (!Number.isInteger(window) || window < 1) {
            throw new RangeError(`window must be an integer >= 1, got ${window}`);
        }
        this.values = new Float64Array(window);
        this.seqs = new Float64Array(window);
        this.isMax = kind === 'max';
    }
    /** Number of values pushed so far (saturates nowhere: it is a count). */ get pushed() {
        return this.seq;
    }
    /** True once `window` values have been pushed. */ get full() {
        return this.seq >= this.window;
    }
    /** Pushes `value` and returns the extremum of the last min(window, pushed) values. */ push(value) {
        const cap = this.window;
        const seq = this.seq++;
        // Drop the front if it has left the window.
        if (this.count > 0 && this.seqs[this.head] <= seq - cap) {
            this.head = this.head + 1 === cap ? 0 : this.head + 1;
            this.count--;
        }
        // Drop from the back every value the new one dominates.
        while(this.count > 0){
            let back = this.head + this.count - 1;
            if (back >= cap) back -= cap;
            const v = this.values[back];
            if (this.isMax ? v <= value : v >= value) this.count--;
            else break;
        }
        let tail = this.head + this.count;
        if (tail >= cap) tail -= cap;
        this.values[tail] = value;
        this.seqs[tail] = seq;
        this.count++;
        return this.values[this.head];
    }
    /** Current extremum (NaN before the first push). */ current() {
        return this.count === 0 ? NaN : this.values[this.head];
    }
    clear() {
        this.head = 0;
        this.count = 0;
        this.seq = 0;
    }
};

//# sourceMappingURL=monotonic-deque.js.map
