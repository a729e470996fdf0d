/**
 * Compose v2's progress output when stderr is not a terminal (a lab cell, a script, CI): the
 * `plain` writer (docker/compose pkg/progress/plain.go) prints each event with
 * fmt.Fprintln("", ID, Text, StatusText), hence the leading space and the double space when Text
 * is empty: ` Container demo-web-1  Started`. The TTY writer's `[+] Running 2/2` / ` ✔ ...` lines
 * are what a terminal shows; a lab output is not a terminal, so Vethlab prints the plain form.
 */
import { utcParts } from '../../common/clock';
import type { World } from '../../engine/world';

/** A resource event: ` Network demo_default  Created`. */
export function statusLine(id: string, status: string): string {
  return ` ${id}  ${status}`;
}

/** An event with Text and no StatusText (image pulls): ` web Pulling ` (Println's trailing separator). */
export function textLine(id: string, text: string): string {
  return ` ${id} ${text} `;
}

/** logrus' text formatter without a terminal: time="2026-01-15T09:30:00Z" level=warning msg="...". */
export function warningLine(world: World, message: string): string {
  const iso = utcParts(world.clock.epoch + world.clock.now()).iso.replace(/\.\d{3}Z$/, 'Z');
  return `time="${iso}" level=warning msg=${JSON.stringify(message)}`;
}
