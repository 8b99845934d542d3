/**
 * Price alert rules, evaluated tick by tick. Pure: the caller passes each price with its time;
 * no clocks, timers or I/O. Rules are plain data; a {@link PriceAlert} holds the little state a
 * rule needs (previous price, a time-windowed min/max, the last firing time).
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
    get PriceAlert () {
        return PriceAlert;
    },
    get evaluateAlerts () {
        return evaluateAlerts;
    }
});
const _windowedextremes = require("./windowed-extremes");
/** Tolerance (in percentage points) so that an exact move such as 100 → 105 meets a 5 % rule. */ const PERCENT_EPSILON = 1e-9;
function validateRule(rule) {
    const c = rule.condition;
    switch(c.kind){
        case 'above':
        case 'below':
        case 'cross':
            if (!Number.isFinite(c.level)) throw new RangeError(`alert ${rule.id}: level must be finite`);
            break;
        case 'percentMove':
            if (!(c.percent > 0) || !Number.isFinite(c.percent)) throw new RangeError(`alert ${rule.id}: percent must be > 0`);
            if (!(c.windowMs > 0) || !Number.isFinite(c.windowMs)) throw new RangeError(`alert ${rule.id}: windowMs must be > 0`);
            break;
        default:
            throw new RangeError(`alert ${rule.id}: unknown condition ${c.kind}`);
    }
    const t = rule.trigger;
    if (t && t.mode === 'repeat' && (!(t.cooldownMs >= 0) || !Number.isFinite(t.cooldownMs))) {
        throw new RangeError(`alert ${rule.id}: cooldownMs must be >= 0`);
    }
    if (t && t.mode !== 'once' && t.mode !== 'repeat') throw new RangeError(`alert ${rule.id}: unknown trigger mode`);
}
let PriceAlert = class PriceAlert {
    constructor(rule){
        this.lastTimeMs = -Infinity;
        this.spent = false;
        validateRule(rule);
        this.rule = rule;
        this.trigger = rule.trigger ?? {
            mode: 'once'
        };
        this.window = rule.condition.kind === 'percentMove' ? new _windowedextremes.WindowedExtremes(rule.condition.windowMs) : null;
    }
    /** False once a fire-once alert has fired. */ get active() {
        return !this.spent;
    }
    /** Time of the last firing, if any. */ get lastFiredMs() {
        return this.lastFired;
    }
    /** Re-arms the alert and forgets all price history. */ reset() {
        this.previousPrice = undefined;
        this.lastTimeMs = -Infinity;
        this.lastFired = undefined;
        this.spent = false;
        this.window?.clear();
    }
    /** Evaluates a tick; ticks of another symbol (when the rule has one) don't fire and don't change state. */ evaluateTick(tick) {
        if (this.rule.symbol !== undefined && tick.symbol !== this.rule.symbol) {
            return {
                ruleId: this.rule.id,
                fired: false,
                conditionMet: false,
                epochMs: tick.epochMs,
                price: tick.quote
            };
        }
        return this.evaluate(tick.quote, tick.epochMs);
    }
    /**
   * Feeds one price and reports whether the alert fires. Prices older than the previous one are
   * ignored; a spent fire-once alert never fires again.
   */ evaluate(price, epochMs) {
        if (!Number.isFinite(price)) throw new RangeError(`price must be finite, got ${price}`);
        if (!Number.isFinite(epochMs)) throw new RangeError(`epochMs must be finite, got ${epochMs}`);
        const id = this.rule.id;
        if (this.spent || epochMs < this.lastTimeMs) {
            return {
                ruleId: id,
                fired: false,
                conditionMet: false,
                epochMs,
                price
            };
        }
        const result = this.check(price, epochMs);
        this.previousPrice = price;
        this.lastTimeMs = epochMs;
        let fired = false;
        if (result.met) {
            const cooling = this.trigger.mode === 'repeat' && this.lastFired !== undefined && epochMs - this.lastFired < this.trigger.cooldownMs;
            if (!cooling) {
                fired = true;
                this.lastFired = epochMs;
                if (this.trigger.mode === 'once') this.spent = true;
                if (this.window) {
                    // The move is consumed: measure the next one from here.
                    this.window.clear();
                    this.window.push(epochMs, price);
                }
            }
        }
        const evaluation = {
            ruleId: id,
            fired,
            conditionMet: result.met,
            epochMs,
            price
        };
        if (result.direction === undefined) return evaluation;
        return {
            ...evaluation,
            direction: result.direction,
            referencePrice: result.referencePrice,
            changePercent: result.changePercent
        };
    }
    check(price, epochMs) {
        const c = this.rule.condition;
        switch(c.kind){
            case 'above':
                return {
                    met: price > c.level
                };
            case 'below':
                return {
                    met: price < c.level
                };
            case 'cross':
                {
                    const prev = this.previousPrice;
                    if (prev === undefined) return {
                        met: false
                    };
                    const direction = c.direction ?? 'either';
                    if (direction !== 'down' && prev < c.level && price >= c.level) return {
                        met: true,
                        direction: 'up'
                    };
                    if (direction !== 'up' && prev > c.level && price <= c.level) return {
                        met: true,
                        direction: 'down'
                    };
                    return {
                        met: false
                    };
                }
            case 'percentMove':
                {
                    const window = this.window;
                    window.push(epochMs, price);
                    const direction = c.direction ?? 'either';
                    const low = window.min;
                    const high = window.max;
                    const up = low > 0 ? (price - low) / low * 100 : NaN;
                    const down = high > 0 ? (price - high) / high * 100 : NaN;
                    const upMet = direction !== 'down' && up >= c.percent - PERCENT_EPSILON;
                    const downMet = direction !== 'up' && -down >= c.percent - PERCENT_EPSILON;
                    if (upMet && (!downMet || up >= -down)) return {
                        met: true,
                        direction: 'up',
                        referencePrice: low,
                        changePercent: up
                    };
                    if (downMet) return {
                        met: true,
                        direction: 'down',
                        referencePrice: high,
                        changePercent: down
                    };
                    return {
                        met: false
                    };
                }
        }
    }
};
function evaluateAlerts(alerts, tick) {
    const fired = [];
    for (const alert of alerts){
        const evaluation = alert.evaluateTick(tick);
        if (evaluation.fired) fired.push(evaluation);
    }
    return fired;
}

//# sourceMappingURL=price-alerts.js.map
