// The words behind the Question / Complaint / Order labels: the built-in lists per language, read-only, and the
// user's own words added to them (settings.labelWords).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ANY_LANGUAGE, BUILTIN_LABEL_WORDS, LABEL_KINDS } from '../../utils/core/labels';
import type { LabelKind, Settings } from '../../utils/core/settings';
import { currentLocale, type MessageKey, t } from '../../utils/i18n';
import { Field, Section } from './Field';
import { languageName, parseList } from './format';
import type { UpdateSettings } from './use-settings';

const KIND_NAME_KEYS: Record<LabelKind, MessageKey> = {
  question: 'label_question',
  complaint: 'label_complaint',
  order: 'label_order',
};
const NO_BUILTIN_KEYS: Record<LabelKind, MessageKey> = {
  question: 'labels_no_builtin_question',
  complaint: 'labels_no_builtin_complaint',
  order: 'labels_no_builtin_order',
};
const YOURS_KEYS: Record<LabelKind, MessageKey> = {
  question: 'labels_yours_question',
  complaint: 'labels_yours_complaint',
  order: 'labels_yours_order',
};

type LabelWords = Settings['labelWords'];

function languagesOf(words: LabelWords): string[] {
  const all = new Set<string>();
  for (const kind of LABEL_KINDS) {
    for (const lang of Object.keys(BUILTIN_LABEL_WORDS[kind])) all.add(lang);
    for (const lang of Object.keys(words[kind] ?? {})) all.add(lang);
  }
  all.delete(ANY_LANGUAGE);
  return [ANY_LANGUAGE, ...[...all].sort((a, b) => languageName(a).localeCompare(languageName(b), currentLocale()))];
}

/** Word lists are keyed by the base language, lower-case ("pt-BR" → "pt"), as the label matcher looks them up. */
export function baseLanguageTag(input: string): string {
  return input.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function withWords(all: LabelWords, kind: LabelKind, lang: string, words: string[]): LabelWords {
  const forKind = { ...(all[kind] ?? {}) };
  if (words.length > 0) forKind[lang] = words;
  else delete forKind[lang];
  return { ...all, [kind]: forKind };
}

function initialLanguage(choices: readonly string[]): string {
  const own = baseLanguageTag(globalThis.navigator?.language ?? 'en');
  return choices.includes(own) ? own : 'en';
}

export function LabelsSection({ settings, update }: { settings: Settings; update: UpdateSettings }) {
  const words = settings.labelWords;
  const [added, setAdded] = useState<string[]>([]);
  const choices = useMemo(() => [...new Set([...languagesOf(words), ...added])], [words, added]);
  const [lang, setLang] = useState(() => initialLanguage(choices));
  const [newLang, setNewLang] = useState('');
  const [newLangError, setNewLangError] = useState<string | null>(null);

  const customized = choices.filter((l) => LABEL_KINDS.some((k) => (words[k]?.[l]?.length ?? 0) > 0));

  const addLanguage = () => {
    const tag = baseLanguageTag(newLang);
    if (!/^[a-z]{2,3}$/.test(tag)) {
      setNewLangError(t('labels_bad_language_code'));
      return;
    }
    setNewLangError(null);
    setAdded((a) => (a.includes(tag) ? a : [...a, tag]));
    setLang(tag);
    setNewLang('');
  };

  return (
    <Section id="labels" title={t('labels_title')} description={t('labels_description')}>
      <div class="rr-card">
        <div class="rr-grid">
          <Field label={t('labels_language')} class="rr-field--narrow">
            {(c) => (
              <select {...c} name="labelLanguage" value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
                {choices.map((l) => (
                  <option key={l} value={l}>
                    {l === ANY_LANGUAGE ? languageName(l) : `${languageName(l)} (${l})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('labels_another_language')}
            hint={t('labels_another_language_hint')}
            error={newLangError}
            class="rr-field--narrow"
          >
            {(c) => (
              <div class="rr-inline">
                <input
                  {...c}
                  type="text"
                  name="labelNewLanguage"
                  autoComplete="off"
                  spellcheck={false}
                  value={newLang}
                  onInput={(e) => setNewLang(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      addLanguage();
                    }
                  }}
                />
                <button type="button" class="rr-button" onClick={addLanguage}>
                  {t('common_add')}
                </button>
              </div>
            )}
          </Field>
        </div>
        {customized.length > 0 ? (
          <p class="rr-hint">
            {t('labels_customized', {
              languages: new Intl.ListFormat(currentLocale()).format(customized.map((l) => languageName(l))),
            })}
          </p>
        ) : null}
        {LABEL_KINDS.map((kind) => (
          <KindWords
            key={`${kind}-${lang}`}
            kind={kind}
            lang={lang}
            builtin={BUILTIN_LABEL_WORDS[kind][lang] ?? []}
            mine={words[kind]?.[lang] ?? []}
            onChange={(list) => update({ labelWords: withWords(words, kind, lang, list) })}
          />
        ))}
        <p class="rr-hint">{t('labels_match_hint')}</p>
      </div>
    </Section>
  );
}

interface KindWordsProps {
  kind: LabelKind;
  lang: string;
  builtin: readonly string[];
  mine: readonly string[];
  onChange: (words: string[]) => void;
}

function KindWords({ kind, lang, builtin, mine, onChange }: KindWordsProps) {
  const [text, setText] = useState(mine.join(', '));
  const stored = mine.join('\n');

  // Follow changes from elsewhere without rewriting what the user is typing ("foo, " stays as typed).
  useEffect(() => {
    setText((typed) =>
      parseList(typed).join('\n') === stored ? typed : stored.split('\n').filter(Boolean).join(', '),
    );
  }, [stored]);

  return (
    <div class="rr-label-kind">
      <h3 class="rr-label-kind__title">{t(KIND_NAME_KEYS[kind])}</h3>
      <p class="rr-muted rr-label-kind__builtin">
        {builtin.length > 0
          ? t('labels_builtin', { words: builtin.join(', ') })
          : t(NO_BUILTIN_KEYS[kind], { language: languageName(lang) })}
      </p>
      <Field label={t(YOURS_KEYS[kind])} hint={t('labels_comma_separated')}>
        {(c) => (
          <input
            {...c}
            type="text"
            name={`labelWords-${kind}`}
            autoComplete="off"
            value={text}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setText(value);
              onChange(parseList(value));
            }}
          />
        )}
      </Field>
    </div>
  );
}
