// A part of the window that cannot be drawn (a value it cannot show) says so in its place and offers a reload;
// the rest of the window, the navigation included, keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './EmptyState.css';

interface Props {
  /** The part, in the user's words, as it starts a sentence: "The Network view". */
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.what} could not be shown:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="empty-state view-error" role="alert">
        <h2>{this.props.what} could not be shown</h2>
        <p>
          Some of what it shows is not what Twoway expects. Nothing was changed or lost, and the rest of Twoway works:
          pick another view, or reload the window.
        </p>
        <p>
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
        <details>
          <summary>Details</summary>
          <code>{error.message}</code>
        </details>
      </section>
    );
  }
}
