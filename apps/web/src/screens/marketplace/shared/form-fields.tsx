// Inputs the marketplace forms need beyond ui/fields: a multi-line text, a number or a date (kept
// as text in the form, zod converts), and a group of checkboxes. Bound to react-hook-form by
// name like ui/fields, with label, description and error wired for assistive technology.
import { useId, useState } from 'react';
import {
  Checkbox,
  CheckboxGroup,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
} from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { Button } from '../../../ui/Button';

interface FieldProps<T extends FieldValues> {
  readonly control: Control<T>;
  readonly name: Path<T>;
  readonly label: string;
  readonly description?: string;
}

/** A text field that may be multi-line, a number (`inputMode` numeric) or a date (YYYY-MM-DD). */
export function InputField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  kind = 'multiline',
}: FieldProps<T> & { kind?: 'multiline' | 'number' | 'date' }) {
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name });
  return (
    <AriaTextField
      className="field"
      name={name}
      type={kind === 'date' ? 'date' : 'text'}
      value={(value as string | undefined) ?? ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      {kind === 'multiline' ? (
        <TextArea ref={ref} rows={4} />
      ) : (
        <Input
          ref={ref}
          inputMode={kind === 'number' ? 'numeric' : undefined}
          className={kind === 'number' ? 'input-number' : undefined}
        />
      )}
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{fieldState.error?.message}</FieldError>
    </AriaTextField>
  );
}

/** Several checkboxes, one value each; the field's value is the list of checked values. */
export function CheckboxesField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  options,
}: FieldProps<T> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const {
    field: { value, onChange, onBlur },
    fieldState,
  } = useController({ control, name });
  return (
    <CheckboxGroup
      className="field checkbox-group"
      value={(value as string[] | undefined) ?? []}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <div className="checkbox-row">
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            {option.label}
          </Checkbox>
        ))}
      </div>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{fieldState.error?.message}</FieldError>
    </CheckboxGroup>
  );
}

/** Several choices from a long list: pick one and add it; each chosen one can be removed. */
export function MultiSelectField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  options,
  addLabel,
  removeLabel,
  placeholder,
}: FieldProps<T> & {
  options: ReadonlyArray<{ value: string; label: string }>;
  addLabel: string;
  removeLabel: (label: string) => string;
  placeholder: string;
}) {
  const {
    field: { value, onChange, ref },
    fieldState,
  } = useController({ control, name });
  const chosen = (value as string[] | undefined) ?? [];
  const [pending, setPending] = useState('');
  const id = useId();
  const error = fieldState.error?.message;
  const labelOf = (code: string) => options.find((o) => o.value === code)?.label ?? code;
  return (
    <fieldset
      className="field multi-select"
      aria-describedby={
        [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>{label}</legend>
      <div className="toolbar">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <select
          id={id}
          ref={ref}
          value={pending}
          onChange={(event) => setPending(event.target.value)}
          aria-invalid={error ? true : undefined}
        >
          <option value="">{placeholder}</option>
          {options
            .filter((o) => !chosen.includes(o.value))
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </select>
        <Button
          variant="secondary"
          isDisabled={!pending}
          onPress={() => {
            onChange([...chosen, pending]);
            setPending('');
          }}
        >
          {addLabel}
        </Button>
      </div>
      {chosen.length > 0 && (
        <ul className="chosen-list">
          {chosen.map((code) => (
            <li key={code}>
              {labelOf(code)}{' '}
              <Button
                variant="link"
                aria-label={removeLabel(labelOf(code))}
                onPress={() => onChange(chosen.filter((c) => c !== code))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
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
    </fieldset>
  );
}
