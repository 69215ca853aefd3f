// The options page's import worker (started by import-worker-client.ts): see import-worker-job.ts. It runs one job
// at a time and stays for the next import while the page keeps it (its heap already grown, its code compiled).
import { inbox, runImportJob } from './import-worker-job';

// The page's types (tsconfig has no webworker lib): the two members a dedicated worker's scope is used for.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(data: unknown): void;
};
let job: ReturnType<typeof inbox> | null = null;
scope.onmessage = (event: MessageEvent) => {
  if (job) {
    job.push(event.data);
    return;
  }
  const messages = inbox();
  job = messages;
  // The job's last answer is posted before it ends, and the page's next import is a later task: it finds no job.
  void runImportJob(event.data, { post: (answer) => scope.postMessage(answer), next: () => messages.next() }).finally(
    () => {
      job = null;
    },
  );
};
