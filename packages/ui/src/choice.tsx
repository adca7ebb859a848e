import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { cn } from "./cn";

const CHOICE =
  "mt-0.5 size-4 shrink-0 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed";

interface ChoiceProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  label: ReactNode;
  description?: ReactNode;
}

function Choice({ type, label, description, className, id, ...props }: ChoiceProps & { type: "checkbox" | "radio" }) {
  const generated = useId();
  const inputId = id ?? generated;
  const descriptionId = description ? `${inputId}-description` : undefined;
  return (
    <div className={cn("flex items-start gap-2", className)}>
      <input id={inputId} type={type} aria-describedby={descriptionId} className={CHOICE} {...props} />
      <div className="text-sm leading-5">
        <label htmlFor={inputId} className="font-medium text-fg">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-xs text-fg-muted">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function Checkbox(props: ChoiceProps) {
  return <Choice type="checkbox" {...props} />;
}

export function Radio(props: ChoiceProps) {
  return <Choice type="radio" {...props} />;
}

/** A group of checkboxes or radios under one legend, so the group itself has a name. */
export function Fieldset({ legend, hint, error, className, children }: { legend: string; hint?: ReactNode; error?: string | undefined; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className={cn("space-y-2", className)} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {hint ? <p className="text-xs text-fg-muted">{hint}</p> : null}
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
