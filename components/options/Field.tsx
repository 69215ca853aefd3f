// A labelled form control with its hint and error wired for screen readers (aria-describedby, aria-invalid).
import type { ComponentChildren, VNode } from 'preact';
import { useId } from 'preact/hooks';
import { useFieldError } from './field-errors';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

interface FieldProps {
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | null;
  /** Shown under the control like a hint but styled as a caution (does not block saving). */
  warning?: string | null;
  class?: string;
  children: (control: ControlProps) => VNode;
}

export function Field({ label, hint, error, warning, class: className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : '', error ? errorId : '', warning ? `${id}-warning` : '']
    .filter(Boolean)
    .join(' ');
  const control: ControlProps = { id };
  if (described) control['aria-describedby'] = described;
  if (error) control['aria-invalid'] = 'true';
  return (
    <div class={`rr-field${error ? ' rr-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label class="rr-label" for={id}>
        {label}
      </label>
      {children(control)}
      {hint ? (
        <p class="rr-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} message={error} /> : null}
      {warning ? (
        <p class="rr-warning" id={`${id}-warning`}>
          {warning}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message: string }) {
  // The page's status line says "Not saved" while any field shows its error.
  useFieldError(message);
  return (
    <p class="rr-error" id={id} role="alert">
      {message}
    </p>
  );
}

interface SectionProps {
  id: string;
  title: string;
  description?: ComponentChildren;
  children: ComponentChildren;
}

/** One settings area, reachable from the side navigation by its id. */
export function Section({ id, title, description, children }: SectionProps) {
  return (
    <section class="rr-section" id={id} aria-labelledby={`${id}-title`}>
      <header class="rr-section__header">
        <h2 id={`${id}-title`}>{title}</h2>
        {description ? <p class="rr-section__description">{description}</p> : null}
      </header>
      {children}
    </section>
  );
}

interface SwitchProps {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ComponentChildren;
  name?: string;
}

/** A checkbox that looks like a switch; still a native checkbox for keyboards and screen readers. */
export function Switch({ label, checked, onChange, hint, name }: SwitchProps) {
  const id = useId();
  return (
    <div class="rr-switch">
      <input
        class="rr-switch__input"
        type="checkbox"
        role="switch"
        aria-checked={checked}
        id={id}
        name={name}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label class="rr-switch__label" for={id}>
        {label}
      </label>
      {hint ? (
        <p class="rr-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
