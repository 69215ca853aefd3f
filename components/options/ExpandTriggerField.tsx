// The character typed before a template's shortcut in a reply box (";thanks" then Space or Tab). Saved as soon as it
// is valid; an empty field turns type-to-expand off.
import { useState } from 'preact/hooks';
import { TRIGGER_PATTERN } from '../../utils/core/expand';
import type { Settings } from '../../utils/core/settings';
import { t } from '../../utils/i18n';
import { keyName } from '../../utils/overlay/keyboard';
import { Field } from './Field';
import type { UpdateSettings } from './use-settings';

export function ExpandTriggerField({ settings, update }: { settings: Settings; update: UpdateSettings }) {
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? settings.expandTrigger;
  const valid = TRIGGER_PATTERN.test(value.trim());
  return (
    <div class="rr-card" data-testid="expand-trigger">
      <h3>{t('expand_title')}</h3>
      <Field
        label={t('expand_trigger')}
        hint={t('expand_trigger_hint', {
          trigger: settings.expandTrigger || ';',
          space: keyName('Space'),
          tab: keyName('Tab'),
        })}
        error={valid ? undefined : t('expand_trigger_invalid')}
        class="rr-field--narrow"
      >
        {(c) => (
          <input
            {...c}
            name="expandTrigger"
            type="text"
            maxLength={2}
            autoComplete="off"
            spellcheck={false}
            value={value}
            onInput={(e) => {
              const next = e.currentTarget.value;
              setTyped(next);
              if (TRIGGER_PATTERN.test(next.trim())) update({ expandTrigger: next.trim() });
            }}
            onBlur={() => setTyped(null)}
          />
        )}
      </Field>
    </div>
  );
}
