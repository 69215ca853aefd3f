// The sites open a reply box a frame or a network round trip after their own Reply control is clicked: the reply-box
// modules of X, Facebook and Instagram (the overlay's deferred code) look for it until it is there.

/** How long a site may take to open its reply box. */
const TIMEOUT_MS = 3000;
const POLL_MS = 50;

/** Calls `find` every 50 ms until it gives something, or 3 s have passed (then null). */
export async function waitFor<T>(find: () => T | null | undefined): Promise<T | null> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
