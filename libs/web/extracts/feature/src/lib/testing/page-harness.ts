/** The visible text, with a space between elements (as a reader hears them). */
export function textOf(el: Element | null | undefined): string {
  if (!el) {
    return '';
  }
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
    } else {
      node.childNodes.forEach(walk);
      parts.push(' ');
    }
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export const tick = () => new Promise((resolve) => setTimeout(resolve));
