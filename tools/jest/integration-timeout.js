// `testTimeout` is a global jest option; integration tests get their longer budget per project here.
jest.setTimeout(60_000);
