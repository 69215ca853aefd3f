// Locale texts put together from parts ("{place}: {problem}", each part a text of its own), and errors as the user
// reads them: storage, import and messaging errors carry a UserText; this renders it in the interface language.
// No zod here: content scripts show errors too.
import { errorUserText, type TextParam, type UserText } from '../storage/radar-error';
import { hasMessage, type MessageKey, type Params, type PluralKey, t, tn } from '.';

export type { UserText };

function paramValue(value: TextParam): string | number {
  return typeof value === 'object' ? renderText(value) : value;
}

/** The text in the interface language; a plural base (`<key>_one`/`_other`) picks its form by the `count` param. */
export function renderText(text: UserText): string {
  const params: Params = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = paramValue(value);
  const count = params.count;
  if (typeof count === 'number' && !hasMessage(text.key) && hasMessage(`${text.key}_other`)) {
    return tn(text.key as PluralKey, count, params);
  }
  return t(text.key as MessageKey, params);
}

/**
 * What went wrong, for the user, in the interface language. Kept small for the content scripts, which touch no
 * storage of their own; the extension's pages use components/error-text.ts, which also names a full disk.
 */
export function errorText(err: unknown): string {
  return renderText(errorUserText(err));
}
