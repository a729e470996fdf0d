/** The topology view's side of the engine: world -> view model, deltas, traces. Pure. */
export { buildViewModel, nodeOfLink, nodeOfNetns } from './build';
export { applyViewDelta, diffViewModels } from './delta';
export { lastTrace, recordTrace, type RecordedTrace } from './last-trace';
export { toViewTrace } from './trace';
export { traceCapture, type TraceCapture } from './trace-pcap';
export { describeLink, describeNetns } from './describe';
