// Who speaks for the brand on each site (its replies count as answers), whether to watch every post or only the
// brand's own, and the agent name that signs {agent}.
import { useEffect, useState } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../../utils/core/model';
import type { Settings } from '../../utils/core/settings';
import { Field, Section, Switch } from './Field';
import { identityProblem, parseIdentity } from './format';
import type { UpdateSettings } from './use-settings';

const IDENTITY_LABELS: Record<Platform, { label: string; placeholder: string; hint: string }> = {
  x: {
    label: 'X handles',
    placeholder: '@acme or https://x.com/acme',
    hint: 'Leave empty to use the account you are logged in with on X.',
  },
  facebook: {
    label: 'Facebook page names',
    placeholder: 'acmebrand or the page’s address',
    hint: 'The page’s name or the last part of its address (facebook.com/acmebrand).',
  },
  instagram: {
    label: 'Instagram usernames',
    placeholder: 'acme.official',
    hint: 'The username without @.',
  },
};

interface ChipListProps {
  platform: Platform;
  values: readonly string[];
  onChange: (values: string[]) => void;
}

function IdentityChips({ platform, values, onChange }: ChipListProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { label, placeholder, hint } = IDENTITY_LABELS[platform];

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
              Add
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
                aria-label={`Remove ${prefix}${v}`}
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
  const agentError = agent.length > 100 ? 'Keep the agent name to 100 characters.' : null;

  // Follow changes made elsewhere, unless the field holds something we could not save.
  useEffect(() => {
    setAgent((current) => (current.length > 100 ? current : settings.agentName));
  }, [settings.agentName]);

  return (
    <Section
      id="brand"
      title="Brand"
      description="The accounts that answer for your brand. A reply from one of them marks the comment as answered."
    >
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
          label="Track all posts"
          hint="Show waiting comments on every post you open, not only on the brand’s own posts."
          checked={settings.trackAllPosts}
          onChange={(trackAllPosts) => update({ trackAllPosts })}
        />
        <Field
          label="Agent name"
          hint="Fills {agent} in templates, e.g. “– Anna”. Leave empty to sign without a name."
          error={agentError}
        >
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
                if (value.length <= 100) update({ agentName: value });
              }}
            />
          )}
        </Field>
      </div>
    </Section>
  );
}
