const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // A few server dependencies ship ESM only (Node 24 can require() them; jest's runtime cannot):
  // they are transformed; node configs add a `.js` transform for them (see apps/api/jest.*.cts).
  transformIgnorePatterns: ['/node_modules/(?!(@fastify/static/node_modules/)?content-disposition/)'],
};
