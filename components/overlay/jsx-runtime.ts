// The content scripts' JSX runtime (wxt.config.ts resolves preact/jsx-runtime here for them): a view is plain
// objects, { type, props, key, ref }, which badge-dom.ts (badges) draws (dom-patch.ts draws them too; the queue panel
// it draws is deferred code now, built with Preact's runtime, whose VNodes it reads alike). Preact's
// own runtime imports Preact's module, which the build cannot shake apart: with it came all of Preact's renderer,
// about 4 KB gzip of each content script (issue #10). The deferred code and the extension's pages keep Preact's.
type Props = Record<string, unknown>;

export function Fragment(props: { children?: unknown }): unknown {
  return props.children;
}

export function jsx(type: unknown, props: Props, key?: unknown) {
  let ref: unknown;
  if ('ref' in props) {
    ({ ref, ...props } = props);
  }
  return { type, props, key, ref };
}

export { jsx as jsxs, jsx as jsxDEV };
