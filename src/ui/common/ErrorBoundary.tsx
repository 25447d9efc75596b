import { Component, type ReactNode } from "react";

/** Keeps a failure in one area of the page from blanking the whole app. */
export class ErrorBoundary extends Component<{ area: string; children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="notice error">
        <p>
          Something went wrong in the {this.props.area}: {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
