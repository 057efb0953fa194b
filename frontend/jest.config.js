// @ts-check
const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({
    testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  }),
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@gallery/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
    // Relative dynamic imports carry '.js' for the nodenext type-check; the file is '.ts'.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
