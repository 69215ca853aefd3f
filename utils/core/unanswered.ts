// The unanswered rule: which customer comments on a post still wait for the brand.
// Only authorship counts ("@acme thanks" is not an answer) and only a brand comment that came *after* a comment
// can answer it. Input comes from scraped pages, so every field is treated as possibly odd: this never throws.

import { commentKey, normalizeHandle } from './keys';
import type { BrandIdentity, Comment, CommentState, ManualState, Post } from './model';

/** What the page says about a hidden part of the conversation (see CollapsedPart in utils/sites/types.ts). */
export interface CollapsedHint {
  /** Site id of the comment whose replies are hidden. */
  parentId?: string;
  /** Names the page gives for who replied in the hidden part (handles or display names). */
  repliers?: string[];
}

export interface ClassifyInput {
  post: Post;
  comments: Comment[];
  brand: BrandIdentity;
  trackAllPosts: boolean;
  /** Manual states by commentKey. */
  manual: ReadonlyMap<string, ManualState>;
  collapsed?: CollapsedHint[];
  now: number;
  /** The account the user acts as on the page; it speaks for the brand too. */
  actingHandle?: string | null;
}

export interface ClassifyResult {
  tracked: boolean;
  /** The post's author is one of the brand's identities (else the panel offers to adopt them). */
  postIsBrand: boolean;
  reason?: 'not-brand-post';
  /** State of every (deduplicated) comment, by commentKey. */
  states: Map<string, CommentState>;
  /** True when hidden parts may hold answers or comments we cannot see. */
  incomplete: boolean;
}

type Moment = { postedAt: number; order: number };

/** True when `b` came after `c`: later postedAt, or same postedAt and shown later. */
export function cameAfter(b: Moment, c: Moment): boolean {
  return b.postedAt > c.postedAt || (b.postedAt === c.postedAt && b.order > c.order);
}

export function classifyThreads(input: ClassifyInput): ClassifyResult {
  const states = new Map<string, CommentState>();
  const post = input?.post;
  const platform = post?.platform;
  const handles = brandHandles(input?.brand, platform, input?.actingHandle);
  const pageNames = platform === 'facebook' ? brandPageNames(input?.brand?.facebook) : new Set<string>();
  const isBrandAuthor = (a: Comment['author'] | undefined) =>
    handles.has(handleOf(a?.handle)) || (typeof a?.displayName === 'string' && pageNames.has(nameKey(a.displayName)));
  const postIsBrand = isBrandAuthor(post?.author);

  if (!postIsBrand && input?.trackAllPosts !== true) {
    return { tracked: false, reason: 'not-brand-post', postIsBrand, states, incomplete: false };
  }

  const comments = dedupe(input?.comments);
  const isBrand = (c: Comment) => isBrandAuthor(c.author);

  // Latest brand comment per thread: a comment is answered iff that one came after it.
  const latestBrand = new Map<string, Comment>();
  const brandNames = new Set<string>();
  if (postIsBrand) addName(brandNames, post?.author?.displayName);
  for (const c of comments) {
    if (!isBrand(c)) continue;
    addName(brandNames, c.author?.displayName);
    // A non-finite time answers nothing, so it must not become the thread's latest.
    if (!Number.isFinite(c.postedAt)) continue;
    const best = latestBrand.get(c.threadKey);
    if (!best || cameAfter(c, best)) latestBrand.set(c.threadKey, c);
  }

  const byId = new Map<string, Comment>();
  for (const c of comments) if (!byId.has(c.id)) byId.set(c.id, c);
  const { answeredUpTo, incomplete } = readCollapsed(input?.collapsed, (id) => byId.get(id), handles, brandNames);

  // Newest customer comment per thread, for re-opening comments marked done.
  const latestCustomerAt = new Map<string, number>();
  for (const c of comments) {
    if (isBrand(c) || !Number.isFinite(c.postedAt)) continue;
    const at = latestCustomerAt.get(c.threadKey);
    if (at === undefined || c.postedAt > at) latestCustomerAt.set(c.threadKey, c.postedAt);
  }

  const manual = input?.manual;
  const now = input?.now;
  for (const c of comments) {
    const key = commentKey(c);
    if (isBrand(c)) {
      states.set(key, 'brand');
      continue;
    }
    const latest = latestBrand.get(c.threadKey);
    const upTo = answeredUpTo.get(c.threadKey);
    const answered = (latest !== undefined && cameAfter(latest, c)) || (upTo !== undefined && c.postedAt <= upTo);
    const rule: CommentState = answered ? 'answered' : 'unanswered';
    states.set(key, applyManual(rule, manualFor(manual, key), now, latestCustomerAt.get(c.threadKey)));
  }

  return { tracked: true, postIsBrand, states, incomplete };
}

export function applyManual(
  rule: CommentState,
  m: ManualState | undefined,
  now: number | undefined,
  latestCustomerAt: number | undefined,
): CommentState {
  if (!m) return rule;
  switch (m.state) {
    case 'ignored':
      return 'ignored';
    case 'snoozed':
      return typeof now === 'number' && now < m.until ? 'snoozed' : rule;
    case 'done':
      // A newer customer comment in the thread means the conversation moved on: the rule decides again.
      return latestCustomerAt !== undefined && latestCustomerAt > m.at ? rule : 'done';
    default:
      return rule;
  }
}

/**
 * Collapsed parts whose repliers name the brand answer their parent's thread up to the parent's time (the hidden
 * reply came after the parent, but we cannot tell where it sits among later visible comments, so those keep the
 * rule's verdict). Any collapsed part we cannot credit to the brand leaves the view incomplete.
 */
export function readCollapsed(
  collapsed: CollapsedHint[] | undefined,
  byId: (id: string) => Comment | undefined,
  handles: ReadonlySet<string>,
  brandNames: { has(name: string): boolean },
): { answeredUpTo: Map<string, number>; incomplete: boolean } {
  const answeredUpTo = new Map<string, number>();
  let incomplete = false;
  if (!Array.isArray(collapsed)) return { answeredUpTo, incomplete };

  for (const part of collapsed) {
    const repliers = Array.isArray(part?.repliers) ? part.repliers : [];
    const brandReplied = repliers.some(
      (r) => typeof r === 'string' && (handles.has(handleOf(r)) || brandNames.has(nameKey(r))),
    );
    const parent = typeof part?.parentId === 'string' ? byId(part.parentId) : undefined;
    if (!brandReplied || !parent || !Number.isFinite(parent.postedAt)) {
      incomplete = true;
      continue;
    }
    const prev = answeredUpTo.get(parent.threadKey);
    if (prev === undefined || parent.postedAt > prev) answeredUpTo.set(parent.threadKey, parent.postedAt);
  }
  return { answeredUpTo, incomplete };
}

export function brandHandles(brand: BrandIdentity | undefined, platform: unknown, acting: string | null | undefined) {
  const handles = new Set<string>();
  const list = typeof platform === 'string' ? (brand as Record<string, unknown> | undefined)?.[platform] : undefined;
  if (Array.isArray(list)) for (const h of list) handles.add(handleOf(h));
  handles.add(handleOf(acting));
  handles.delete(''); // an empty handle must not turn anonymous authors into the brand
  return handles;
}

/**
 * Facebook brand identities may be the Page's name as people see it ("Acme Coffee", the options page asks for
 * "the page's name or the last part of its address"): those match the author's display name too.
 */
export function brandPageNames(list: unknown): Set<string> {
  const names = new Set<string>();
  if (Array.isArray(list)) for (const n of list) addName(names, n);
  return names;
}

export function handleOf(h: unknown): string {
  return typeof h === 'string' ? normalizeHandle(h) : '';
}

/** Display names compare case-insensitively with spacing normalized ("Acme  Coffee" = "acme coffee"). */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

export function addName(names: Set<string>, name: unknown) {
  if (typeof name !== 'string') return;
  const key = nameKey(name);
  if (key) names.add(key);
}

/** Well-formed comments only, first copy of each key wins (pages render hidden duplicates). */
function dedupe(comments: unknown): Comment[] {
  if (!Array.isArray(comments)) return [];
  const seen = new Set<string>();
  const out: Comment[] = [];
  for (const c of comments as Comment[]) {
    if (!c || typeof c !== 'object' || typeof c.id !== 'string') continue;
    const key = commentKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

export function manualFor(manual: unknown, key: string): ManualState | undefined {
  if (!manual || typeof (manual as Map<string, ManualState>).get !== 'function') return undefined;
  const m = (manual as ReadonlyMap<string, ManualState>).get(key);
  return m && typeof m === 'object' ? m : undefined;
}
