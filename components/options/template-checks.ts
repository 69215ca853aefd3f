// Live checks of a template being edited, with the same rules the overlay fills it in by (render-template):
// which {variables} nothing fills in, and how long its fixed text is on X.
import {
  renderTemplate,
  TEMPLATE_VARIABLES,
  type TemplateVariable,
  templateVariablesUsed,
  validateTemplateBody,
} from '../../utils/core/render-template';
import { X_MAX_LENGTH, xWeightedLength } from '../../utils/core/x-length';

const DESCRIPTIONS: Record<TemplateVariable, string> = {
  first_name: 'First name of the person you answer',
  name: 'Full display name of the person you answer',
  handle: 'Their handle',
  brand: 'Your brand’s name on that site',
  agent: 'Your agent name (set under Brand)',
  platform: 'X, Facebook or Instagram',
  post_url: 'Link to the post the comment is on',
  cursor: 'Where the caret lands after inserting',
};

export interface VariableInfo {
  name: TemplateVariable;
  description: string;
}

export const VARIABLE_INFO: readonly VariableInfo[] = TEMPLATE_VARIABLES.map((name) => ({
  name,
  description: DESCRIPTIONS[name],
}));

/** Variables in `body` that nothing fills in, in the order they first appear. */
export function unknownVariables(body: string): string[] {
  return validateTemplateBody(body).unknown;
}

const EMPTY_VARS = { first_name: '', name: '', handle: '', brand: '', agent: '', platform: '', post_url: '' };
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

/** X's weighted length of the fixed text: the body rendered with every variable empty (their values vary). */
export function fixedXLength(body: string): { length: number; max: number; hasVariables: boolean } {
  const hasVariables = templateVariablesUsed(body).some((n) => KNOWN.has(n) && n !== 'cursor');
  return { length: xWeightedLength(renderTemplate(body, EMPTY_VARS).text), max: X_MAX_LENGTH, hasVariables };
}
