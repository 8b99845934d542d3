/** Cumulative request and error counts per route at one moment. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RouteRates", {
    enumerable: true,
    get: function() {
        return RouteRates;
    }
});
let RouteRates = class RouteRates {
    constructor(windowMs = 60_000){
        this.windowMs = windowMs;
        this.snapshots = [];
    }
    push(snapshot) {
        this.snapshots.push(snapshot);
        while(this.snapshots.length > 2 && snapshot.at - this.snapshots[1].at >= this.windowMs)this.snapshots.shift();
    }
    rates() {
        const perRoute = new Map();
        const newest = this.snapshots[this.snapshots.length - 1];
        const oldest = this.snapshots[0];
        if (!newest || !oldest || newest === oldest) return {
            windowSec: 0,
            total: {
                rate: 0,
                errorPct: 0,
                count: 0
            },
            perRoute
        };
        const dt = (newest.at - oldest.at) / 1000;
        let count = 0;
        let errors = 0;
        for (const [route, now] of newest.perRoute){
            const before = oldest.perRoute.get(route) ?? {
                count: 0,
                errors: 0
            };
            const c = now.count - before.count;
            const e = now.errors - before.errors;
            count += c;
            errors += e;
            perRoute.set(route, {
                rate: c / dt,
                errorPct: c ? 100 * e / c : 0,
                count: c
            });
        }
        return {
            windowSec: Math.round(dt),
            total: {
                rate: count / dt,
                errorPct: count ? 100 * errors / count : 0,
                count
            },
            perRoute
        };
    }
};

//# sourceMappingURL=route-rates.js.map
