// Threaded comments on a design. A thread anchored to a field is shown next to that field
// (FieldThreads, inside the form); the panel lists every thread, holds the threads about the
// design as a whole, and starts new ones about any field.
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { COMMENT, DESIGN, RESOLVE_COMMENT, type DesignComment } from './documents';
import { fieldLabel } from './format';
import { TextAction } from './fields';
import { ErrorNotice } from './ErrorNotice';

interface CommentsState {
  readonly designId: string;
  readonly comments: readonly DesignComment[];
  /** The field the new comment is about ('' for the design as a whole). */
  readonly field: string;
  readonly setField: (field: string) => void;
  /** Open the composer about `path` and move focus there. */
  readonly startComment: (path: string) => void;
}
const COMPOSER_ID = 'new-comment-body';
const CommentsContext = createContext<CommentsState | null>(null);

function useComments(): CommentsState {
  const state = useContext(CommentsContext);
  if (!state) throw new Error('comments are used outside their provider');
  return state;
}

/**
 * A thread belongs to `path` when anchored to it or, unless `exact`, to a path below it
 * (outcomes.0 → outcomes.0.statement). A list shown item by item takes `exact` for itself.
 */
const about = (comment: DesignComment, path: string, exact: boolean) =>
  comment.field !== null && (comment.field === path || (!exact && comment.field.startsWith(`${path}.`)));

export function FieldThreads({ path, exact = false }: { path: string; exact?: boolean }) {
  const { t } = useTranslation('codev');
  const { comments, startComment } = useComments();
  const threads = comments.filter((c) => about(c, path, exact));
  const label = fieldLabel(t, path);
  return (
    <div className="field-threads">
      {threads.map((thread) => (
        <Thread key={thread.id} thread={thread} />
      ))}
      <Button variant="link" onPress={() => startComment(path)}>
        {t('comments.commentOn', { field: label })}
      </Button>
    </div>
  );
}

function useCommentMutations() {
  const refetch = { refetchQueries: [DESIGN], awaitRefetchQueries: true };
  const [comment, commenting] = useMutation(COMMENT, refetch);
  const [resolve, resolving] = useMutation(RESOLVE_COMMENT, refetch);
  return {
    comment,
    resolve,
    error: commenting.error ?? resolving.error,
    busy: commenting.loading || resolving.loading,
  };
}

function Thread({ thread }: { thread: DesignComment }) {
  const { t, i18n } = useTranslation('codev');
  const { designId } = useComments();
  const { comment, resolve, error, busy } = useCommentMutations();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const where = thread.field ? fieldLabel(t, thread.field) : t('comments.general');
  return (
    <article
      className={thread.resolved ? 'thread resolved' : 'thread'}
      aria-label={t('comments.threadLabel', { author: thread.author.name, field: where })}
    >
      <p className="meta">
        {thread.author.name} ·{' '}
        <time dateTime={thread.createdAt}>{format.format(new Date(thread.createdAt))}</time> ·{' '}
        {t('comments.onVersion', { version: thread.designVersion })}
        {thread.resolved && <> · {t('comments.resolved')}</>}
      </p>
      <p>{thread.body}</p>
      {thread.replies.length > 0 && (
        <ul className="replies" aria-label={t('comments.replies')}>
          {thread.replies.map((r) => (
            <li key={r.id}>
              <p className="meta">
                {r.author.name} · <time dateTime={r.createdAt}>{format.format(new Date(r.createdAt))}</time>
              </p>
              <p>{r.body}</p>
            </li>
          ))}
        </ul>
      )}
      <div className="thread-actions">
        <TextAction
          label={t('comments.replyTo', { author: thread.author.name })}
          action={t('comments.reply')}
          blankMessage={t('validation.comment')}
          busy={busy}
          variant="secondary"
          rows={2}
          onSend={(body) => comment({ variables: { designId, body, replyTo: thread.id } })}
        />
        <Button
          variant="link"
          isDisabled={busy}
          onPress={() =>
            void resolve({ variables: { id: thread.id, resolved: !thread.resolved } }).catch(() => undefined)
          }
        >
          {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
        </Button>
      </div>
      <ErrorNotice error={error} />
    </article>
  );
}

export function CommentsProvider({
  designId,
  comments,
  children,
}: {
  designId: string;
  comments: readonly DesignComment[];
  children: ReactNode;
}) {
  const [field, setField] = useState('');
  const startComment = (path: string) => {
    setField(path);
    const input = document.getElementById(COMPOSER_ID);
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  };
  return (
    <CommentsContext value={{ designId, comments, field, setField, startComment }}>
      {children}
    </CommentsContext>
  );
}

/** Every thread at a glance, the general ones in full, and the composer for a new one. */
export function CommentsPanel({ fields }: { fields: readonly string[] }) {
  const { t } = useTranslation('codev');
  const { designId, comments, field, setField } = useComments();
  const { comment, error, busy } = useCommentMutations();
  const selectId = useId();
  const anchored = comments.filter((c) => c.field !== null);
  const general = comments.filter((c) => c.field === null);
  return (
    <section className="panel" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {t('comments.title', { count: comments.filter((c) => !c.resolved).length })}
      </h2>
      {anchored.length > 0 && (
        <ul className="thread-index" aria-label={t('comments.index')}>
          {anchored.map((c) => (
            <li key={c.id}>
              <strong>{fieldLabel(t, c.field ?? '')}</strong>: {c.body} — {c.author.name}
              {' · '}
              {t('comments.replyCount', { count: c.replies.length })}
              {c.resolved && <> · {t('comments.resolved')}</>}
            </li>
          ))}
        </ul>
      )}
      {general.map((thread) => (
        <Thread key={thread.id} thread={thread} />
      ))}
      <h3>{t('comments.new')}</h3>
      <div className="field">
        <label htmlFor={selectId}>{t('comments.about')}</label>
        <select id={selectId} value={field} onChange={(event) => setField(event.target.value)}>
          <option value="">{t('comments.general')}</option>
          {fields.map((path) => (
            <option key={path} value={path}>
              {fieldLabel(t, path)}
            </option>
          ))}
        </select>
      </div>
      <TextAction
        label={t('comments.body')}
        action={t('comments.post')}
        blankMessage={t('validation.comment')}
        busy={busy}
        inputId={COMPOSER_ID}
        onSend={(body) => comment({ variables: { designId, body, field: field || null } })}
      />
      <ErrorNotice error={error} />
    </section>
  );
}
