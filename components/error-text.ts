// Errors as the extension's pages show them, in the interface language: storage, import and messaging errors by
// their locale text, a full disk by its own sentence, anything else as "Something went wrong (…)".
import { renderText } from '../utils/i18n/user-text';
import { userTextOf } from '../utils/storage/errors';

export function errorText(err: unknown): string {
  return renderText(userTextOf(err));
}
