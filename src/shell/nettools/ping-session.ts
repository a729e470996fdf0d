/**
 * main_loop of iputils' ping_common.c over simulated time: when to send, when replies and
 * errors are read, when to stop (-c, -w, -W linger), and what the statistics say.
 *
 * At one instant ping sends before it reads (so an error that arrives as the next request
 * leaves is counted with that request in flight, as `pipe` shows), and the -w alarm fires
 * before a send due at the same time.
 */
import { refreshNeighbours, type SendError } from '../../engine/packet/walk';
import type { Output, ShellContext } from '../types';
import { Signal, type Proc, type Wait } from '../jobs/process';
import { formatStatistics, formatTripTime } from './ping-format';
import type { PingOptions } from './ping-options';
import { LIMITS } from '../../engine/limits';

/** Echo requests a ping without -c/-w sends before the simulated Ctrl-C. */
export const INTERRUPT_AFTER = 4;

/** The terminal's real Ctrl-C (src/host/terminal/interruptible.ts): how many requests it lets an unbounded ping send in a world. */
const interruptAfter = new WeakMap<object, number>();

export function setPingInterrupt(world: object, requests: number | undefined): void {
  if (requests === undefined) interruptAfter.delete(world);
  else interruptAfter.set(world, requests);
}

export type PingEvent = { at: number; seq: number; from: string } & ({ kind: 'reply'; ttl: number; rtt: number } | { kind: 'error'; text: string });

/** Sends echo request `seq` at time `at`; returns what will come back, or the errno sendmsg gave. */
export type Probe = (seq: number, at: number) => { error: SendError | null; events: PingEvent[] };

export const ERRNO_TEXT: Record<SendError, string> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
};

export class PingSession {
  private transmitted = 0;
  private received = 0;
  private errors = 0;
  private pipe = 0;
  private readonly rtts: number[] = [];
  private readonly pending: PingEvent[] = [];
  private readonly start: number;
  private lastSend: number;

  constructor(
    private readonly ctx: ShellContext,
    private readonly out: Output,
    private readonly opts: PingOptions,
    private readonly target: string,
    private readonly probe: Probe,
  ) {
    this.start = ctx.world.clock.now();
    this.lastSend = this.start;
  }

  /**
   * Runs to the end, waiting on the simulated clock between events, and prints the statistics;
   * returns ping's exit status. SIGINT (Ctrl-C) ends it with the statistics; other signals kill it.
   */
  *run(): Proc {
    const { count, deadline, interval } = this.opts;
    const alarmAt = deadline !== null ? this.start + deadline * 1000 : count === null ? this.start + (interruptAfter.get(this.ctx.world) ?? INTERRUPT_AFTER) * interval : null;
    let nextSend: number | null = this.start;
    let lingerAt: number | null = null;
    let now = this.start;
    let guard = 0;
    for (; guard < LIMITS.pingEvents; guard++) {
      const due = Math.min(nextSend ?? Infinity, this.nextEvent(), lingerAt ?? Infinity, alarmAt ?? Infinity);
      if (!Number.isFinite(due)) break;
      now = due;
      if (due > this.ctx.world.clock.now() && !(yield* this.waitUntil(due))) {
        now = this.ctx.world.clock.now();
        break;
      }
      if ((alarmAt !== null && alarmAt <= due) || (lingerAt !== null && lingerAt <= due)) break;
      if (nextSend !== null && nextSend <= due) {
        this.send(due);
        if (count !== null && this.transmitted >= count && deadline === null) {
          nextSend = null;
          lingerAt = due + (this.received ? Math.max((2 * Math.max(...this.rtts)) / 1000, interval) : this.opts.linger);
        } else nextSend = due + interval;
      }
      this.readUntil(due);
      if (count !== null && this.received + this.errors >= count) break;
      if (deadline !== null && this.errors > 0) break;
    }
    this.ctx.world.clock.set(Math.max(this.ctx.world.clock.now(), Math.ceil(now)));
    // The namespace's neighbour timers ran while ping waited (INCOMPLETE -> FAILED ...). Other
    // namespaces catch up when they are used: running their probes now could land after
    // changes the learner made meanwhile.
    refreshNeighbours(this.ctx.world, this.ctx.ns);
    this.out.out(
      formatStatistics({
        target: this.target,
        transmitted: this.transmitted,
        received: this.received,
        errors: this.errors,
        elapsed: Math.round(this.lastSend - this.start),
        rtts: this.opts.dataLen >= 16 ? this.rtts : null,
        pipe: this.pipe,
      }),
    );
    const short = deadline !== null && count !== null && this.received < count;
    if (guard >= LIMITS.pingEvents) {
      this.out.err(`vethlab: ping stopped after ${LIMITS.pingEvents} packets and replies (the limit for one ping)`);
      return 1;
    }
    return !this.received || short ? 1 : 0;
  }

  /** False when Ctrl-C interrupted the wait. */
  private *waitUntil(at: number): Generator<Wait, boolean, void> {
    try {
      yield { kind: 'timer', until: Math.ceil(at) };
      return true;
    } catch (e) {
      if (e instanceof Signal && e.name === 'INT') return false;
      throw e;
    }
  }

  private nextEvent(): number {
    return this.pending.reduce((min, e) => Math.min(min, e.at), Infinity);
  }

  private send(at: number): void {
    const clock = this.ctx.world.clock;
    if (at > clock.now()) clock.set(Math.ceil(at));
    const result = this.probe((this.transmitted + 1) & 0xffff, at);
    this.transmitted++;
    this.lastSend = at;
    if (result.error) this.out.err(`ping: sendmsg: ${ERRNO_TEXT[result.error]}`);
    this.pending.push(...result.events);
  }

  private readUntil(t: number): void {
    const due = this.pending.filter((e) => e.at <= t).sort((a, b) => a.at - b.at);
    for (const e of due) {
      this.pending.splice(this.pending.indexOf(e), 1);
      this.acknowledge(e.seq);
      if (e.kind === 'error') {
        this.errors++;
        if (!this.opts.quiet) this.out.line(`From ${e.from} icmp_seq=${e.seq} ${e.text}`);
        continue;
      }
      this.received++;
      this.rtts.push(e.rtt);
      if (this.opts.quiet) continue;
      const time = this.opts.dataLen >= 16 ? ` time=${formatTripTime(e.rtt)} ms` : '';
      this.out.line(`${this.opts.dataLen + 8} bytes from ${e.from}: icmp_seq=${e.seq} ttl=${e.ttl}${time}`);
    }
  }

  /** The pipe size: how many requests were outstanding when a reply or error came back. */
  private acknowledge(seq: number): void {
    const diff = (this.transmitted - seq) & 0xffff;
    if (diff <= 0x7fff && diff + 1 > this.pipe) this.pipe = diff + 1;
  }
}
