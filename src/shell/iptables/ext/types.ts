/**
 * The shape of an iptables extension (a match `-m NAME` or a target `-j NAME`): its long options,
 * how it parses them into engine data, its final checks, and how `-L` and `-S` print it.
 */
import type { MatchModule, Target } from '../../../engine/netfilter/types';
import type { IptError } from '../errors';
import type { HasArg } from '../getopt';
import type { HostsDb } from '../addr';

export interface ExtOption {
  name: string;
  hasArg: HasArg;
  /** Aliases share an id; messages name the first option listed with that id. */
  id: string;
}

/** What an extension may consult while parsing. */
export interface ParseEnv {
  /** `-p` as a number, and whether it was negated; null without `-p`. */
  proto: number | null;
  protoInverted: boolean;
  /** Takes the next command-line word if it is not an option (`--tcp-flags MASK COMP`). */
  takeArg(): string | null;
  /** Writes a warning to stderr (the command still succeeds). */
  warn(text: string): void;
}

/** What printers need besides the rule. */
export interface PrintEnv {
  numeric: boolean;
  /** The rule's protocol number (0 for all), for service names. */
  proto: number;
  hosts: HostsDb;
}

export interface Extension<S, T> {
  name: string;
  options: ExtOption[];
  init(): S;
  /** One option occurrence; `seen` lists the option ids already given to this instance. */
  parse(id: string, arg: string, invert: boolean, state: S, env: ParseEnv, seen: ReadonlySet<string>): IptError | null;
  /** After all options: mandatory options, exclusions, protocol requirements. */
  final(state: S, env: ParseEnv, seen: ReadonlySet<string>): IptError | null;
  build(state: S): T;
}

export type MatchExtension<S = unknown> = Extension<S, MatchModule>;
export type TargetExtension<S = unknown> = Extension<S, Target>;
