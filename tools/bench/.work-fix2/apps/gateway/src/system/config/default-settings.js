"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DEFAULT_SETTINGS", {
    enumerable: true,
    get: function() {
        return DEFAULT_SETTINGS;
    }
});
const DEFAULT_SETTINGS = {
    alerts: {
        latencyP95Ms: 250,
        errorRatePct: 5,
        minRequests: 20
    },
    rateLimit: {
        perMinute: 1200
    },
    retention: {
        logsDays: 7,
        metricsDays: 30,
        alertsDays: 90
    },
    transport: {
        timeoutMs: 800
    }
};

//# sourceMappingURL=default-settings.js.map
