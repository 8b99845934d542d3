"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CreateHaltEvents1764100000100", {
    enumerable: true,
    get: function() {
        return CreateHaltEvents1764100000100;
    }
});
let CreateHaltEvents1764100000100 = class CreateHaltEvents1764100000100 {
    async up(q) {
        await q.query(`CREATE TABLE halt_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      halted boolean NOT NULL,
      reason text,
      requested_by text,
      request_id text,
      cancelled_orders integer NOT NULL DEFAULT 0,
      cancelled_algorithms integer NOT NULL DEFAULT 0,
      received_at timestamptz NOT NULL DEFAULT now())`);
    }
    async down(q) {
        await q.query('DROP TABLE halt_events');
    }
    constructor(){
        this.name = 'CreateHaltEvents1764100000100';
    }
};

//# sourceMappingURL=1764100000100-create-halt-events.js.map
