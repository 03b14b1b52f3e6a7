import { useEffect } from 'react';
import { useApp } from '../store/use-app.js';
import type { Notice } from '../store/notices-slice.js';

/** Confirmations fade on their own; errors stay until dismissed, because they may need acting on. */
const CONFIRMATION_MS = 8000;

function NoticeView({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (notice.tone === 'error') return undefined;
    const timer = setTimeout(() => {
      onDismiss(notice.id);
    }, CONFIRMATION_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [notice, onDismiss]);
  return (
    <div className={`notice notice-${notice.tone}`} data-notice-tone={notice.tone}>
      <p className="notice-message">{notice.message}</p>
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={() => {
          onDismiss(notice.id);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}

/**
 * Two live regions that always exist, so screen readers announce what is added to them: errors
 * assertively (`role="alert"`), confirmations politely (`role="status"`). Stays usable above dialogs.
 */
export function NoticeArea() {
  const notices = useApp((s) => s.notices);
  const dismissNotice = useApp((s) => s.dismissNotice);
  const errors = notices.filter((n) => n.tone === 'error');
  const others = notices.filter((n) => n.tone !== 'error');
  return (
    <section className="notices" aria-label="Notifications">
      <div role="alert" className="notice-list">
        {errors.map((notice) => (
          <NoticeView key={notice.id} notice={notice} onDismiss={dismissNotice} />
        ))}
      </div>
      <div role="status" className="notice-list">
        {others.map((notice) => (
          <NoticeView key={notice.id} notice={notice} onDismiss={dismissNotice} />
        ))}
      </div>
    </section>
  );
}
