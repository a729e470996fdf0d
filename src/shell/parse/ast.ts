/**
 * The shell grammar Vethlab supports: lists, && ||, pipelines, subshells, { groups }, if, while,
 * until, for, redirections incl. here-documents, and $(…), `…`, $((…)) expansions.
 */

/** A word before expansion: literal pieces and expansions, with quoting remembered. */
export type WordPart =
  /** `bare`: unquoted text inside a `${…}` word, split into fields like an expansion (`${x:-a b}`). */
  | { kind: 'lit'; text: string; bare?: boolean }
  | { kind: 'param'; name: string; quoted?: boolean; op?: ParamOp }
  /** `$(…)` or `` `…` ``: the source of the command list, parsed when expanded. */
  | { kind: 'cmd'; source: string; quoted?: boolean }
  /** `$((…))`: an integer expression. */
  | { kind: 'arith'; expr: string; quoted?: boolean }
  /** An unquoted `*`, `?` or `[…]`: pathname expansion (glob.ts) in command words, literal elsewhere. */
  | { kind: 'glob'; text: string };
export interface Word {
  parts: WordPart[];
}

/** What `${NAME…}` does with the parameter (bash manual 3.5.3). */
export type ParamOp =
  /** `${x:-w}` `${x:=w}` `${x:+w}` `${x:?w}`, and without the colon only unset counts. */
  | { kind: 'default' | 'assign' | 'alternate' | 'error'; colon: boolean; word: Word }
  /** `${#x}` */
  | { kind: 'length' }
  /** `${!x}`: the parameter named by x's value. */
  | { kind: 'indirect' }
  /** `${x#p}` `${x##p}` `${x%p}` `${x%%p}` */
  | { kind: 'trim'; suffix: boolean; longest: boolean; pattern: Word }
  /** `${x/p/r}` `${x//p/r}` `${x/#p/r}` `${x/%p/r}` */
  | { kind: 'replace'; mode: 'first' | 'all' | 'prefix' | 'suffix'; pattern: Word; replacement: Word }
  /** `${x^}` `${x^^}` `${x,}` `${x,,}`, each with an optional pattern a character must match. */
  | { kind: 'case'; upper: boolean; all: boolean; pattern: Word }
  /** `${x:off}` `${x:off:len}`: arithmetic words. */
  | { kind: 'slice'; offset: Word; length?: Word }
  /** Not a valid form: `bash: ${…}: bad substitution` when expanded. */
  | { kind: 'bad'; text: string };

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<<' | '<<<';
export interface Redirect {
  fd: number;
  op: RedirectOp;
  /** A file name word, for '>&' the target descriptor, for '<<' the delimiter, for '<<<' the string. */
  target: Word;
  /** The here-document's text (`<<`), expanded unless the delimiter was quoted. */
  body?: Word;
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

/** `{ LIST; }`: runs in the current shell. */
export interface Group {
  kind: 'group';
  body: List;
  redirects: Redirect[];
}

export interface ForLoop {
  kind: 'for';
  name: string;
  /** Undefined without `in` (the positional parameters, none here). */
  words: Word[];
  body: List;
  redirects: Redirect[];
}

/** `while LIST; do LIST; done` and `until …`. */
export interface WhileLoop {
  kind: 'while';
  until: boolean;
  condition: List;
  body: List;
  redirects: Redirect[];
}

export interface IfCommand {
  kind: 'if';
  clauses: { condition: List; body: List }[];
  otherwise?: List;
  redirects: Redirect[];
}

/** `case WORD in PATTERN|PATTERN) LIST ;; … esac`; `;&` falls into the next body, `;;&` tests the next patterns. */
export interface CaseCommand {
  kind: 'case';
  word: Word;
  items: { patterns: Word[]; body: List; end: ';;' | ';&' | ';;&' }[];
  redirects: Redirect[];
}

/** `NAME() COMPOUND` or `function NAME COMPOUND`: defining it runs nothing. */
export interface FunctionDef {
  kind: 'function';
  name: string;
  body: Command;
  redirects: Redirect[];
}

/** `[[ EXPR ]]`: words are neither split nor globbed; `==`/`!=` take a pattern, `=~` a regular expression. */
export interface CondCommand {
  kind: 'cond';
  expr: CondExpr;
  redirects: Redirect[];
}

export type CondExpr =
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { kind: 'not'; expr: CondExpr }
  /** A lone word: true when not empty. */
  | { kind: 'word'; word: Word }
  | { kind: 'unary'; op: string; word: Word }
  | { kind: 'binary'; op: string; left: Word; right: Word };

/** `(( EXPR ))`: status 0 when EXPR is not 0. */
export interface ArithCommand {
  kind: 'arith';
  expr: string;
  redirects: Redirect[];
}

/** `for (( INIT; TEST; STEP ))`: an empty TEST is true. */
export interface ArithFor {
  kind: 'cfor';
  init: string;
  test: string;
  step: string;
  body: List;
  redirects: Redirect[];
}

export type Command = SimpleCommand | Subshell | Group | ForLoop | WhileLoop | IfCommand | CaseCommand | FunctionDef | CondCommand | ArithCommand | ArithFor;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  /** `text`: the item's source as typed (what `jobs` shows for a background job). */
  items: { andOr: AndOr; background: boolean; text: string }[];
}
