/**
 * A network's addresses held by running containers, and the lowest free one (what libnetwork's
 * IPAM hands out next), without a pass over the containers. Derived data per network object: built
 * from the daemon's containers on first use (a restored snapshot has new network objects), then
 * told by sandbox.ts when an endpoint is plugged (its address held) or unplugged (released). A
 * holder is checked against its container as it is now before it counts.
 */
import { MinHeap } from './min-heap';
import type { Container, DaemonState, DockerNetwork } from './types';

type ReservingNetwork = DockerNetwork & { reserved?: number[] };

interface AddressBook {
  holders: Map<number, Container>;
  /** The allocatable range's first address when `top` was set (a reset if it moves). */
  lo: number;
  /** Every address from `lo` below `top` was held when the allocator passed it, or is in `freed`. */
  top: number;
  freed: MinHeap<number>;
  /** The reserved list seen last: an address leaving it (swarm's ingress gateway) is free again. */
  reserved: readonly number[];
}

const books = new WeakMap<DockerNetwork, AddressBook>();

function holds(c: Container, net: DockerNetwork, ip: number): boolean {
  return c.nsId !== null && c.endpoints.some((e) => e.networkId === net.id && e.ip === ip);
}

function bookOf(daemon: DaemonState, net: DockerNetwork): AddressBook {
  let book = books.get(net);
  if (book) return book;
  book = { holders: new Map(), lo: 0, top: 0, freed: new MinHeap((a, b) => a < b), reserved: (net as ReservingNetwork).reserved ?? [] };
  for (const c of daemon.containers) if (c.nsId !== null) for (const e of c.endpoints) if (e.networkId === net.id) book.holders.set(e.ip, c);
  books.set(net, book);
  return book;
}

function release(book: AddressBook, ip: number): void {
  if (ip >= book.lo && ip < book.top) book.freed.push(ip);
}

/** Whether `ip` is held: the gateway, a reserved address, or a running container's endpoint on the network. */
function taken(book: AddressBook, net: DockerNetwork, ip: number): boolean {
  if (ip === net.gateway || book.reserved.includes(ip)) return true;
  const c = book.holders.get(ip);
  if (c === undefined) return false;
  if (holds(c, net, ip)) return true;
  book.holders.delete(ip);
  release(book, ip);
  return false;
}

function catchUpReserved(book: AddressBook, net: DockerNetwork): void {
  const now = (net as ReservingNetwork).reserved ?? [];
  if (now === book.reserved) return;
  for (const ip of book.reserved) if (!now.includes(ip)) release(book, ip);
  book.reserved = now;
}

/** Addresses in use on the network (the gateway, reserved ones, running containers' endpoints) include `ip`. */
export function addressTaken(daemon: DaemonState, net: DockerNetwork, ip: number): boolean {
  const book = bookOf(daemon, net);
  catchUpReserved(book, net);
  return taken(book, net, ip);
}

/** The lowest free address of [lo, hi], or undefined when every one is taken. */
export function lowestFree(daemon: DaemonState, net: DockerNetwork, lo: number, hi: number): number | undefined {
  const book = bookOf(daemon, net);
  catchUpReserved(book, net);
  if (book.lo !== lo || book.top < lo) {
    book.lo = lo;
    book.top = lo;
    book.freed = new MinHeap((a, b) => a < b);
  }
  for (let ip = book.freed.peek(); ip !== undefined; ip = book.freed.peek()) {
    if (ip < book.top && ip <= hi && !taken(book, net, ip)) return ip >>> 0;
    book.freed.pop();
  }
  while (book.top <= hi && taken(book, net, book.top)) book.top++;
  return book.top <= hi ? book.top >>> 0 : undefined;
}

/** An endpoint was plugged: its container holds the address. */
export function addressHeld(net: DockerNetwork, ip: number, c: Container): void {
  books.get(net)?.holders.set(ip, c);
}

/** An endpoint was unplugged: the address is free unless someone else holds it. */
export function addressReleased(net: DockerNetwork, ip: number, c: Container): void {
  const book = books.get(net);
  if (!book || book.holders.get(ip) !== c) return;
  book.holders.delete(ip);
  release(book, ip);
}
