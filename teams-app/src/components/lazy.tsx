/**
 * Parts of the tab that are not shown first load on demand (`import()`: esbuild puts each in its own
 * chunk, teams-app/build.ts): the side panel's first render waits only for what it shows first. A part can
 * be preloaded as soon as it is known to be needed (the agenda while its data is fetched); once loaded it
 * renders at once, without a Suspense round. Until then <PartLoading> holds its place with a labelled
 * spinner in the reader's language.
 */
import { Spinner } from '@fluentui/react/lib/Spinner';
import type { ComponentType, ReactElement } from 'react';
import { Suspense, createElement, lazy } from 'react';
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
  // the loaded part, rendered through a plain function (React.lazy's type does not keep a generic P).
  const Lazy = lazy(async () => {
    const C = await preload();
    return { default: (props: { part: P }) => createElement(C, props.part) };
  });
  function Part(props: P): ReactElement {
    if (loaded) return createElement(loaded, props);
    return (
      <Suspense fallback={<PartLoading />}>
        <Lazy part={props} />
      </Suspense>
    );
  }
  return { Part, preload };
}

/** The place of a part still loading: a labelled spinner ("Bezig met laden…" / "Loading…"). */
export function PartLoading(): ReactElement {
  const { t } = useEnv();
  return <Spinner label={t.loading} styles={{ root: { minHeight: 48 } }} data-testid="part-loading" />;
}
