// @ts-check
// One flat config for every workspace. Type-aware rules run only where a tsconfig already
// describes the files (backend, contracts); everything else gets the syntactic rule set.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.angular/**',
      '**/coverage/**',
      'data/**',
      'e2e/test-results/**',
      'e2e/screenshots/**',
      'bench/results/**',
    ],
  },

  // Plain JavaScript: config files (jest.config.js, this file) and scripts.
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // All TypeScript, frontend included: syntactic rules only.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['backend/**/*.ts', 'libs/contracts/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['frontend/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },

  // Type-aware rules where a tsconfig covers the files. A promise nobody awaits in the api is a lost
  // error (or an unhandled rejection that kills the process), so these three are worth the cost.
  {
    files: ['backend/src/**/*.ts', 'backend/test/**/*.ts', 'libs/contracts/src/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // Nest's DI reads constructor parameter types from decorator metadata, so an import used
        // only as a type in a decorated class must stay a value import. With these two flags
        // consistent-type-imports leaves files that contain decorators alone.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
