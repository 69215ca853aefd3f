// A browser command's keys as the browser reports them (commands.getAll), so a shortcut the user changed in the
// browser's own settings shows as it is now. Shared by the popup and the options page.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** The panel toggle's browser command, named in wxt.config.ts. */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

/**
 * The command's keys ("Alt+Shift+Q"); '' when the browser has none bound (the user removed it, or another extension
 * took it); undefined while asking or when the browser cannot say.
 */
export function useCommandShortcut(name: string): string | undefined {
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((all) => {
        const command = all.find((c) => c.name === name);
        if (alive && command) setShortcut(command.shortcut ?? '');
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [name]);
  return shortcut;
}
