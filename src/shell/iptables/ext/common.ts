/** Helpers shared by extensions: the x6 option checks' messages, ports and services, quoting. */
import { paramError, type IptError } from '../errors';
import { serviceName, servicePort } from '../netdb';
import { strtoui } from '../numbers';
import type { ExtOption } from './types';

/** The name messages use for an option id: the first option listed with it. */
export function optionName(options: ExtOption[], id: string): string {
  return options.find((o) => o.id === id)?.name ?? id;
}

/** xtables_option_parse: an option given twice, or negated when it cannot be. */
export function x6Checks(ext: string, options: ExtOption[], id: string, invert: boolean, seen: ReadonlySet<string>, canInvert: boolean, multi = false): IptError | null {
  const name = optionName(options, id);
  if (seen.has(id) && !multi) return paramError(`${ext}: option "--${name}" can only be used once.\n`);
  if (invert && !canInvert) return paramError(`${ext}: option "--${name}" cannot be inverted.\n`);
  return null;
}

export function mustBeSpecified(ext: string, name: string): IptError {
  return paramError(`${ext}: option "--${name}" must be specified\n`);
}

export function excluded(ext: string, a: string, b: string): IptError {
  return paramError(`${ext}: option "--${a}" cannot be used together with "--${b}".\n`);
}

/** Protocol names services are looked up under. */
export function protoName(proto: number): string {
  return proto === 6 ? 'tcp' : proto === 17 ? 'udp' : proto === 132 ? 'sctp' : proto === 33 ? 'dccp' : proto === 136 ? 'udplite' : '';
}

/** xtables_parse_port: a number (0-65535, any C base) or a service name. */
export function parsePort(text: string, proto: string): number | IptError {
  const n = strtoui(text, 65535);
  if (n !== null) return n;
  const byName = servicePort(text, proto);
  if (byName !== undefined) return byName;
  return paramError(`invalid port/service \`${text}' specified`);
}

export function portText(port: number, proto: string, numeric: boolean): string {
  return (numeric ? undefined : serviceName(port, proto)) ?? String(port);
}

/** xtables_save_string: bare if only [A-Za-z0-9_-], else double-quoted with " \ ' escaped. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** An option the real extension has but the simulator does not model. */
export function unsupported(ext: string, option: string): IptError {
  return paramError(`${ext}: option "--${option}" is not supported by this simulator`);
}
