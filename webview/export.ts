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

/** The same drawing rasterised (2x) through a canvas: resolves to base64 PNG data. */
export function exportPng(svg: SVGSVGElement): Promise<string> {
  const text = exportSvg(svg);
  const box = svg.getBoundingClientRect();
  const img = new Image();
  return new Promise((resolve, reject) => {
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(box.width * 2));
      canvas.height = Math.max(1, Math.round(box.height * 2));
      const g = canvas.getContext('2d')!;
      g.fillStyle = getComputedStyle(document.body).backgroundColor || '#1e1e1e';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.scale(2, 2);
      g.drawImage(img, 0, 0);
      resolve(canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
    };
    img.onerror = () => reject(new Error('the SVG could not be rasterised'));
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
  });
}
