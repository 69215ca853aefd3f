// A test that passes on its retry leaves no trace of why its first try failed, so flaky tests could not be mended:
// every failed try says what failed, in which browser, on stderr (the run's log), before the retry.
import { beforeEach } from 'vitest';

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => {
    const names: string[] = [task.name];
    for (let suite = task.suite; suite; suite = suite.suite) if (suite.name) names.unshift(suite.name);
    const errors = (task.result?.errors ?? []).map((error) => error.stack ?? error.message);
    console.error(`[e2e] try ${(task.result?.retryCount ?? 0) + 1} failed: ${names.join(' › ')}\n${errors.join('\n')}`);
  });
});
