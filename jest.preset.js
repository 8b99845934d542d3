// Shared Jest settings for every project. SWC compiles TypeScript (with decorator metadata for Nest)
// and also the ESM-only packages of Nest 12, because Jest's own module loader cannot require(esm).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

const esmPackages = ['@nestjs', 'load-esm', 'file-type', 'uid', 'token-types', 'strtok3', '@tokenizer', 'uint8array-extras'];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', swc] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
};
