import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: 'narrow' | 'wide';
}

function focusablesIn(node: HTMLElement): HTMLElement[] {
  return [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * A modal dialog. The rest of the app is made `inert` by the workspace while one is open; this
 * component moves focus in (to `[data-autofocus]` or the first control), keeps Tab inside, closes on
 * Escape and gives focus back to whatever opened it.
 */
export function Dialog({ title, onClose, children, size = 'narrow' }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  // A layout effect: the opener must be read before the workspace turns inert and the browser blurs it.
  useLayoutEffect(() => {
    const opener = document.activeElement;
    const node = panel.current;
    if (node !== null) {
      const target = node.querySelector<HTMLElement>('[data-autofocus]') ?? focusablesIn(node)[0] ?? node;
      target.focus();
    }
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    const node = panel.current;
    if (event.key !== 'Tab' || node === null) return;
    const focusables = focusablesIn(node);
    const first = focusables[0];
    const last = focusables.at(-1);
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === node)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
