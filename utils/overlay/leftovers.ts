// Firefox injects an add-on's content scripts into open tabs when the add-on is updated or reloaded, and nukes the
// old script without letting it clean up: its panel, badges and marks would stay beside the new ones. The new script
// removes them (panel, badges, pop-up layer, marks) before it draws anything. (Chrome leaves the old script running to tear itself down.)
import { BADGE_TAG, LAYER_TAG, OUTLINE_STYLE_ID, PANEL_TAG } from './hosts';
import { unstamp } from './stamp';

export function removeLeftovers(doc: Document): void {
  for (const host of doc.querySelectorAll(`${PANEL_TAG}, ${BADGE_TAG}, ${LAYER_TAG}`)) host.remove();
  doc.getElementById(OUTLINE_STYLE_ID)?.remove();
  for (const element of doc.querySelectorAll<HTMLElement>('[data-rr-id], [data-rr-state], [data-rr-current]')) {
    unstamp(element);
  }
}
