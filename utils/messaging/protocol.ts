// Every message between Reply Radar's parts, in one table: who receives it, and the zod schema of its request and
// of its response. Content scripts never open IndexedDB; they ask the background with these messages.
// Content scripts do not bundle this table (it carries zod): they use content-client.ts, which checks the answer's
// envelope by hand; the background validates every request and every answer against these schemas.
import { defineExtensionMessaging, type Logger } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import {
  CommentStateSchema,
  HealthSchema,
  KeySchema,
  ManualStateSchema,
  PlatformSchema,
  PrecisionSchema,
} from '../core/model';
import { LabelKindSchema, SettingsPatchSchema, SettingsSchema } from '../core/settings';
import { TAB_STATES } from '../core/tab-report';
import { TemplateDraftSchema, TemplateSchema } from '../core/template';
import { LOCALES } from '../i18n/locales';
import { type ErrorInfo, ErrorInfoSchema, toErrorInfo } from '../storage/errors';
import { listResultSchema } from '../storage/schemas';

export { type ErrorCode, type ErrorInfo, RadarError } from '../storage/errors';

interface MessageDef {
  /** Which side listens: the background (asked by content scripts and pages) or a tab's content script. */
  to: 'background' | 'content';
  request: z.ZodType;
  response: z.ZodType;
}

const Empty = z.object({});

/** A content script's report on its tab (utils/core/tab-report.ts): counts, a time and enums, no page words. */
const TabReportSchema = z.strictObject({
  platform: PlatformSchema,
  state: z.enum(TAB_STATES),
  unanswered: z.number().int().nonnegative().max(100_000),
  oldestPostedAt: z.number().finite().nullable(),
  worst: z.enum(['ok', 'warn', 'breach']),
  health: HealthSchema,
});
const ById = z.object({ id: KeySchema });

/** Longest comment text the recorder sends (it keeps the end, where a signature is). */
export const MAX_OBSERVED_TEXT = 50_000;
/** One comment as the overlay classified it, with what the first-response rule reads (utils/core/first-response.ts). */
const ObservedCommentSchema = z.strictObject({
  key: KeySchema,
  state: CommentStateSchema,
  comment: z.strictObject({
    platform: PlatformSchema,
    postId: KeySchema,
    threadKey: KeySchema,
    author: z.strictObject({ handle: z.string().max(200), displayName: z.string().max(500) }),
    text: z.string().max(MAX_OBSERVED_TEXT),
    lang: z.string().max(35).optional(),
    postedAt: z.number().finite(),
    postedAtPrecision: PrecisionSchema,
    permalink: z.string().max(2000),
    order: z.number().int().nonnegative(),
  }),
});
/** Comment keys on one page; bounded so a runaway page cannot ask for the whole database at once. */
const Keys = z.array(KeySchema).max(5000);

export const PROTOCOL = {
  ping: { to: 'background', request: Empty, response: z.object({ pong: z.literal(true) }) },

  'templates.list': { to: 'background', request: Empty, response: listResultSchema(TemplateSchema) },
  'templates.get': { to: 'background', request: ById, response: TemplateSchema },
  'templates.create': { to: 'background', request: TemplateDraftSchema, response: TemplateSchema },
  /** `patch.shortcut: ''` removes the shortcut. */
  'templates.update': {
    to: 'background',
    request: z.object({ id: KeySchema, patch: TemplateDraftSchema.partial() }),
    response: TemplateSchema,
  },
  /** Soft delete into the trash (restorable for 30 days). */
  'templates.delete': { to: 'background', request: ById, response: TemplateSchema },
  'templates.restore': { to: 'background', request: ById, response: TemplateSchema },
  'templates.reorder': {
    to: 'background',
    request: z.object({ ids: z.array(KeySchema).max(10_000) }),
    response: z.array(TemplateSchema),
  },
  'templates.markUsed': { to: 'background', request: ById, response: TemplateSchema },

  'states.list': { to: 'background', request: z.object({ keys: Keys }), response: listResultSchema(ManualStateSchema) },
  'states.set': { to: 'background', request: ManualStateSchema, response: ManualStateSchema },
  'states.clear': {
    to: 'background',
    request: z.object({ keys: Keys.min(1) }),
    response: z.object({ cleared: z.number().int().nonnegative() }),
  },

  /** A locale's interface texts, for content scripts (they cannot read the packaged _locales themselves). */
  'i18n.messages': {
    to: 'background',
    request: z.object({ locale: z.enum(LOCALES) }),
    response: z.object({ messages: z.record(z.string(), z.string()) }),
  },

  /**
   * The overlay reports the comments of the threads it shows whose reading changed (content scripts); the background
   * works out each customer comment's first answer, labels and agent, and keeps them in the response log.
   */
  'responseLog.record': {
    to: 'background',
    request: z.object({ comments: z.array(ObservedCommentSchema).min(1).max(2000) }),
    response: z.object({ changed: z.number().int().nonnegative() }),
  },

  /** The overlay reports its tab's state: the background keeps it per tab and draws the toolbar badge from it. */
  'tab.report': { to: 'background', request: TabReportSchema, response: Empty },

  /**
   * Content scripts read and change settings through the background (they carry no settings schema): it repairs
   * what it reads and validates every change before writing.
   */
  'settings.get': { to: 'background', request: Empty, response: SettingsSchema },
  'settings.patch': { to: 'background', request: SettingsPatchSchema, response: SettingsSchema },
  /** The account the page says the user acts as (first-run setup offers it as a brand account); handle rules apply. */
  'accounts.seen': {
    to: 'background',
    request: z.strictObject({ platform: PlatformSchema, handle: z.string().min(1).max(100) }),
    response: Empty,
  },

  /**
   * The overlay's deferred code (template picker, text insertion, type-to-expand), injected by the background into
   * the asking tab's frame, in the content scripts' isolated world, on first use (utils/overlay/actions-loader.ts).
   */
  'overlay.loadActions': { to: 'background', request: Empty, response: Empty },
  /**
   * What the overlay needs of comments' words, for content scripts (they bundle neither the label words nor the
   * matching, spam rules or language detection): each comment's labels (built-in words and the settings' own),
   * whether it is obvious spam, and its language. One judgment per item, in order.
   */
  'comments.judge': {
    to: 'background',
    request: z.object({
      items: z
        .array(z.strictObject({ text: z.string().max(MAX_OBSERVED_TEXT), lang: z.string().max(35).optional() }))
        .min(1)
        .max(2000),
    }),
    response: z.object({
      judgments: z.array(
        z.strictObject({
          labels: z.array(LabelKindSchema).max(3),
          spam: z.boolean(),
          language: z.string().max(35).nullable(),
        }),
      ),
    }),
  },
  /**
   * The words the Facebook reader needs (its relative times, "2 h", "5 perce"; its controls, "View all 5 replies";
   * the patterns as RegExp sources), handed to its content script once (not bundled).
   */
  'facebook.words': {
    to: 'background',
    request: Empty,
    response: z.strictObject({
      time: z.strictObject({
        units: z.record(
          z.string().max(10),
          z.partialRecord(z.enum(['s', 'min', 'h', 'd', 'w', 'mo', 'y']), z.string().max(500)),
        ),
        counted: z.array(z.tuple([z.number().int().min(1).max(99), z.string().max(2000)])).max(10),
        one: z.string().max(2000),
        now: z.string().max(5000),
        yesterday: z.string().max(2000),
        prefixes: z.array(z.string().max(40)).max(100),
        suffixes: z.array(z.string().max(40)).max(100),
      }),
      reading: z.strictObject({
        moreReplies: z.array(z.string().max(500)).max(100),
        moreComments: z.array(z.string().max(500)).max(100),
        replied: z.array(z.string().max(500)).max(100),
        filteredOrder: z.array(z.string().max(100)).max(100),
        commentWords: z.string().max(2000),
        commentAs: z.array(z.string().max(500)).max(100),
      }),
    }),
  },
  /**
   * The overlay's CSS for its badge, panel and pop-up shadow roots and the outlines on the page, handed to content
   * scripts once (not bundled).
   */
  'ui.styles': {
    to: 'background',
    request: Empty,
    response: z.object({
      badge: z.string().max(200_000),
      panel: z.string().max(200_000),
      layer: z.string().max(200_000),
      outline: z.string().max(10_000),
    }),
  },

  /** The toggle-panel browser command, sent by the background to the active tab's content script. */
  'overlay.togglePanel': { to: 'content', request: Empty, response: Empty },
} as const satisfies Record<string, MessageDef>;

export type Protocol = typeof PROTOCOL;
export type MessageName = keyof Protocol;
export type BackgroundMessageName = {
  [N in MessageName]: Protocol[N]['to'] extends 'background' ? N : never;
}[MessageName];
export type ContentMessageName = Exclude<MessageName, BackgroundMessageName>;

/** What a caller passes (before defaults and trimming by the schema). */
export type Request<N extends MessageName> = z.input<Protocol[N]['request']>;
/** What a handler receives, validated. */
export type ParsedRequest<N extends MessageName> = z.output<Protocol[N]['request']>;
export type Response<N extends MessageName> = z.output<Protocol[N]['response']>;

/** Every answer on the wire: the data, or a clear error. Handlers never throw across the boundary. */
export type Envelope<N extends MessageName> = { ok: true; data: Response<N> } | { ok: false; error: ErrorInfo };

export function envelopeSchema<N extends MessageName>(name: N) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: PROTOCOL[name].response }),
    z.object({ ok: z.literal(false), error: ErrorInfoSchema }),
  ]);
}

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(PROTOCOL, name);
}

export function isBackgroundMessage(name: unknown): name is BackgroundMessageName {
  return isMessageName(name) && PROTOCOL[name].to === 'background';
}

export const BACKGROUND_MESSAGES: readonly BackgroundMessageName[] = Object.keys(PROTOCOL).filter(isBackgroundMessage);

/** Validation happens at both ends with zod; the transport itself carries unknown values. */
type WireProtocol = { [N in MessageName]: (request: unknown) => unknown };

/** Keep warnings and errors; the library's per-message logging would flood the page console. */
const quietLogger: Logger = {
  debug: () => {},
  log: () => {},
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
};

/** The transport (@webext-core/messaging over runtime/tabs messaging). Defining it touches no browser API. */
export const messenger = defineExtensionMessaging<WireProtocol>({ logger: quietLogger });

/** Send without the library's per-name generics; both ends validate with the schemas above. */
export function send(name: MessageName, data: unknown, tabId?: number): Promise<unknown> {
  const sendMessage = messenger.sendMessage as (type: MessageName, data: unknown, tabId?: number) => Promise<unknown>;
  return tabId === undefined ? sendMessage(name, data) : sendMessage(name, data, tabId);
}

/**
 * In a content script: answer a message the background sends to this tab (e.g. 'overlay.togglePanel'). The request
 * is validated, messages not from this extension are refused, and what the handler returns (nothing means an empty
 * answer) is checked against the response schema. Returns the function that stops listening.
 */
export function onContentMessage<N extends ContentMessageName>(
  name: N,
  handler: (req: ParsedRequest<N>) => unknown,
): () => void {
  const listen = messenger.onMessage as (
    type: MessageName,
    cb: (message: { data: unknown; sender: { id?: string } }) => Promise<unknown>,
  ) => () => void;
  return listen(name, async ({ data, sender }): Promise<Envelope<N>> => {
    if (sender.id !== browser.runtime.id) {
      // i18n-ignore: an error's English for logs
      return { ok: false, error: { code: 'forbidden', message: `${name}: refused, the sender is not Reply Radar.` } };
    }
    const parsed = PROTOCOL[name].request.safeParse(data);
    if (!parsed.success)
      return { ok: false, error: { code: 'bad-request', message: `${name}: ${parsed.error.message}` } };
    try {
      const answer = (await handler(parsed.data as ParsedRequest<N>)) ?? {};
      return { ok: true, data: PROTOCOL[name].response.parse(answer) as Response<N> };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  });
}
