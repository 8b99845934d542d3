// Docker HEALTHCHECK for the Meridian images: GET http://127.0.0.1:$PORT<path>, exit 0 on a 2xx.
// The runtime image (node:20-bookworm-slim) has neither curl nor wget, and Node 20 has fetch built in.
// Usage: node healthcheck.cjs /api/health/ready
'use strict';

const path = process.argv[2] || '/health/ready';
const port = process.env.PORT || '3000';

fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
