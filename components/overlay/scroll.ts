// Scrolls only our own list, never the site's page: Element.scrollIntoView would also scroll every scrollable
// ancestor, and the page under the overlay must stay where the user left it.
export function scrollWithin(container: HTMLElement, el: Element): void {
  const box = container.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  if (rect.top < box.top) container.scrollTop -= box.top - rect.top;
  else if (rect.bottom > box.bottom) container.scrollTop += rect.bottom - box.bottom;
}
