// Inline SVG icons. All are decorative (aria-hidden): the meaning is always also given in words. Each is one <path>
// (its subpaths drawn alike): every extra shape was one more node in each of thousands of badges (issue #10). No
// focusable="false": only Internet Explorer put SVGs in the tab order.
import type { ComponentChildren } from 'preact';
import type { Level } from './styles';

function Svg({ children, name }: { children: ComponentChildren; name: string }) {
  return (
    <svg
      class={`rr-icon rr-icon-${name}`}
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

/** Circle with a tick. */
export function OkIcon() {
  return (
    <Svg name="ok">
      <path d="M14.2 8A6.2 6.2 0 1 1 1.8 8a6.2 6.2 0 1 1 12.4 0zM5.3 8.2l1.8 1.8 3.6-3.8" />
    </Svg>
  );
}

/** Triangle with "!": a different shape from ok and breach, so colour is never the only cue. */
export function WarnIcon() {
  return (
    <Svg name="warn">
      <path d="M8 1.8l6.4 11.6H1.6zM8 6.3v3m0 2.1v.1" />
    </Svg>
  );
}

/** Octagon ("stop") with "!". */
export function BreachIcon() {
  return (
    <Svg name="breach">
      <path d="M5.4 1.6h5.2l3.8 3.8v5.2l-3.8 3.8H5.4l-3.8-3.8V5.4zM8 4.8v3.6M8 11v.1" />
    </Svg>
  );
}

export function LevelIcon({ level }: { level: Level }) {
  if (level === 'breach') return <BreachIcon />;
  if (level === 'warn') return <WarnIcon />;
  return <OkIcon />;
}

export function TickIcon() {
  return (
    <Svg name="tick">
      <path d="M3 8.5l3.2 3.2L13 4.8" />
    </Svg>
  );
}

export function ChevronIcon({ up = false }: { up?: boolean }) {
  return <Svg name="chevron">{up ? <path d="M4 10l4-4 4 4" /> : <path d="M4 6l4 4 4-4" />}</Svg>;
}

export function CloseIcon() {
  return (
    <Svg name="close">
      <path d="M4 4l8 8M12 4l-8 8" />
    </Svg>
  );
}

/** Points at the comment Alt+J / Alt+K moved to. */
export function CurrentIcon() {
  return (
    <Svg name="current">
      <path d="M3 8h9M8.5 4.5L12 8l-3.5 3.5" />
    </Svg>
  );
}
