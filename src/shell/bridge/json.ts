/**
 * iproute2's JSON output (lib/json_writer.c as bridge -j / -json prints it): fields in the
 * order the tool prints them, no spaces; with -p / -pretty four spaces per level, "[ " and " ]"
 * around arrays and their elements kept on one line. Always ends with a newline.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

class JsonWriter {
  text = '';
  private depth = 0;
  private sep = '';

  constructor(private readonly pretty: boolean) {}

  value(v: JsonValue): void {
    if (Array.isArray(v)) {
      this.begin('[');
      if (this.pretty) this.text += ' ';
      for (const item of v) this.value(item);
      if (this.pretty && this.sep) this.text += ' ';
      this.sep = '';
      this.end(']');
      return;
    }
    if (v !== null && typeof v === 'object') {
      this.begin('{');
      for (const [key, item] of Object.entries(v)) {
        this.name(key);
        this.value(item);
      }
      this.end('}');
      return;
    }
    this.eor();
    this.text += typeof v === 'string' ? quote(v) : String(v);
  }

  private name(key: string): void {
    this.eor();
    this.eol();
    this.sep = '';
    this.text += `${quote(key)}:${this.pretty ? ' ' : ''}`;
  }

  /** The separator before a value (none for the first one of a container). */
  private eor(): void {
    this.text += this.sep;
    this.sep = ',';
  }

  private eol(): void {
    if (this.pretty) this.text += `\n${'    '.repeat(this.depth)}`;
  }

  private begin(c: string): void {
    this.eor();
    this.text += c;
    this.depth++;
    this.sep = '';
  }

  private end(c: string): void {
    this.depth--;
    if (this.sep) this.eol();
    this.text += c;
    this.sep = ',';
  }
}

/** jsonw_puts: quotes, backslashes and control characters escaped. */
function quote(s: string): string {
  const escapes: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f', '\b': '\\b', '\\': '\\\\', '"': '\\"', "'": "\\'" };
  return `"${s.replace(/[\t\n\r\f\b\\"']/g, (c) => escapes[c]!)}"`;
}

export function jsonText(value: JsonValue, pretty: boolean): string {
  const w = new JsonWriter(pretty);
  w.value(value);
  return `${w.text}\n`;
}
