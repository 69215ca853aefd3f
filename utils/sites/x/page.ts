// Page-wide facts: the account the person acts as, and X's theme.
import { normalizeHandle } from '../../core/keys';
import { SEL } from './selectors';

/** The visible "@handle" of the account the user acts as (side navigation account switcher). */
export function readActingHandle(doc: Document): string | null {
  const switcher = doc.querySelector(SEL.accountSwitcher);
  if (!switcher) return null;
  const testId = switcher.querySelector(SEL.avatarContainer)?.getAttribute('data-testid');
  const fromAvatar = testId?.slice('UserAvatar-Container-'.length);
  if (fromAvatar) return normalizeHandle(fromAvatar);
  const m = /@([A-Za-z0-9_]{1,20})/.exec(switcher.textContent ?? '');
  return m ? normalizeHandle(m[1]!) : null;
}

/** X paints the body: white (light), rgb(21,32,43) "Dim", rgb(0,0,0) "Lights out". */
export function theme(doc: Document): 'light' | 'dark' {
  const body = doc.body;
  if (!body) return 'light';
  const view = doc.defaultView;
  const color = (view ? view.getComputedStyle(body).backgroundColor : '') || body.style.backgroundColor;
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return 'light';
  if (m[4] !== undefined && Number.parseFloat(m[4]) === 0) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  // Perceived lightness (Rec. 601 luma): Dim's rgb(21,32,43) is about 30/255.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
}
