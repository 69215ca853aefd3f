// Finds words a UI component would show without going through the locale files: JSX text, text-bearing
// attributes and prose in string literals. Built on the TypeScript parser, so formatting cannot hide a string.
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Names that stay the same in every language. */
const PROPER_NOUNS = new Set(['Reply Radar', 'X', 'Facebook', 'Instagram', 'CSV', 'JSON']);

/** English words that appear in sentences but not in class lists, selectors or codes. */
const PROSE_WORDS = new Set(
  'the is are was not no to of and or in on for with your you this that it be has have could did does can cannot will from'.split(
    ' ',
  ),
);

/** Attributes that never hold words a person reads. */
const NON_TEXT_ATTRIBUTES = new Set([
  'class',
  'className',
  'id',
  'key',
  'href',
  'src',
  'type',
  'name',
  'role',
  'for',
  'htmlFor',
  'style',
  'rel',
  'target',
  'lang',
  'dir',
  'autocomplete',
  'autoComplete',
  'inputMode',
  'enterKeyHint',
  'pattern',
  'accept',
  'method',
  'value',
  'kind',
  'variant',
  'viewBox',
  'd',
  'fill',
  'stroke',
  'xmlns',
  'width',
  'height',
  'spellcheck',
  'tabIndex',
  'download',
]);
const NON_TEXT_ARIA =
  /^aria-(labelledby|describedby|controls|owns|live|haspopup|expanded|current|invalid|hidden|checked|pressed|selected|modal|atomic|busy|disabled|sort|orientation|autocomplete|activedescendant|errormessage)$/;

/** Text a person would read: letters forming words, not a class list, a key, a selector or a code. */
export function looksLikeWords(raw: string): boolean {
  const text = raw.trim();
  if (!/\p{L}/u.test(text)) return false;
  if (PROPER_NOUNS.has(text)) return false;
  // Non-Latin letters are always words (someone wrote a translation inline).
  if (/[^\p{Script=Latin}\P{L}]/u.test(text)) return true;
  // Lowercase prose ("could not save", "close the panel"): plain words, one of them a word only sentences have.
  const tokens = text.split(/\s+/);
  if (
    tokens.length > 1 &&
    tokens.every((w) => /^[a-z]+[,.:;!?]?$/.test(w)) &&
    tokens.some((w) => PROSE_WORDS.has(w.replace(/[,.:;!?]$/, '')))
  )
    return true;
  // Lowercase identifiers, class lists, selectors, keys, paths, URLs and {placeholders}.
  if (/^[a-z0-9_.:/#@?&=%*[\]()>,+~"'${}-]+( [a-z0-9_.:/#@?&=%*[\]()>,+~"'${}-]+)*$/.test(text)) return false;
  // CSS: rules ("a { b: c; }") and inline declarations ("position:fixed;right:16px;").
  if (/^[^{}]*\{[^{}]*:[^{}]*\}/.test(text) || /^(\s*[a-z-]+\s*:[^;]+;)+\s*$/.test(text)) return false;
  // Codes like KeyJ, ArrowDown, HH:MM, Alt.
  if (/^[A-Za-z0-9_+:.-]+$/.test(text) && !/^[A-Z][a-z]+[.!?…:]?$/.test(text)) return false;
  return true;
}

/**
 * Properties that hold English for the console beside a locale text the user reads: an insertion's `reason` (its
 * `say` is shown), a damaged record's `problem` (its `issue` is shown).
 */
const LOG_PROPERTIES = new Set(['reason', 'problem']);

/**
 * Helpers whose string arguments are English for logs only: the background's console reporter, storage's builders of
 * a RadarError (`refuse`, `fail`: the locale text the user reads is another argument) and of a damaged chunk's report.
 */
const LOG_CALLEES = ['report', 'refuse', 'fail', 'badChunk'];
const LOG_CALLEE =
  /^console\.|^(querySelector|querySelectorAll|closest|matches|keyName)$|\.(querySelector|querySelectorAll|closest|matches)$/;

/**
 * Strings no one reads in the interface: console output, an Error's message (for logs; a RadarError carries its
 * locale text beside it), selectors, and key codes given to keyName.
 */
function isConsoleOrErrorArgument(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isPropertyAssignment(p)) {
      if (LOG_PROPERTIES.has(p.name.getText())) return true;
      continue;
    }
    if (ts.isCallExpression(p)) {
      const callee = p.expression.getText();
      return LOG_CALLEE.test(callee) || LOG_CALLEES.includes(callee);
    }
    if (ts.isNewExpression(p)) return /Error$/.test(p.expression.getText());
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

export function findLiteralStrings(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lines = source.split('\n');
  // Lines between `// i18n-ignore-start: why` and `// i18n-ignore-end`: a reviewed block of non-words.
  const inBlock: boolean[] = [];
  let open = false;
  lines.forEach((text, i) => {
    if (/i18n-ignore-start/.test(text)) open = true;
    else if (/i18n-ignore-end/.test(text)) open = false;
    inBlock[i] = open;
  });
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    // An explicit, reviewed exception: `// i18n-ignore: why` on the line or the one above, or a block.
    if (inBlock[line] || /i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '')) return;
    findings.push({ file, line: line + 1, text: text.trim() });
  };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxText(node)) {
      if (looksLikeWords(node.text) || (/\p{L}/u.test(node.text) && !PROPER_NOUNS.has(node.text.trim())))
        report(node, node.text);
      return;
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (NON_TEXT_ATTRIBUTES.has(name) || name.startsWith('data-') || NON_TEXT_ARIA.test(name)) return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksLikeWords(node.text) && !isConsoleOrErrorArgument(node) && !isTypePosition(node))
        report(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (looksLikeWords(parts) && !isConsoleOrErrorArgument(node)) report(node, parts);
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

/** Types, object keys, comparisons (`e.key === 'Enter'`) and switch cases hold codes, not words. */
function isTypePosition(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isLiteralTypeNode(p) || ts.isCaseClause(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === node) return true;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  return (
    ts.isBinaryExpression(p) &&
    [
      ts.SyntaxKind.EqualsEqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsEqualsToken,
      ts.SyntaxKind.EqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsToken,
    ].includes(p.operatorToken.kind)
  );
}
