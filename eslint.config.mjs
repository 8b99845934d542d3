// One lint config for the whole monorepo. Besides typescript-eslint's recommended rules it
// enforces the module boundaries of docs/architecture.md: domain libs stay pure (no Nest, ORM,
// clients or I/O libs), the web app never imports server-only code, and no app imports another.
import tseslint from 'typescript-eslint';

const SERVER_ONLY = ['@nestjs/*', 'typeorm', 'pg', 'ioredis', 'bullmq', 'express', 'ws', 'pino', 'prom-client', 'helmet', 'opossum', '@electric-sql/*', 'neo4j-driver', '@pinecone-database/*'];
const INFRA_LIBS = ['@meridian/persistence', '@meridian/messaging', '@meridian/observability', '@meridian/resilience', '@meridian/service-kit', '@meridian/contracts/dto'];
const APPS = ['gateway', 'intelligence', 'execution', 'simulation', 'web', 'e2e'];

const noImports = (names, patterns, message) => ({
  'no-restricted-imports': ['error', {
    paths: [...new Set(names.filter((n) => !n.includes('*')))].map((name) => ({ name, message })),
    patterns: [{ group: [...names.filter((n) => n.includes('*')), ...patterns], message }],
  }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', '.data/**', '**/*.js', '**/*.cjs', '**/*.mjs', 'apps/web/vite.config.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['libs/{indicators,risk,market-data,trading,strategy,backtest,montecarlo}/**/*.ts'],
    rules: noImports([...SERVER_ONLY, ...INFRA_LIBS], ['**/apps/**', 'node:fs', 'node:net', 'node:http'], 'Domain libs are pure: no framework, client, or I/O imports (docs/architecture.md).'),
  },
  {
    files: ['libs/contracts/src/*.ts'],
    rules: noImports([...SERVER_ONLY, 'class-validator', 'class-transformer', ...INFRA_LIBS], ['**/apps/**', './dto', './dto/*'], 'The root of @meridian/contracts is browser-safe: types and constants only; decorated DTOs live in ./dto.'),
  },
  {
    files: ['libs/{persistence,messaging,observability,resilience,service-kit}/**/*.ts'],
    rules: noImports([], ['**/apps/**', '../../apps/*'], 'Libraries never import applications.'),
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: noImports([...SERVER_ONLY, 'class-validator', ...INFRA_LIBS], APPS.filter((a) => a !== 'web').map((a) => `**/${a}/src/**`), 'The web app talks to the gateway over HTTP and imports only browser-safe contracts.'),
  },
  ...['gateway', 'intelligence', 'execution', 'simulation'].map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: noImports([], APPS.filter((a) => a !== app).map((a) => `**/${a}/src/**`), 'An application never imports another one; share code through libs/.'),
  })),
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts', 'apps/e2e/**/*.ts', 'tools/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-restricted-imports': 'off' },
  },
);
