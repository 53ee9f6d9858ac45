// Inputs the design form needs beyond ui/fields: a yes / no / not stated choice (the design's
// booleans are nullable), a group of checkboxes over a list, and a few lines sent by a button.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Label, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/fields';

interface Props<T extends FieldValues> {
  readonly control: Control<T>;
  readonly name: Path<T>;
  readonly label: string;
  readonly description?: string;
}

/** '' (not stated), 'yes' or 'no'. */
export function YesNoField<T extends FieldValues>(props: Props<T>) {
  const { t } = useTranslation('codev');
  return (
    <SelectField
      {...props}
      placeholder={t('notStated')}
      options={[
        { value: 'yes', label: t('yes') },
        { value: 'no', label: t('no') },
      ]}
    />
  );
}

export function CheckboxesField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  render,
}: Props<T> & {
  options: ReadonlyArray<{ value: string; label: string }>;
  render?: (value: string) => ReactNode;
}) {
  const {
    field: { value, onChange },
    fieldState,
  } = useController({ control, name });
  const id = useId();
  const selected = (value as string[] | undefined) ?? [];
  const error = fieldState.error?.message;
  return (
    <fieldset className="checks" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...selected, option.value]
                  : selected.filter((v) => v !== option.value),
              )
            }
          />
          {render ? render(option.value) : option.label}
        </label>
      ))}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/**
 * A few lines of text sent by a button (a reply, a comment, a request for changes): refused
 * before sending when blank, cleared once sent.
 */
export function TextAction({
  label,
  action,
  blankMessage,
  busy,
  onSend,
  variant = 'primary',
  inputId,
  rows = 3,
}: {
  label: string;
  action: string;
  blankMessage: string;
  busy: boolean;
  onSend: (text: string) => Promise<unknown>;
  variant?: 'primary' | 'secondary';
  inputId?: string;
  rows?: number;
}) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const send = () => {
    setInvalid(!text.trim());
    if (!text.trim()) return;
    void onSend(text.trim())
      .then(() => setText(''))
      .catch(() => undefined);
  };
  return (
    <>
      <AriaTextField
        className="field"
        value={text}
        onChange={setText}
        isInvalid={invalid}
        validationBehavior="aria"
      >
        <Label>{label}</Label>
        <TextArea id={inputId} rows={rows} />
        <FieldError>{blankMessage}</FieldError>
      </AriaTextField>
      <Button variant={variant} isDisabled={busy} onPress={send}>
        {action}
      </Button>
    </>
  );
}
