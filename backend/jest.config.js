/** Integration suites talk to real SQLite, MariaDB, Redis and s3rver; see test/support. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Every @nestjs/* 12 package is ESM-only; let swc turn them into CommonJS for jest.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|uint8array-extras|@tokenizer|load-esm|thumbhash)/)',
  ],
  moduleNameMapper: {
    '^@gallery/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
  },
  testTimeout: 60000,
  // Some suites start whole apps and child processes (Redis clients, pino, timers); a handle one of
  // them leaves must not hold CI open after every test has passed or failed.
  forceExit: true,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
};
