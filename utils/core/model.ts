// The shared vocabulary of Reply Radar. Every site adapter produces these shapes, every view and the
// background consume them; types are inferred from the zod schemas so the wire and the code agree.
import { z } from 'zod';

// Extension pages and content scripts run under a CSP without eval: skip zod's compiled fast path, whose probe
// (`new Function`) is reported as a CSP violation on every page even though zod catches it.
z.config({ jitless: true });

export const PlatformSchema = z.enum(['x', 'facebook', 'instagram']);
export type Platform = z.infer<typeof PlatformSchema>;
export const PLATFORMS: readonly Platform[] = PlatformSchema.options;

export const AuthorSchema = z.object({
  /** Lower-case handle / page slug without "@" (X: "acme", Facebook: "acmebrand" or "profile.php?id=…" id). */
  handle: z.string(),
  displayName: z.string(),
  profileUrl: z.string(),
});
export type Author = z.infer<typeof AuthorSchema>;

export const PostSchema = z.object({
  platform: PlatformSchema,
  id: z.string().min(1),
  url: z.string(),
  author: AuthorSchema,
});
export type Post = z.infer<typeof PostSchema>;

export const PrecisionSchema = z.enum(['exact', 'approx']);
export type Precision = z.infer<typeof PrecisionSchema>;

export const CommentSchema = z.object({
  platform: PlatformSchema,
  /** The site's own id of the comment (X status id, Facebook comment id, Instagram comment id). */
  id: z.string().min(1),
  postId: z.string().min(1),
  /** The comment this one replies to; absent for a direct reply to the post. */
  parentId: z.string().optional(),
  /** Comments that share a threadKey form one conversation thread under the post. */
  threadKey: z.string().min(1),
  author: AuthorSchema,
  text: z.string(),
  lang: z.string().optional(),
  /** Epoch ms when the comment was first posted. */
  postedAt: z.number().finite(),
  postedAtPrecision: PrecisionSchema,
  /** Epoch ms of the last edit, when the site says the comment was edited. */
  editedAt: z.number().finite().optional(),
  /**
   * The comment's link. Facebook's and Instagram's readers keep the post's link here, one string for every comment,
   * and the site adapter makes the comment's own when it is needed (`SiteAdapter.permalink`: a string per comment
   * held about 1 MB at 10,000 comments, issue #10).
   */
  permalink: z.string(),
  /** Position on the page (document order), 0-based; later comments have larger numbers. */
  order: z.number().int().nonnegative(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** Longest comment key, template id or post id accepted anywhere (real ones are under 60 characters). */
export const MAX_KEY_LENGTH = 200;
/** A key or id as stored and sent: never empty, never unbounded (a compromised page could send megabytes). */
export const KeySchema = z.string().min(1).max(MAX_KEY_LENGTH);

/** Handles and page names: bounded in length and number, like every other value a page can send. */
const BrandNames = z.array(z.string().max(MAX_KEY_LENGTH)).max(100);
export const BrandIdentitySchema = z.object({
  x: BrandNames,
  facebook: BrandNames,
  instagram: BrandNames,
});
/** The handles / page names that speak for the brand, per platform (compared case-insensitively, "@" ignored). */
export type BrandIdentity = z.infer<typeof BrandIdentitySchema>;

export const CommentStateSchema = z.enum(['unanswered', 'answered', 'brand', 'done', 'snoozed', 'ignored']);
export type CommentState = z.infer<typeof CommentStateSchema>;

export const HealthSchema = z.enum(['ok', 'incomplete', 'broken']);
export type Health = z.infer<typeof HealthSchema>;

/** A manual state the user set on a comment; it wins over the unanswered rule while it applies. */
export const ManualStateSchema = z.discriminatedUnion('state', [
  /** Done until a newer customer comment (postedAt > at) arrives in the same thread. */
  z.object({ key: KeySchema, state: z.literal('done'), at: z.number().finite() }),
  /** Snoozed until `until` (epoch ms); after that the rule decides again. */
  z.object({ key: KeySchema, state: z.literal('snoozed'), at: z.number().finite(), until: z.number().finite() }),
  /** Spam or not worth an answer: never queued. */
  z.object({ key: KeySchema, state: z.literal('ignored'), at: z.number().finite() }),
]);
export type ManualState = z.infer<typeof ManualStateSchema>;

// Pure helpers live in ./keys (no zod): content scripts import them from there.
export { commentKey, normalizeHandle } from './keys';
