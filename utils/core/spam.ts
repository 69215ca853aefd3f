// Obvious spam under a brand's post: a bare link, crypto / "DM me" bait, a run of emoji with a link. Labelled so it
// can be ignored in one action and never counts as a breach. Deliberately narrow: a customer asking to be DMed
// about their order is not spam, so "DM me" alone never is; only bait words with a contact hook or a link are.

const LINK =
  /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|xyz|top|link|click|site|online|me|ly|gl|co)\/\S*/giu;
const MESSENGER_LINK = /\b(?:t\.me|wa\.me|telegram\.me|chat\.whatsapp\.com)\//iu;
const MENTION = /(^|\s)@[\p{L}\p{N}_.]+/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
/** Money bait in the languages the starter templates cover; words, not a guess at meaning. */
const BAIT =
  /(?<![\p{L}\p{N}])(?:crypto|bitcoin|btc|usdt|forex|binary options?|nft|airdrop|passive income|invest(?:ment|ing)?|profit|earn \$?\d|giveaway|kriptó|befektetés|ক্রিপ্টো|বিনিয়োগ)/iu;
const CONTACT_HOOK =
  /(?<![\p{L}\p{N}])(?:dm me|message me|inbox me|text me|whats ?app|telegram|contact (?:me|my)|write to me|írj (?:nekem|privátban))(?![\p{L}\p{N}])/iu;

/** True when the comment is obvious spam (see above). Pure: text in, verdict out. */
export function looksLikeSpam(text: string): boolean {
  const links = text.match(LINK) ?? [];
  const hasLink = links.length > 0 || MESSENGER_LINK.test(text);
  const rest = text.replace(LINK, ' ').replace(MENTION, ' ');
  const words = rest.replace(EMOJI, ' ').replace(/[\p{P}\p{S}\s]+/gu, '');
  // A bare link (with nothing but mentions, emoji or punctuation around it).
  if (hasLink && words.length === 0) return true;
  // A run of emoji with a link.
  if (hasLink && (rest.match(EMOJI)?.length ?? 0) >= 3) return true;
  // Money bait with a way to be contacted off the platform.
  if (BAIT.test(text) && (CONTACT_HOOK.test(text) || MESSENGER_LINK.test(text) || hasLink)) return true;
  return false;
}
