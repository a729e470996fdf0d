/**
 * "Export trace as pcap": enabled while the view shows a trace that put frames on a wire. The
 * frames stay in the extension host; the webview only names the trace (its seq) to export.
 * The same state goes into the page's data-vscode-context, so the panel's context menu offers
 * the command only when there is something to save.
 */
import type { ViewTrace } from '../src/protocol/view-model';

export class PcapExport {
  private seq: number | null = null;

  constructor(
    private readonly button: HTMLElement,
    private readonly request: (seq: number) => void,
  ) {}

  /** The trace on display, or null when there is none (another world, no world). */
  show(trace: ViewTrace | null): void {
    this.seq = trace && trace.frames > 0 ? trace.seq : null;
    this.button.toggleAttribute('disabled', this.seq === null);
    this.button.setAttribute('aria-disabled', String(this.seq === null));
    this.button.title = trace
      ? trace.frames > 0
        ? `Save the ${trace.frames} frames of "${trace.label}" as a pcapng capture for Wireshark`
        : `"${trace.label}" put no frame on a wire: nothing to export`
      : 'Save the packets of the trace as a pcapng capture for Wireshark (no trace yet)';
    document.body.dataset.vscodeContext = JSON.stringify({ vethlabTraceFrames: this.seq !== null });
  }

  run(): void {
    if (this.seq !== null) this.request(this.seq);
  }
}
