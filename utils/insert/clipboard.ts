// Last resort when a reply box refuses the text: put it on the clipboard so the user can paste it.

/** Copies `text`; resolves false when neither the Clipboard API nor the copy command worked. */
export async function copyToClipboard(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Denied without a user gesture or on an unfocused page: fall back to the copy command.
    }
  }
  return copyWithCommand(text, doc);
}

/** Selects the text in a short-lived, invisible textarea and runs the copy command, then restores focus. */
function copyWithCommand(text: string, doc: Document): boolean {
  const holder = doc.createElement('textarea');
  holder.value = text;
  holder.readOnly = true;
  holder.setAttribute('aria-hidden', 'true');
  holder.tabIndex = -1;
  Object.assign(holder.style, {
    position: 'fixed',
    top: '0',
    left: '0',
    width: '1px',
    height: '1px',
    opacity: '0',
    pointerEvents: 'none',
  });
  const active = doc.activeElement as HTMLElement | null;
  const selection = doc.getSelection();
  const ranges = selection ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i)) : [];
  (doc.body ?? doc.documentElement).append(holder);
  holder.focus({ preventScroll: true });
  holder.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    holder.remove();
    active?.focus?.();
    if (selection && ranges.length > 0) {
      selection.removeAllRanges();
      for (const range of ranges) selection.addRange(range);
    }
  }
  return copied;
}
