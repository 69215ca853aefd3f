// The overlay's CSS as the content script uses it: handed over by the background once at startup ('ui.styles'), so
// the stylesheets (components/overlay/styles.ts) stay out of each content script's bundle. Until then they are
// empty; run-overlay starts no page before they are in. Live bindings: importers read the current text at each use.
export let BADGE_CSS = '';
export let PANEL_CSS = '';
export let LAYER_CSS = '';
/** The outlines on the site's comments (the only sheet outside our shadow roots). */
export let OUTLINE_CSS = '';

export function setOverlayCss(css: { badge: string; panel: string; layer: string; outline: string }): void {
  BADGE_CSS = css.badge;
  PANEL_CSS = css.panel;
  LAYER_CSS = css.layer;
  OUTLINE_CSS = css.outline;
}
