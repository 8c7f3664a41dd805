// Moves an element to the end of <body>: a dialog opened from inside a scrolled, transformed
// list (the conversation's virtual rows) would otherwise be positioned and clipped by it.
export function portal(node: HTMLElement): { destroy(): void } {
  document.body.appendChild(node);
  return {
    destroy() {
      node.remove();
    },
  };
}
