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
    get QUEUES () {
        return QUEUES;
    },
    get queueDepth () {
        return queueDepth;
    }
});
async function queueDepth(queue, owner) {
    const [counts, paused] = await Promise.all([
        queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'),
        queue.isPaused()
    ]);
    return {
        queue: queue.name,
        owner,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        paused
    };
}
const QUEUES = {
    maintenance: 'system-maintenance'
};

//# sourceMappingURL=queues.js.map
