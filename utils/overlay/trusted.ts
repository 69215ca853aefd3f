// The page shares our DOM: its script can dispatch keydown and click events on our shadow roots and on window.
// Only events the browser made for a person (isTrusted) may act; a browser sets that flag itself and page script
// cannot set or fake it. Every overlay handler that does something goes through `trusted`.

/** Whether a person made this event (not page script). */
export function isTrustedEvent(event: Event | null | undefined): boolean {
  return event?.isTrusted === true;
}

/** Wraps a handler so it runs only for events a person made; forged ones are ignored without a trace. */
export function trusted<E extends Event, R>(handler: (event: E) => R): (event: E) => R | undefined {
  return (event: E) => (isTrustedEvent(event) ? handler(event) : undefined);
}
