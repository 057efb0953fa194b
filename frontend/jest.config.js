// @ts-check
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
});

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  // The preset transforms .mjs files and Angular locales; `thumbhash` ships plain ESM .js
  // ("type": "module"), so it is transformed to CommonJS too.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/.*\\.js$|thumbhash/))'],
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@gallery/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
    // Relative dynamic imports carry '.js' for the nodenext type-check; the file is '.ts'.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
