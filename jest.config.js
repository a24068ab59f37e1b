/** Jest runs the TypeScript sources directly through swc (no type check: `npm test` runs tsc first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // lowdb and steno ship ESM only; Jest's loader needs them compiled to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testTimeout: 30000,
};
