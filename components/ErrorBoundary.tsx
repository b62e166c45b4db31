import { Component, type ComponentChildren } from 'preact';

interface Props {
  /** What failed, for the message and the console ("Lead detail", "Insights"). */
  label: string;
  /** A new key (another lead, another section) clears a failure: the new content gets its own try. */
  resetKey?: unknown;
  children: ComponentChildren;
}
interface State {
  error: unknown;
  key: unknown;
}

/**
 * Catches a render error in one part of a page, so one bad record or one bug blanks only
 * that part: it says so, says the data is safe (rendering never writes), and
 * offers to try again. Without it Preact leaves the previous DOM in place, so the page went
 * on showing the last lead's links under the new lead's name.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: undefined };

  static override getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown error') };
  }

  static override getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`${this.props.label} failed to display`, error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div class="render-failed" role="alert">
        <p>
          <strong>This part failed to display.</strong> Your data is safe.
        </p>
        <p class="muted small">
          {this.props.label}: {this.state.error instanceof Error ? this.state.error.message : String(this.state.error)}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
