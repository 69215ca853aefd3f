// CSS for the overlay's shadow roots. The lead puts BADGE_CSS / PANEL_CSS in a <style> inside each shadow root.
//
// Isolation: `:host { all: initial }` keeps the site's inherited styles out; every rule below is scoped to the
// shadow root, so none of ours gets out.
// Theme: `data-theme="light" | "dark"` on the shadow host (the lead reads the site's background through the
// adapter's `theme(doc)`). A component's `theme` prop puts the same attribute on its root, which then wins.
// Size: everything scales from `--rr-font-size` (default 14px); the lead may set it on the host to the site's size.

export type Theme = 'light' | 'dark';
export type Level = 'ok' | 'warn' | 'breach';

export interface ThemeTokens {
  /** Surface of the panel, popups and buttons. */
  bg: string;
  fg: string;
  /** Secondary text; also read on the site's own page background (badges have no surface of their own). */
  muted: string;
  border: string;
  /** Hovered / current row. */
  hover: string;
  /** Primary buttons and links. */
  accent: string;
  accentFg: string;
  focus: string;
  okFg: string;
  okBg: string;
  warnFg: string;
  warnBg: string;
  breachFg: string;
  breachBg: string;
  /** Red for icons and borders drawn straight on a surface or the page (the failure icon, "could not read"). */
  breachMark: string;
  shadow: string;
}

// Contrast of every fg/bg pair is checked in tests/unit/components/styles.test.ts (WCAG AA, 4.5:1).
export const THEME_TOKENS: Record<Theme, ThemeTokens> = {
  light: {
    bg: '#ffffff',
    fg: '#0f1419',
    muted: '#536471',
    border: '#cfd9de',
    hover: '#f2f4f5',
    accent: '#0b57d0',
    accentFg: '#ffffff',
    focus: '#0b57d0',
    okFg: '#116329',
    okBg: '#dcf5e3',
    warnFg: '#7a4b00',
    warnBg: '#fff1cc',
    breachFg: '#ffffff',
    breachBg: '#b42318',
    breachMark: '#b42318',
    shadow: '0 4px 16px rgba(15, 20, 25, 0.18)',
  },
  dark: {
    bg: '#16181c',
    fg: '#e7e9ea',
    muted: '#8b98a5',
    border: '#38444d',
    hover: '#22272e',
    accent: '#8ab4f8',
    accentFg: '#16181c',
    focus: '#8ab4f8',
    okFg: '#7ee2a8',
    okBg: '#0d2d1a',
    warnFg: '#ffcf66',
    warnBg: '#3a2800',
    breachFg: '#ffffff',
    breachBg: '#c62828',
    breachMark: '#ff7b72',
    shadow: '0 4px 16px rgba(0, 0, 0, 0.6)',
  },
};

/** The page backgrounds the badge's muted text must be readable on (X light, dim, lights-out; Facebook dark). */
export const SITE_BACKGROUNDS: Record<Theme, string[]> = {
  light: ['#ffffff', '#f0f2f5'],
  dark: ['#000000', '#15202b', '#18191a', '#242526'],
};

const vars = (t: ThemeTokens): string =>
  [
    `--rr-bg: ${t.bg};`,
    `--rr-fg: ${t.fg};`,
    `--rr-muted: ${t.muted};`,
    `--rr-border: ${t.border};`,
    `--rr-hover: ${t.hover};`,
    `--rr-accent: ${t.accent};`,
    `--rr-accent-fg: ${t.accentFg};`,
    `--rr-focus: ${t.focus};`,
    `--rr-ok-fg: ${t.okFg};`,
    `--rr-ok-bg: ${t.okBg};`,
    `--rr-warn-fg: ${t.warnFg};`,
    `--rr-warn-bg: ${t.warnBg};`,
    `--rr-breach-fg: ${t.breachFg};`,
    `--rr-breach-bg: ${t.breachBg};`,
    `--rr-breach-mark: ${t.breachMark};`,
    `--rr-shadow: ${t.shadow};`,
  ].join('\n  ');

/** Isolation, font and the light/dark custom properties. */
export const TOKENS_CSS = `
:host {
  all: initial;
  display: block;
  --rr-font-size: 14px;
}
:host, [data-theme='light'] {
  ${vars(THEME_TOKENS.light)}
}
:host([data-theme='dark']), [data-theme='dark'] {
  ${vars(THEME_TOKENS.dark)}
}
.rr-root {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  font-size: var(--rr-font-size);
  line-height: 1.35;
  color: var(--rr-fg);
  text-align: start;
  box-sizing: border-box;
}
.rr-root *, .rr-root *::before, .rr-root *::after { box-sizing: inherit; }
/* Bengali and Khmer (the host carries lang): fonts with their glyphs first; Khmer gets room for its stacked
   consonants and breaks lines by dictionary in the narrow panel, or anywhere rather than overflow. */
.rr-root:lang(bn) {
  font-family: 'Noto Sans Bengali', 'Nirmala UI', Vrinda, 'Shonar Bangla', 'Bangla Sangam MN', 'Kohinoor Bangla', system-ui, sans-serif;
}
.rr-root:lang(km) {
  font-family: 'Noto Sans Khmer', 'Khmer UI', 'Leelawadee UI', 'Khmer Sangam MN', 'Khmer MN', system-ui, sans-serif;
  line-height: 1.6;
  overflow-wrap: anywhere;
}
`;

/** Shared pieces: screen-reader text, buttons, focus rings, level pills, reduced motion. */
export const BASE_CSS = `
.rr-sr {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%);
  white-space: nowrap;
}
.rr-icon { width: 1em; height: 1em; flex: none; vertical-align: -0.125em; }
.rr-btn {
  font: inherit;
  font-size: calc(var(--rr-font-size) * 0.93);
  font-weight: 600;
  line-height: 1.2;
  display: inline-flex; align-items: center; gap: 0.3em;
  margin: 0;
  padding: 0.3em 0.8em;
  min-height: 2em;
  border-radius: 999px;
  border: 1px solid var(--rr-border);
  background: var(--rr-bg);
  color: var(--rr-fg);
  cursor: pointer;
}
.rr-btn:hover { background: var(--rr-hover); }
.rr-btn-primary { background: var(--rr-accent); border-color: var(--rr-accent); color: var(--rr-accent-fg); }
.rr-btn-primary:hover { background: var(--rr-accent); filter: brightness(1.08); }
.rr-btn-quiet { font-weight: 500; color: var(--rr-muted); }
.rr-btn-icon { padding: 0.3em; min-width: 2em; justify-content: center; }
.rr-root :focus { outline: none; }
.rr-root :focus-visible { outline: 2px solid var(--rr-focus); outline-offset: 2px; }
.rr-age {
  display: inline-flex; align-items: center; gap: 0.3em;
  padding: 0.15em 0.6em;
  border-radius: 999px;
  border: 1px solid currentColor;
  font-size: calc(var(--rr-font-size) * 0.86);
  font-weight: 600;
  white-space: nowrap;
  font-variant-numeric: tabular-nums;
}
.rr-age[data-level='ok'] { color: var(--rr-ok-fg); background: var(--rr-ok-bg); }
.rr-age[data-level='warn'] { color: var(--rr-warn-fg); background: var(--rr-warn-bg); }
.rr-age[data-level='breach'] { color: var(--rr-breach-fg); background: var(--rr-breach-bg); border-color: var(--rr-breach-bg); }
.rr-chip {
  display: inline-block;
  padding: 0.05em 0.5em;
  border-radius: 4px;
  border: 1px solid var(--rr-border);
  color: var(--rr-muted);
  font-size: calc(var(--rr-font-size) * 0.79);
  white-space: nowrap;
}
@media (prefers-reduced-motion: no-preference) {
  .rr-btn, .rr-item-main, .rr-option { transition: background-color 120ms ease-out; }
}
@media (forced-colors: active) {
  .rr-age, .rr-btn, .rr-chip { border: 1px solid CanvasText; }
  .rr-root :focus-visible { outline-color: Highlight; }
}
`;

export const PICKER_CSS = `
.rr-picker {
  display: flex;
  flex-direction: column;
  width: min(26em, calc(100vw - 16px));
  max-height: var(--rr-max-height, none);
  overflow: auto;
  padding: 0.5em;
  background: var(--rr-bg);
  color: var(--rr-fg);
  border: 1px solid var(--rr-border);
  border-radius: 10px;
  box-shadow: var(--rr-shadow);
}
.rr-picker-top { display: flex; gap: 0.4em; align-items: center; }
.rr-picker-search {
  flex: 1;
  font: inherit;
  color: var(--rr-fg);
  background: var(--rr-bg);
  border: 1px solid var(--rr-border);
  border-radius: 6px;
  padding: 0.4em 0.6em;
  min-width: 0;
}
.rr-picker-search::placeholder { color: var(--rr-muted); opacity: 1; }
.rr-picker-list { margin: 0.4em 0 0; padding: 0; max-height: min(22em, 50vh); min-height: 3em; overflow-y: auto; flex: 0 1 auto; }
.rr-picker-heading {
  margin: 0.5em 0.4em 0.2em;
  font-size: calc(var(--rr-font-size) * 0.79);
  font-weight: 700;
  text-transform: uppercase;
  letter-spacing: 0.04em;
  color: var(--rr-muted);
}
.rr-option {
  display: grid;
  grid-template-columns: 1.4em 1fr auto;
  column-gap: 0.4em;
  padding: 0.4em;
  border-radius: 6px;
  cursor: pointer;
}
.rr-option:hover { background: var(--rr-hover); }
.rr-option[aria-selected='true'] { background: var(--rr-hover); box-shadow: inset 3px 0 0 var(--rr-accent); }
.rr-option-num { color: var(--rr-muted); font-variant-numeric: tabular-nums; font-weight: 600; }
.rr-option-reply { color: var(--rr-accent); border-color: var(--rr-accent); }
.rr-option-title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rr-option-meta { display: flex; gap: 0.3em; }
.rr-option-preview {
  grid-column: 2 / 4;
  color: var(--rr-muted);
  font-size: calc(var(--rr-font-size) * 0.86);
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
.rr-picker-empty { margin: 0.6em 0.4em; color: var(--rr-muted); }
.rr-picker-hint { margin: 0.4em 0.4em 0; color: var(--rr-muted); font-size: calc(var(--rr-font-size) * 0.79); }
`;

const BADGE_ONLY_CSS = `
.rr-badge { display: block; margin: 0.3em 0; }
.rr-badge-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em; }
.rr-current {
  display: inline-flex; align-items: center; gap: 0.25em;
  padding: 0.1em 0.5em;
  border-radius: 4px;
  background: var(--rr-accent);
  color: var(--rr-accent-fg);
  font-size: calc(var(--rr-font-size) * 0.79);
  font-weight: 700;
}
.rr-badge[data-current='true'] .rr-age { outline: 2px solid var(--rr-accent); outline-offset: 1px; }
.rr-quiet { display: inline-flex; align-items: center; gap: 0.25em; color: var(--rr-muted); font-size: calc(var(--rr-font-size) * 0.86); }
.rr-status { margin: 0; font-size: calc(var(--rr-font-size) * 0.86); color: var(--rr-muted); }
.rr-status:not(:empty) { margin-top: 0.3em; }
.rr-status[data-kind='failed'] { color: var(--rr-fg); font-weight: 600; }
.rr-status[data-kind='failed'] .rr-icon { color: var(--rr-breach-mark); }
`;

const PANEL_ONLY_CSS = `
.rr-panel {
  display: flex; flex-direction: column;
  width: min(calc(var(--rr-font-size) * 25), calc(100vw - 32px));
  /* --rr-panel-max: set while the panel floats above a reply box it would otherwise cover (panel-dock.ts). */
  max-height: min(60vh, var(--rr-panel-max, 60vh));
  background: var(--rr-bg);
  color: var(--rr-fg);
  border: 1px solid var(--rr-border);
  border-radius: 12px;
  box-shadow: var(--rr-shadow);
  overflow: hidden;
}
.rr-panel-head {
  display: flex; align-items: center; gap: 0.5em;
  padding: 0.6em 0.6em 0.6em 0.9em;
  border-bottom: 1px solid var(--rr-border);
}
.rr-panel-title { margin: 0; font-size: calc(var(--rr-font-size) * 1.07); font-weight: 700; flex: 1; }
.rr-count {
  display: inline-flex; align-items: center; justify-content: center;
  min-width: 1.7em; padding: 0.1em 0.45em;
  border-radius: 999px;
  background: var(--rr-accent); color: var(--rr-accent-fg);
  font-size: calc(var(--rr-font-size) * 0.86); font-weight: 700;
  font-variant-numeric: tabular-nums;
}
.rr-count[data-zero='true'] { background: var(--rr-hover); color: var(--rr-fg); }
.rr-panel-body { overflow-y: auto; overscroll-behavior: contain; padding: 0.5em 0.6em 0.7em; }
.rr-note { margin: 0.3em 0.3em 0.6em; display: flex; gap: 0.5em; align-items: flex-start; }
.rr-note p { margin: 0; }
.rr-note[data-kind='ok'] .rr-icon { color: var(--rr-ok-fg); }
.rr-note[data-kind='incomplete'] { padding: 0.5em; border-radius: 8px; background: var(--rr-warn-bg); color: var(--rr-warn-fg); }
.rr-note[data-kind='broken'] { padding: 0.5em; border-radius: 8px; border: 2px solid var(--rr-breach-mark); }
.rr-note[data-kind='broken'] .rr-icon { color: var(--rr-breach-mark); }
.rr-problems { margin: 0.3em 0 0; padding-inline-start: 1.2em; font-size: calc(var(--rr-font-size) * 0.86); }
.rr-note-actions { margin-top: 0.5em; }
.rr-filters { display: flex; flex-wrap: wrap; gap: 0.3em; margin: 0 0.2em 0.5em; padding: 0; border: 0; min-width: 0; }
.rr-filter { font-weight: 500; font-size: calc(var(--rr-font-size) * 0.86); min-height: 1.8em; padding: 0.2em 0.7em; }
.rr-filter[aria-pressed='true'] { background: var(--rr-fg); color: var(--rr-bg); border-color: var(--rr-fg); }
.rr-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.2em; }
.rr-item { display: flex; align-items: flex-start; gap: 0.3em; border-radius: 8px; }
.rr-item[data-current='true'] { background: var(--rr-hover); box-shadow: inset 3px 0 0 var(--rr-accent); }
.rr-item-main {
  flex: 1; min-width: 0;
  display: flex; flex-direction: column; gap: 0.2em;
  margin: 0; padding: 0.45em 0.5em;
  font: inherit; color: inherit; text-align: start;
  background: transparent; border: 0; border-radius: 8px;
  cursor: pointer;
}
.rr-item-main:hover { background: var(--rr-hover); }
.rr-item-who { display: flex; align-items: baseline; gap: 0.35em; min-width: 0; }
.rr-item-name { font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rr-item-handle { color: var(--rr-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rr-item-snippet {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
  overflow: hidden; overflow-wrap: anywhere;
}
.rr-item-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em; }
.rr-item .rr-btn { margin-top: 0.45em; margin-inline-end: 0.3em; }
.rr-mini {
  display: inline-flex; align-items: center; gap: 0.4em;
  font: inherit; font-weight: 700;
  padding: 0.35em 0.8em;
  border-radius: 999px;
  border: 1px solid var(--rr-border);
  background: var(--rr-bg); color: var(--rr-fg);
  box-shadow: var(--rr-shadow);
  cursor: pointer;
}
.rr-mini .rr-count { font-size: calc(var(--rr-font-size) * 0.86); }
.rr-mini[data-health='incomplete'] .rr-icon { color: var(--rr-warn-fg); }
.rr-mini[data-health='broken'] .rr-icon { color: var(--rr-breach-mark); }
.rr-toast {
  display: flex; align-items: center; gap: 0.6em;
  margin: 0; padding: 0.5em 0.6em 0.5em 0.9em;
  border-top: 1px solid var(--rr-border);
  background: var(--rr-fg); color: var(--rr-bg);
}
.rr-mini + .rr-toast { margin-top: 0.4em; border-radius: 10px; border: 0; box-shadow: var(--rr-shadow); }
.rr-toast-text { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rr-hidden-note { min-width: 0; }
.rr-hidden-line { margin: 0; }
.rr-why { margin-top: 0.2em; font-size: calc(var(--rr-font-size) * 0.86); }
.rr-why summary { cursor: pointer; text-decoration: underline; width: fit-content; }
.rr-why p { margin: 0.3em 0 0; }
.rr-handled-lists { margin: 0.6em 0.2em 0; display: flex; flex-direction: column; gap: 0.2em; }
.rr-handled summary { cursor: pointer; color: var(--rr-muted); font-size: calc(var(--rr-font-size) * 0.86); font-weight: 600; }
.rr-handled-list { list-style: none; margin: 0.3em 0; padding: 0; display: flex; flex-direction: column; gap: 0.2em; }
.rr-handled-item { display: grid; grid-template-columns: auto 1fr auto; gap: 0.4em; align-items: center; font-size: calc(var(--rr-font-size) * 0.86); }
.rr-handled-who { font-weight: 600; }
.rr-handled-snippet { color: var(--rr-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rr-chip[data-label='spam'] { border-style: dashed; }
`;

export const BADGE_CSS = TOKENS_CSS + BASE_CSS + BADGE_ONLY_CSS;
/** The pop-up layer (utils/overlay/popup-layer.ts): the template picker, above the page. */
export const LAYER_CSS = TOKENS_CSS + BASE_CSS + PICKER_CSS;
export const PANEL_CSS = TOKENS_CSS + BASE_CSS + PANEL_ONLY_CSS;

/**
 * The only styling applied to the site's own nodes. Calm: a thin, translucent mark on waiting comments (tinted by
 * level, so an overdue one still stands out) and a stronger one only on the current comment; answered and brand
 * comments get none, so the page still looks like the site. The only sheet outside a shadow root (utils/overlay/hosts.ts
 * puts it on the page).
 */
export const OUTLINE_CSS = `
[data-rr-state="unanswered"] { outline: 1px solid rgba(100, 116, 139, 0.45) !important; outline-offset: -1px; }
[data-rr-state="unanswered"][data-rr-level="warn"] { outline-color: rgba(217, 119, 6, 0.55) !important; }
[data-rr-state="unanswered"][data-rr-level="breach"] { outline-color: rgba(220, 38, 38, 0.6) !important; }
[data-rr-current] { outline: 2px solid #1d9bf0 !important; outline-offset: -2px; }
`;
