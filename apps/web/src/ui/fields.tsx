// Form inputs bound to react-hook-form by name: label, input, description and the error (from
// zod or from the server) tied together for assistive technology.
import { useId } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

interface FieldProps<T extends FieldValues> {
  readonly control: Control<T>;
  readonly name: Path<T>;
  readonly label: string;
  readonly description?: string;
}

/** A text input; `multiline` makes it a text area of three rows. */
export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  type = 'text',
  autoComplete,
  multiline = false,
}: FieldProps<T> & {
  type?: 'text' | 'email' | 'password' | 'url';
  autoComplete?: string;
  multiline?: boolean;
}) {
  // Destructured: the React compiler's lint takes `field` for a ref because it holds one.
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name });
  return (
    <AriaTextField
      className="field"
      name={name}
      type={type}
      value={(value as string | undefined) ?? ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
      autoComplete={autoComplete}
    >
      <Label>{label}</Label>
      {multiline ? <TextArea ref={ref} rows={3} /> : <Input ref={ref} />}
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{fieldState.error?.message}</FieldError>
    </AriaTextField>
  );
}

/** A native <select>: accessible as is, and enough for short fixed lists. */
export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  options,
  placeholder,
}: FieldProps<T> & { options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name });
  const id = useId();
  const error = fieldState.error?.message;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        ref={ref}
        value={(value as string | undefined) ?? ''}
        onChange={onChange}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
        }
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {description && (
        <span id={`${id}-description`} className="description">
          {description}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

// In its own module so that screens without forms do not load react-hook-form for it.
export { FormError } from './FormError';
