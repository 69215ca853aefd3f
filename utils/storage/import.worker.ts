// The options page's import worker (started by import-worker-client.ts, one per import): see import-worker-job.ts.
import { inbox, runImportJob } from './import-worker-job';

// The page's types (tsconfig has no webworker lib): the two members a dedicated worker's scope is used for.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(data: unknown): void;
};
const messages = inbox();
let started = false;
scope.onmessage = (event: MessageEvent) => {
  if (started) {
    messages.push(event.data);
    return;
  }
  started = true;
  void runImportJob(event.data, { post: (answer) => scope.postMessage(answer), next: () => messages.next() });
};
