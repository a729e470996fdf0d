/** Export the drawing as a standalone SVG: the theme's colours resolved into an embedded style sheet. */

const VAR = /var\((--[\w-]+)(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g;

export function exportSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.getBoundingClientRect();
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = resolvedRules();
  clone.insertBefore(style, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function resolvedRules(): string {
  const computed = getComputedStyle(document.documentElement);
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(list)) {
      if (rule instanceof CSSStyleRule && /(^|[\s,])(svg|\.node|\.wire|\.packet|text)/.test(rule.selectorText)) {
        rules.push(rule.cssText.replace(VAR, (_m, name: string, fallback?: string) => computed.getPropertyValue(name).trim() || fallback || 'currentColor'));
      }
    }
  }
  return rules.join('\n');
}
