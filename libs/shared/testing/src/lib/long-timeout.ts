// Integration and end-to-end tests talk to real services; give each test a minute.
jest.setTimeout(60_000);
