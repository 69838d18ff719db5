/**
 * Parts of the tab that are not shown first load on demand (`import()`: esbuild puts each in its own
 * chunk, teams-app/build.ts): the side panel's first render waits only for what it shows first. A part can
 * be preloaded as soon as it is known to be needed (the agenda while its data is fetched); once loaded it
 * renders at once, without a Suspense round. Until then <PartLoading> holds its place with a labelled
 * spinner in the reader's language; if its chunk cannot be loaded (the network failed), the place says so
 * and offers to try again, instead of the whole tab going blank.
 * Only light Fluent modules here (Spinner, Link, Text): this module is in the tab's first chunk.
 */
import { Link } from '@fluentui/react/lib/Link';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Text } from '@fluentui/react/lib/Text';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import { Component, Suspense, createElement, lazy, useState } from 'react';
import type { Strings } from '../i18n';
import { useEnv } from './env';

export interface LazyPart<P extends object> {
  /** renders the part, with <PartLoading> in its place until its chunk has arrived. */
  Part: (props: P) => ReactElement;
  /** starts loading the chunk (once); resolves when the part can render. */
  preload: () => Promise<unknown>;
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    // a failed load may be retried (a network blip): forget the rejected promise.
    loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    );
    return loading;
  };
  // the loaded part, rendered through a plain function (React.lazy's type does not keep a generic P). React
  // keeps a lazy component's failure for good: a retry needs a new one.
  const makeLazy = () =>
    lazy(async () => {
      const C = await preload();
      return { default: (props: { part: P }) => createElement(C, props.part) };
    });
  let Lazy = makeLazy();
  function Part(props: P): ReactElement {
    const { t } = useEnv();
    // decided once per mounted place: a part that arrived after its first render stays behind its boundary
    // (now answered at once), so its element tree, and with it its own state, is the same at every render.
    const [direct] = useState(() => loaded !== undefined);
    if (direct && loaded) return createElement(loaded, props);
    return (
      <PartBoundary
        t={t}
        onRetry={() => (Lazy = makeLazy())}
        // rendered by the boundary itself, so that after a retry it renders the new lazy component
        content={() => (
          <Suspense fallback={<PartLoading />}>
            <Lazy part={props} />
          </Suspense>
        )}
      />
    );
  }
  return { Part, preload };
}

/** The place of a part still loading: a labelled spinner ("Bezig met laden…" / "Loading…"). */
export function PartLoading(): ReactElement {
  const { t } = useEnv();
  return <Spinner label={t.loading} styles={{ root: { minHeight: 48 } }} />;
}

/** A part that could not be loaded: says so in the reader's language and offers to try again. */
class PartBoundary extends Component<{ t: Strings; onRetry: () => void; content: () => ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    const { t, onRetry, content } = this.props;
    if (!this.state.failed) return content();
    return (
      <div role="alert" style={{ minHeight: 48 }}>
        <Text block>{t.errorGeneric}</Text>
        <Link
          onClick={() => {
            onRetry();
            this.setState({ failed: false });
          }}
        >
          {t.retry}
        </Link>
      </div>
    );
  }
}
