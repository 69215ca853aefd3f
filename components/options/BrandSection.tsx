// Who speaks for the brand on each site (its replies count as answers), whether to watch every post or only the
// brand's own, and the agent name that signs {agent}.
import { useEffect, useState } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../../utils/core/model';
import type { Settings } from '../../utils/core/settings';
import { t } from '../../utils/i18n';
import { Field, Section, Switch } from './Field';
import { identityProblem, parseIdentity } from './format';
import type { UpdateSettings } from './use-settings';

const AGENT_MAX = 100;

function identityLabels(platform: Platform): { label: string; placeholder: string; hint: string } {
  switch (platform) {
    case 'x':
      return { label: t('brand_x_label'), placeholder: t('brand_x_placeholder'), hint: t('brand_x_hint') };
    case 'facebook':
      return {
        label: t('brand_facebook_label'),
        placeholder: t('brand_facebook_placeholder'),
        hint: t('brand_facebook_hint'),
      };
    case 'instagram':
      return {
        label: t('brand_instagram_label'),
        placeholder: t('brand_instagram_placeholder'),
        hint: t('brand_instagram_hint'),
      };
  }
}

interface ChipListProps {
  platform: Platform;
  values: readonly string[];
  onChange: (values: string[]) => void;
}

export function IdentityChips({ platform, values, onChange }: ChipListProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { label, placeholder, hint } = identityLabels(platform);

  const add = () => {
    const value = parseIdentity(platform, text);
    const problem = identityProblem(platform, value, values);
    if (problem) {
      setError(problem);
      return;
    }
    onChange([...values, value]);
    setText('');
    setError(null);
  };

  const prefix = platform === 'facebook' ? '' : '@';
  return (
    <div class="rr-identity">
      <Field label={label} hint={hint} error={error}>
        {(c) => (
          <div class="rr-inline">
            <input
              {...c}
              type="text"
              name={`brand-${platform}`}
              placeholder={placeholder}
              autoComplete="off"
              spellcheck={false}
              value={text}
              onInput={(e) => {
                setText(e.currentTarget.value);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <button type="button" class="rr-button" onClick={add}>
              {t('common_add')}
            </button>
          </div>
        )}
      </Field>
      {values.length > 0 ? (
        <ul class="rr-chips" aria-label={label}>
          {values.map((v) => (
            <li key={v} class="rr-chip">
              <span>{`${prefix}${v}`}</span>
              <button
                type="button"
                class="rr-chip__remove"
                aria-label={t('brand_remove_identity', { name: `${prefix}${v}` })}
                onClick={() => onChange(values.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface BrandSectionProps {
  settings: Settings;
  update: UpdateSettings;
}

export function BrandSection({ settings, update }: BrandSectionProps) {
  const [agent, setAgent] = useState(settings.agentName);
  const agentError = agent.length > AGENT_MAX ? t('brand_agent_too_long', { max: AGENT_MAX }) : null;

  // Follow changes made elsewhere, unless the field holds something we could not save.
  useEffect(() => {
    setAgent((current) => (current.length > AGENT_MAX ? current : settings.agentName));
  }, [settings.agentName]);

  return (
    <Section id="brand" title={t('brand_title')} description={t('brand_description')}>
      <div class="rr-card">
        {PLATFORMS.map((p) => (
          <IdentityChips
            key={p}
            platform={p}
            values={settings.brand[p]}
            onChange={(values) => update({ brand: { ...settings.brand, [p]: values } })}
          />
        ))}
      </div>
      <div class="rr-card">
        <Switch
          label={t('brand_track_all_label')}
          hint={t('brand_track_all_hint')}
          checked={settings.trackAllPosts}
          onChange={(trackAllPosts) => update({ trackAllPosts })}
        />
        <Field label={t('brand_agent_label')} hint={t('brand_agent_hint')} error={agentError}>
          {(c) => (
            <input
              {...c}
              type="text"
              name="agentName"
              autoComplete="name"
              value={agent}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setAgent(value);
                if (value.length <= AGENT_MAX) update({ agentName: value });
              }}
            />
          )}
        </Field>
      </div>
    </Section>
  );
}
