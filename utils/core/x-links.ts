// Where X sees links in a post, so that each can count as 23 characters. A port of twitter-text 3.1.0's
// extractUrlsWithIndices (Apache-2.0, github.com/twitter/twitter-text), kept rule for rule because any
// difference shows up as a wrong character count next to X's own counter.
import { X_COUNTRY_TLDS, X_GENERIC_TLDS } from './x-tlds';

/** A link as twitter-text's parseTweet consumes it: where it starts and how many UTF-16 units it skips. */
export type XLink = { start: number; length: number };

const SPACES = String.raw`\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000`;
const INVALID = String.raw`\uFFFE\uFEFF\uFFFF`;
const DIRECTIONAL = String.raw`\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069`;
const PUNCT = String.raw`\!'#%&'\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$`;
const LATIN_ACCENTS = String.raw`\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF`;
const CYRILLIC = String.raw`\u0400-\u04FF`;

const TLD_END = '(?=[^0-9a-zA-Z@+-]|$)';
const TLD = `(?:(?:${X_GENERIC_TLDS})${TLD_END})|(?:(?:${X_COUNTRY_TLDS})${TLD_END})|(?:xn--[\\-0-9a-z]+)`;

const DOMAIN_CHAR = `[^${PUNCT}${SPACES}${INVALID}${DIRECTIONAL}]`;
const SUBDOMAIN = `(?:(?:${DOMAIN_CHAR}(?:[_-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const DOMAIN_NAME = `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const DOMAIN = `(?:${SUBDOMAIN}*${DOMAIN_NAME}(?:${TLD}))`;

const PATH_CHAR = `[a-z${CYRILLIC}0-9!\\*';:=\\+,\\.\\$\\/%#\\[\\]\\-\\u2013_~@\\|&${LATIN_ACCENTS}]`;
const BALANCED_PARENS = `\\((?:${PATH_CHAR}+|(?:${PATH_CHAR}*\\(${PATH_CHAR}+\\)${PATH_CHAR}*))\\)`;
const PATH_END = `[\\+\\-a-z${CYRILLIC}0-9=_#\\/${LATIN_ACCENTS}]|(?:${BALANCED_PARENS})`;
const PATH = `(?:(?:${PATH_CHAR}*(?:${BALANCED_PARENS}${PATH_CHAR}*)*${PATH_END})|(?:@${PATH_CHAR}+\\/))`;
const QUERY_CHAR = String.raw`[a-z0-9!?\*'@\(\);:&=\+\$\/%#\[\]\-_\.,~|]`;
const QUERY_END = String.raw`[a-z0-9\-_&=#\/]`;
const PRECEDING = `(?:[^A-Za-z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL}]|^)`;

// Groups: 1 preceding char, 2 link, 3 protocol, 4 domain, 5 port, 6 path, 7 query.
const LINK_SOURCE = `(${PRECEDING})((https?:\\/\\/)?(${DOMAIN})(?::([0-9]+))?(\\/${PATH}*)?(\\?${QUERY_CHAR}*${QUERY_END})?)`;
const ASCII_DOMAIN_SOURCE = `(?:(?:[\\-a-z0-9${LATIN_ACCENTS}]+)\\.)+(?:${TLD})`;
const TCO = new RegExp(`^https?:\\/\\/t\\.co\\/([a-z0-9]+)(?:\\?${QUERY_CHAR}*${QUERY_END})?`, 'i');
const NO_PROTOCOL_BAD_PRECEDING = /[-_./]$/;
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_LABEL_LENGTH = 63;

/** The links X would shorten to t.co in `text` (already NFC-normalized), in order. */
export function findXLinks(text: string): XLink[] {
  if (!text.includes('.')) return [];
  const links: XLink[] = [];
  for (const m of text.matchAll(new RegExp(LINK_SOURCE, 'gi'))) {
    const before = m[1] ?? '';
    const url = m[2] ?? '';
    const protocol = m[3];
    const domain = m[4] ?? '';
    const path = m[6];
    const end = (m.index ?? 0) + m[0].length;
    const start = end - url.length;
    if (!isValidLink(url, protocol ?? 'https://', domain)) continue;
    if (!protocol) {
      if (NO_PROTOCOL_BAD_PRECEDING.test(before)) continue;
      // Without a protocol only the ASCII (and Latin-accented) part of a domain is a link.
      const found: XLink[] = [];
      let asciiEnd = 0;
      for (const a of domain.matchAll(new RegExp(ASCII_DOMAIN_SOURCE, 'gi'))) {
        const asciiStart = domain.indexOf(a[0], asciiEnd);
        asciiEnd = asciiStart + a[0].length;
        found.push({ start: start + asciiStart, length: a[0].length });
      }
      const last = found.at(-1);
      if (!last) continue;
      // twitter-text rebuilds the last link as url-with-domain-replaced and skips that many units.
      if (path) last.length = url.length - domain.length + last.length;
      links.push(...found);
      continue;
    }
    const tco = TCO.exec(url);
    if (tco) {
      if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) continue;
      links.push({ start, length: tco[0].length });
      continue;
    }
    links.push({ start, length: url.length });
  }
  return links;
}

function isValidLink(url: string, protocol: string, domain: string): boolean {
  if (domain.startsWith('xn--') && !new RegExp(ASCII_DOMAIN_SOURCE, 'i').test(domain)) return false;
  for (const label of domain.split('.')) {
    const encoded = punycodeDomainLength(label);
    if (encoded === undefined || encoded < 1 || encoded > MAX_LABEL_LENGTH) return false;
  }
  return protocol.length + url.length <= MAX_URL_LENGTH;
}

/** Length of punycode.toASCII(label) (punycode.js 1.4.1 also splits on the ideographic full stops). */
function punycodeDomainLength(label: string): number | undefined {
  const parts = label.split(/[\u3002\uFF0E\uFF61]/);
  let total = parts.length - 1;
  for (const part of parts) {
    if (!/[^\x20-\x7E]/.test(part)) {
      total += part.length;
      continue;
    }
    const encoded = punycodeEncodedLength(part);
    if (encoded === undefined) return undefined;
    total += 4 + encoded;
  }
  return total;
}

/** Number of characters RFC 3492 Punycode produces for `input` (undefined on overflow). */
function punycodeEncodedLength(input: string): number | undefined {
  const BASE = 36;
  const T_MIN = 1;
  const T_MAX = 26;
  const MAX_INT = 2147483647;
  const codePoints = ucs2Decode(input);
  const basic = codePoints.filter((c) => c < 0x80).length;
  let out = basic + (basic > 0 ? 1 : 0);
  let n = 128;
  let delta = 0;
  let bias = 72;
  let handled = basic;
  while (handled < codePoints.length) {
    let m = MAX_INT;
    for (const c of codePoints) if (c >= n && c < m) m = c;
    const handledPlusOne = handled + 1;
    if (m - n > Math.floor((MAX_INT - delta) / handledPlusOne)) return undefined;
    delta += (m - n) * handledPlusOne;
    n = m;
    for (const c of codePoints) {
      if (c < n && ++delta > MAX_INT) return undefined;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += 1;
        q = Math.floor((q - t) / (BASE - t));
      }
      out += 1;
      bias = adaptBias(delta, handledPlusOne, handled === basic);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return out;
}

function adaptBias(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((36 - 1) * 26) >> 1) {
    d = Math.floor(d / 35);
    k += 36;
  }
  return Math.floor(k + (36 * d) / (d + 38));
}

/** Code points as punycode.js reads them: a lone surrogate stays one unit. */
function ucs2Decode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out.push(((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
      i += 1;
    } else {
      out.push(c);
    }
  }
  return out;
}
