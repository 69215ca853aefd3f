// Every X selector, and the few lookups both the content script (reading, the focused reply box) and the overlay's
// deferred code (opening a reply box, its send button: ./reply-box.ts) use. X's class names are generated, so
// structure and data-testids are the anchors.
/** What the reply box needs (the overlay's deferred ./reply-box.ts bundles only these). */
export const REPLY_SEL = {
  tweet: 'article[data-testid="tweet"]',
  /** A quoted post is one clickable block inside the article (links themselves are `a`, not `div`). */
  quote: 'div[role="link"]',
  replyButton: '[data-testid="reply"]',
  dialog: '[role="dialog"]',
  editorBox: '[data-testid^="tweetTextarea_"]',
  /** Draft.js content node; X has put the tweetTextarea testid both on it and on a wrapper around it. */
  editor:
    '.public-DraftEditor-content[contenteditable="true"], [data-testid^="tweetTextarea_"][contenteditable="true"]',
  draftContent: '.public-DraftEditor-content',
  sendInDialog: '[data-testid="tweetButton"]',
  sendInline: '[data-testid="tweetButtonInline"]',
} as const;

export const SEL = {
  ...REPLY_SEL,
  primaryColumn: 'div[data-testid="primaryColumn"]',
  cell: 'div[data-testid="cellInnerDiv"]',
  anyArticle: 'article',
  userName: '[data-testid="User-Name"]',
  tweetText: '[data-testid="tweetText"]',
  avatar: '[data-testid="Tweet-User-Avatar"]',
  time: 'time[datetime]',
  statusLink: 'a[href*="/status/"]',
  historyLink: 'a[href*="/history"]',
  heading: 'h2, [role="heading"]',
  button: 'button, [role="button"]',
  composerParts: '[data-testid^="tweetTextarea_"], [data-testid="tweetButtonInline"], textarea, [contenteditable]',
  /** The row of reply / repost / like buttons under a post: the badge sits just above it, squeezing none of them. */
  actionBar: '[role="group"]',
  accountSwitcher: '[data-testid="SideNav_AccountSwitcher_Button"]',
  avatarContainer: '[data-testid^="UserAvatar-Container-"]',
  /** "Replying to @handle" in the reply dialog: profile links whose text is the handle. */
  profileLink: 'a[href^="/"]',
  /** Where a dialog's @-links name someone other than the replied-to: the answered post's text (X gives post text a
   * lang), a post it quotes. */
  notReplyingTo: '[data-testid="tweetText"], [lang], div[role="link"]',
} as const;

export function inQuote(el: Element, article: Element): boolean {
  const quote = el.closest(REPLY_SEL.quote);
  return quote !== null && quote !== article && article.contains(quote);
}

/** The first match inside the article that belongs to the article itself, not to a post it quotes. */
export function own<T extends Element>(article: Element, selector: string): T | null {
  for (const el of article.querySelectorAll<T>(selector)) if (!inQuote(el, article)) return el;
  return null;
}

/** The site's comment editor `el` is in, if it is one (a reply box, not any contenteditable). */
export function editorFrom(el: Element | null): HTMLElement | null {
  const editor = el?.closest<HTMLElement>(REPLY_SEL.editor) ?? null;
  return editor?.closest(REPLY_SEL.editorBox) ? editor : null;
}
