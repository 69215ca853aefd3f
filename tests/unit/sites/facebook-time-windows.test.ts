// A Facebook comment's time is relative text ("2h"): each read gives a window [now - unit, now], and the reader keeps
// the window narrowed by every read (TimeWindows, utils/sites/facebook/page.ts), its end the comment's time.
import { describe, expect, it } from 'vitest';
import { TimeWindows } from '../../../utils/sites/facebook/page';

const H = 3_600_000;

describe('TimeWindows', () => {
  it('narrows a comment’s window by every read and gives its end', () => {
    const windows = new TimeWindows();
    // "2h" read at 10:00: posted between 7:00 and 8:00.
    expect(windows.narrow('a', 7 * H, 8 * H)).toBe(8 * H);
    // "2h" again at 10:30: 7:30–8:30 leaves 7:30–8:00.
    expect(windows.narrow('a', 7.5 * H, 8.5 * H)).toBe(8 * H);
    // A read whose window ends earlier moves the end: 6:45–7:45 leaves 7:30–7:45.
    expect(windows.narrow('a', 6.75 * H, 7.75 * H)).toBe(7.75 * H);
    // The start counts too: 7:40–8:40 leaves 7:40–7:45.
    expect(windows.narrow('a', (7 + 40 / 60) * H, (8 + 40 / 60) * H)).toBe(7.75 * H);
    // and the next read must meet it: 7:00–7:35 does not, so it is taken as it is.
    expect(windows.narrow('a', 7 * H, (7 + 35 / 60) * H)).toBe((7 + 35 / 60) * H);
    // Another comment has its own window.
    expect(windows.narrow('b', 5 * H, 6 * H)).toBe(6 * H);
  });

  it('takes the newest reading when it does not meet the window kept (a clock change, an edit)', () => {
    const windows = new TimeWindows();
    windows.narrow('a', 8 * H, 9 * H);
    expect(windows.narrow('a', 11 * H, 12 * H)).toBe(12 * H);
    expect(windows.narrow('a', 11.5 * H, 13 * H)).toBe(12 * H);
  });

  it('keeps every comment’s window as they grow past its first room', () => {
    const windows = new TimeWindows();
    for (let i = 0; i < 1000; i++) windows.narrow(String(i), i * H, i * H + H);
    for (let i = 0; i < 1000; i++) expect(windows.narrow(String(i), i * H - H, i * H + H / 2)).toBe(i * H + H / 2);
  });
});
