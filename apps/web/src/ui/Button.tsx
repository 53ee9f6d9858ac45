import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

/** The app's button: react-aria's (press, keyboard and focus handled) with a variant class. */
export function Button({
  variant = 'primary',
  className,
  ...props
}: ButtonProps & { variant?: 'primary' | 'secondary' | 'link' }) {
  return (
    <AriaButton {...props} className={['button', `button-${variant}`, className].filter(Boolean).join(' ')} />
  );
}
