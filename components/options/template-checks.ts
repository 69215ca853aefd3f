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
import { type MessageKey, t } from '../../utils/i18n';

const DESCRIPTIONS: Record<TemplateVariable, MessageKey> = {
  first_name: 'var_first_name',
  name: 'var_name',
  handle: 'var_handle',
  brand: 'var_brand',
  agent: 'var_agent',
  platform: 'var_platform',
  post_url: 'var_post_url',
  cursor: 'var_cursor',
};

export interface VariableInfo {
  name: TemplateVariable;
  description: string;
}

/** Each variable with what it fills in, in the interface language. */
export function variableInfo(): VariableInfo[] {
  return TEMPLATE_VARIABLES.map((name) => ({ name, description: t(DESCRIPTIONS[name]) }));
}

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
