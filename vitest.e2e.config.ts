// End-to-end tests: real Chromium with the built extension (see tests/e2e/harness.ts). One file at a time: each
// launches a browser and this machine has two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One retry: under load, Firefox's WebDriver BiDi now and then fails an evaluation, and twice a Done click on the
    // Facebook fixture in Firefox did not take (README, How we test). A test failing twice still fails the run.
    retry: 1,
  },
});
