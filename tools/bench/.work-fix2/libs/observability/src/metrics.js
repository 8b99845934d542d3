"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ProcessMetrics", {
    enumerable: true,
    get: function() {
        return ProcessMetrics;
    }
});
const _promclient = require("prom-client");
let ProcessMetrics = class ProcessMetrics {
    constructor(service, windowSec = 300){
        this.windowSec = windowSec;
        this.registry = new _promclient.Registry();
        this.registry.setDefaultLabels({
            service
        });
        (0, _promclient.collectDefaultMetrics)({
            register: this.registry,
            eventLoopMonitoringPrecision: 10
        });
        this.httpDuration = new _promclient.Histogram({
            name: 'http_request_duration_seconds',
            help: 'HTTP request latency by route',
            labelNames: [
                'method',
                'route',
                'status'
            ],
            buckets: [
                0.001,
                0.0025,
                0.005,
                0.01,
                0.025,
                0.05,
                0.1,
                0.25,
                0.5,
                1,
                2.5,
                5
            ],
            registers: [
                this.registry
            ]
        });
        this.httpWindow = new _promclient.Summary({
            name: 'http_request_duration_window_seconds',
            help: 'HTTP request latency quantiles over a sliding window',
            labelNames: [
                'method',
                'route'
            ],
            percentiles: [
                0.5,
                0.95,
                0.99
            ],
            maxAgeSeconds: windowSec,
            ageBuckets: 5,
            registers: [
                this.registry
            ]
        });
        this.httpWindowAll = new _promclient.Summary({
            name: 'http_request_duration_window_all_seconds',
            help: 'HTTP request latency quantiles over a sliding window, all routes',
            percentiles: [
                0.5,
                0.95,
                0.99
            ],
            maxAgeSeconds: windowSec,
            ageBuckets: 5,
            registers: [
                this.registry
            ]
        });
        this.httpErrors = new _promclient.Counter({
            name: 'http_request_errors_total',
            help: 'HTTP responses with status 5xx',
            labelNames: [
                'method',
                'route'
            ],
            registers: [
                this.registry
            ]
        });
        this.rpcDuration = new _promclient.Histogram({
            name: 'rpc_handler_duration_seconds',
            help: 'Redis transport handler latency by pattern',
            labelNames: [
                'pattern',
                'outcome'
            ],
            buckets: [
                0.0005,
                0.001,
                0.0025,
                0.005,
                0.01,
                0.025,
                0.05,
                0.1,
                0.25,
                0.5,
                1
            ],
            registers: [
                this.registry
            ]
        });
    }
    observeHttp(method, route, status, seconds) {
        this.httpDuration.observe({
            method,
            route,
            status: String(status)
        }, seconds);
        this.httpWindow.observe({
            method,
            route
        }, seconds);
        this.httpWindowAll.observe(seconds);
        if (status >= 500) this.httpErrors.inc({
            method,
            route
        });
    }
    async eventLoopLagMs() {
        const metric = await this.registry.getSingleMetric('nodejs_eventloop_lag_p99_seconds')?.get();
        return (metric?.values[0]?.value ?? 0) * 1000;
    }
};

//# sourceMappingURL=metrics.js.map
