/** The shell grammar Vethlab supports: lists, && ||, pipelines, subshells, redirections. */

/** A word before expansion: literal pieces and $parameters, with quoting remembered. */
export type WordPart = { kind: 'lit'; text: string } | { kind: 'param'; name: string };
export interface Word {
  parts: WordPart[];
}

export type RedirectOp = '>' | '>>' | '<' | '>&';
export interface Redirect {
  fd: number;
  op: RedirectOp;
  /** A file name word, or for '>&' the target descriptor. */
  target: Word;
}

export interface SimpleCommand {
  kind: 'simple';
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

export interface Subshell {
  kind: 'subshell';
  body: List;
  redirects: Redirect[];
}

export interface ForLoop {
  kind: 'for';
  name: string;
  words: Word[];
  body: List;
  redirects: Redirect[];
}

export type Command = SimpleCommand | Subshell | ForLoop;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  items: { andOr: AndOr; background: boolean }[];
}
