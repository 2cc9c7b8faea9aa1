// Jest reads `testTimeout` only from the root config when projects run together: set it per file here.
// Integration tests create a database and boot the whole app in their hooks.
jest.setTimeout(30_000);
