// A browser test that fails is run once more, and its first failure is printed: a real browser on
// a loaded 2-core machine occasionally misses a timing, and CI must not lose a landing to that.
// A test that fails twice fails; the log shows every retried failure, so flakiness stays visible.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
