// Jest reads `testTimeout` only from the root config when projects run together: set it per file here.
// Starting the built server with a fresh embedded PostgreSQL takes several seconds.
jest.setTimeout(120_000);
