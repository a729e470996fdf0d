/**
 * The netfilter hooks as the walker calls them. The walker takes the runner as a parameter so
 * tests can inject a fake; `defaultHooks` is the real iptables engine (engine/netfilter).
 */
import type { Netns } from '../net/types';
import { runHook, type HookContext, type HookResult, type Verdict } from '../netfilter/hook';
import type { Hook } from '../netfilter/types';
import type { Packet } from './packet';

export type { HookContext, HookResult, Verdict };

export type HookRunner = (ns: Netns, hook: Hook, packet: Packet, ctx: HookContext) => HookResult;

/** Accepts everything unchanged (a namespace with no rules behaves like this). */
export const acceptAll: HookRunner = (_ns, _hook, packet) => ({ verdict: { kind: 'accept' }, packet, events: [] });

export const defaultHooks: HookRunner = runHook;
