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
  // Lowercase identifiers, class lists, selectors, keys, paths and URLs.
  if (/^[a-z0-9_.:/#@?&=%*[\]()>,+~"'$-]+( [a-z0-9_.:/#@?&=%*[\]()>,+~"'$-]+)*$/.test(text)) return false;
  // Codes like KeyJ, ArrowDown, HH:MM, Alt.
  if (/^[A-Za-z0-9_+:.-]+$/.test(text) && !/^[A-Z][a-z]+[.!?…:]?$/.test(text)) return false;
  return true;
}

function isConsoleOrErrorArgument(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const callee = p.expression.getText();
      return /^console\.|^(querySelector|querySelectorAll|closest|matches)$|\.(querySelector|querySelectorAll|closest|matches)$/.test(
        callee,
      );
    }
    if (ts.isNewExpression(p)) return false;
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
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    // An explicit, reviewed exception: `// i18n-ignore: why` on the line or the one above.
    if (/i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '')) return;
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
