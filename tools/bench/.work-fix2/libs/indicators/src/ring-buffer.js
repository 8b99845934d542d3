/**
 * Fixed-capacity FIFO of numbers on a Float64Array: push() is O(1) and returns the value that
 * fell out of the window (NaN while the buffer is still filling).
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RingBuffer", {
    enumerable: true,
    get: function() {
        return RingBuffer;
    }
});
let RingBuffer = class RingBuffer {
    constructor(capacity){
        this.capacity = capacity;
        this.head = 0; // index of the oldest value
        this.count = 0;
        if (!Number.isInteger(capacity) || capacity < 1) {
            throw new RangeError(`RingBuffer capacity must be an integer >= 1, got ${capacity}`);
        }
        this.data = new Float64Array(capacity);
    }
    get size() {
        return this.count;
    }
    get full() {
        return this.count === this.capacity;
    }
    /** Appends `value`; when full, evicts and returns the oldest value, else returns NaN. */ push(value) {
        const cap = this.capacity;
        if (this.count < cap) {
            let tail = this.head + this.count;
            if (tail >= cap) tail -= cap;
            this.data[tail] = value;
            this.count++;
            return NaN;
        }
        const evicted = this.data[this.head];
        this.data[this.head] = value;
        this.head = this.head + 1 === cap ? 0 : this.head + 1;
        return evicted;
    }
    /** The i-th value, 0 = oldest. */ get(i) {
        if (i < 0 || i >= this.count) throw new RangeError(`index ${i} out of [0, ${this.count})`);
        let k = this.head + i;
        if (k >= this.capacity) k -= this.capacity;
        return this.data[k];
    }
    /** The oldest value (NaN when empty). */ oldest() {
        return this.count === 0 ? NaN : this.data[this.head];
    }
    clear() {
        this.head = 0;
        this.count = 0;
    }
};

//# sourceMappingURL=ring-buffer.js.map
