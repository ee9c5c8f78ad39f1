// jest: `electron` is mapped to the stand-in for every test file.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/jest'],
  testMatch: ['**/*.jest.cjs'],
  moduleNameMapper: { '^electron$': 'session-conformance/electron' },
};
