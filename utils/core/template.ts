// A saved reply. Bodies are plain text with {variables}; see utils/core/render-template.ts.
import { z } from 'zod';

export const TemplateSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(10_000),
  /** Optional short trigger typed by the user, e.g. "ty" (unique among live templates). */
  shortcut: z
    .string()
    .max(32)
    // i18n-ignore: zod's English for logs; issue-text.ts words it for the user (problem_shortcut_spaces)
    .regex(/^\s*\S*\s*$/, 'a shortcut has no spaces inside')
    .optional(),
  /** BCP 47 language of the body, e.g. "en", "hu", "bn", "km". */
  language: z.string().min(2).max(35),
  tags: z.array(z.string().max(64)).max(50),
  /** Position in the user's list; Alt+1 … Alt+9 pick the first nine live templates in this order. */
  order: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  useCount: z.number().int().nonnegative(),
  lastUsedAt: z.number().optional(),
  /** Set when moved to the trash; purged 30 days later. */
  deletedAt: z.number().optional(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const TemplateDraftSchema = TemplateSchema.pick({
  title: true,
  body: true,
  shortcut: true,
  language: true,
  tags: true,
});
export type TemplateDraft = z.infer<typeof TemplateDraftSchema>;
